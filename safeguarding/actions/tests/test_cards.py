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


def test_your_actions_card_count_is_the_length_of_the_list_it_opens(
    client: Any, lead_a: User, agency_a: Any, frozen: Any
) -> None:
    """#15: the number on the card is the number of actions the "see all" list shows."""
    from safeguarding.actions.cards import CARD_LIMIT, my_actions_card
    from safeguarding.actions.models import Action
    from safeguarding.actions.tests.factories import ActionFactory

    ActionFactory.create_batch(CARD_LIMIT + 2, owner_agency=agency_a)
    ActionFactory.create_batch(
        3, owner_agency=agency_a, status=Action.Status.COMPLETE, completed_on=TODAY
    )

    card = my_actions_card(lead_a)

    assert card is not None
    assert card.count == CARD_LIMIT + 2
    assert len(card.items) == CARD_LIMIT
    client.force_login(lead_a)
    listed = client.get(card.link_url).context["page_obj"].paginator.count
    assert listed == card.count


def test_plans_due_for_review_card_count_is_the_length_of_the_list_it_opens(
    client: Any, officer: User, frozen: Any
) -> None:
    from safeguarding.actions.cards import CARD_LIMIT

    ActionPlanFactory.create_batch(CARD_LIMIT + 3, next_review_due=TODAY)
    ActionPlanFactory.create_batch(4, next_review_due=date_after())

    card = plans_due_for_review_card(officer)

    assert card is not None
    assert card.count == CARD_LIMIT + 3
    client.force_login(officer)
    listed = client.get(card.link_url).context["page_obj"].paginator.count
    assert listed == card.count
