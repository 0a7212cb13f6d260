from __future__ import annotations

import pytest

from safeguarding.actions import demo
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.partnership import demo as partnership_demo
from safeguarding.partnership.models import Group

pytestmark = pytest.mark.django_db


def test_seed_builds_the_qeg_plan_once() -> None:
    partnership_demo.seed()

    demo.seed()
    demo.seed()

    plan = ActionPlan.objects.get()
    assert plan.source == Group.objects.get(name="Quality & Effectiveness Group")
    statuses = {a.current_status for a in Action.objects.all()}
    assert statuses == {"on_track", "overdue", "at_risk", "complete", "not_started"}
    assert Action.objects.filter(owner_agency__name="Cambridgeshire Constabulary").count() == 2


def test_seed_does_nothing_without_the_partnership() -> None:
    demo.seed()

    assert ActionPlan.objects.count() == 0
