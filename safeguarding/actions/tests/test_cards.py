from __future__ import annotations

from typing import Any

import pytest

from safeguarding.accounts.models import User
from safeguarding.actions.cards import plans_due_for_review_card
from safeguarding.actions.tests.conftest import TODAY
from safeguarding.actions.tests.factories import ActionPlanFactory

pytestmark = pytest.mark.django_db


def test_plans_due_for_review_card_for_staff(
    officer: User, member_readonly: User, frozen: Any
) -> None:
    due = ActionPlanFactory.create(title="Synthetic plan due", next_review_due=TODAY)
    ActionPlanFactory.create(title="Not yet", next_review_due=date_after())

    card = plans_due_for_review_card(officer)

    assert card is not None
    assert [(i.text, i.tag) for i in card.items] == [("Synthetic plan due", "Review due")]
    assert card.items[0].url == f"/actions/plans/{due.pk}/"
    assert plans_due_for_review_card(member_readonly) is None


def date_after() -> Any:
    from datetime import timedelta

    return TODAY + timedelta(days=1)
