from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions import selectors, services
from safeguarding.actions.models import Action
from safeguarding.actions.tests.conftest import TODAY
from safeguarding.actions.tests.factories import ActionFactory, ActionPlanFactory
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


# --- the overdue rule ----------------------------------------------------------------


def test_action_past_due_is_overdue_even_when_stored_status_on_track(
    owner: User, frozen: Any
) -> None:
    action = ActionFactory.create(
        due_date=TODAY - timedelta(days=1), status=Action.Status.ON_TRACK
    )

    overdue = list(selectors.action_list_for_user(user=owner, overdue=True))
    by_status = list(selectors.action_list_for_user(user=owner, status=Action.Status.OVERDUE))
    on_track = list(selectors.action_list_for_user(user=owner, status=Action.Status.ON_TRACK))

    assert overdue == [action]
    assert by_status == [action]
    assert on_track == []
    assert action.current_status == Action.Status.OVERDUE
    assert action.rag == "red"
    assert action.rag_tag_class == "govuk-tag--red"


def test_action_due_today_is_not_overdue(owner: User, frozen: Any) -> None:
    action = ActionFactory.create(due_date=TODAY, status=Action.Status.ON_TRACK)

    assert list(selectors.action_list_for_user(user=owner, overdue=False)) == [action]
    assert list(selectors.overdue_actions(user=owner)) == []
    assert action.rag == "green"


def test_complete_action_is_never_overdue(owner: User, frozen: Any) -> None:
    ActionFactory.create(
        due_date=TODAY - timedelta(days=30), status=Action.Status.COMPLETE, completed_on=TODAY
    )

    assert list(selectors.overdue_actions(user=owner)) == []
    assert selectors.action_list_for_user(user=owner, status=Action.Status.COMPLETE).count() == 1


def test_action_marked_overdue_counts_as_overdue_before_its_due_date(
    owner: User, frozen: Any
) -> None:
    action = ActionFactory.create(
        due_date=TODAY + timedelta(days=10), status=Action.Status.OVERDUE
    )

    assert list(selectors.overdue_actions(user=owner)) == [action]


def test_rag_colours_for_each_status(frozen: Any) -> None:
    colours = {
        status: ActionFactory.build(status=status, due_date=TODAY).rag
        for status in (
            Action.Status.NOT_STARTED,
            Action.Status.ON_TRACK,
            Action.Status.AT_RISK,
            Action.Status.OVERDUE,
        )
    }
    colours[Action.Status.COMPLETE] = ActionFactory.build(
        status=Action.Status.COMPLETE, completed_on=TODAY
    ).rag

    assert colours == {
        Action.Status.NOT_STARTED: "grey",
        Action.Status.ON_TRACK: "green",
        Action.Status.AT_RISK: "amber",
        Action.Status.OVERDUE: "red",
        Action.Status.COMPLETE: "blue",
    }


# --- scope ---------------------------------------------------------------------------


def test_agency_lead_sees_only_their_agency_actions(
    lead_a: User, agency_a: Agency, agency_b: Agency
) -> None:
    mine = ActionFactory.create(owner_agency=agency_a)
    ActionFactory.create(owner_agency=agency_b)

    assert list(selectors.action_list_for_user(user=lead_a)) == [mine]


def test_owner_person_sees_the_action_they_own(make_user: Callable[..., User]) -> None:
    person = make_user(Role.CDOP_MANAGER)
    owned = ActionFactory.create(owner_person=person)
    ActionFactory.create()

    assert list(selectors.action_list_for_user(user=person)) == [owned]


def test_read_only_roles_and_staff_see_every_action(member_readonly: User, officer: User) -> None:
    ActionFactory.create_batch(3)

    assert selectors.action_list_for_user(user=member_readonly).count() == 3
    assert selectors.action_list_for_user(user=officer).count() == 3


def test_outsider_sees_no_actions(outsider: User) -> None:
    ActionFactory.create_batch(2)

    assert selectors.action_list_for_user(user=outsider).count() == 0
    assert selectors.action_plan_list_for_user(user=outsider).count() == 0


def test_agency_filter(owner: User, agency_a: Agency, agency_b: Agency) -> None:
    ActionFactory.create(owner_agency=agency_a)
    in_b = ActionFactory.create(owner_agency=agency_b)

    assert list(selectors.action_list_for_user(user=owner, agency=agency_b)) == [in_b]
    assert list(selectors.action_list_for_user(user=owner, agency=agency_b.pk)) == [in_b]


def test_actions_of_archived_plans_are_hidden(owner: User) -> None:
    ActionFactory.create(
        plan=ActionPlanFactory.create(archived_at=datetime(2025, 1, 1, tzinfo=UTC))
    )

    assert selectors.action_list_for_user(user=owner).count() == 0


def test_action_list_runs_one_query(
    owner: User, django_assert_num_queries: Any, frozen: Any
) -> None:
    ActionFactory.create_batch(3, owner_person=owner)
    owner.roles  # noqa: B018 - load the role cache first

    with django_assert_num_queries(1):
        rows = [
            (a.plan.title, a.owner_agency.name, a.owner_person.display_name, a.rag)
            for a in selectors.action_list_for_user(user=owner)
            if a.owner_person is not None
        ]
    assert len(rows) == 3


def test_plan_list_counts_only_what_the_user_may_see(
    lead_a: User, agency_a: Agency, agency_b: Agency, frozen: Any
) -> None:
    plan = ActionPlanFactory.create()
    ActionFactory.create(plan=plan, owner_agency=agency_a, due_date=TODAY - timedelta(days=2))
    ActionFactory.create(
        plan=plan, owner_agency=agency_a, status=Action.Status.COMPLETE, completed_on=TODAY
    )
    ActionFactory.create(plan=plan, owner_agency=agency_b)
    ActionPlanFactory.create()  # no actions of agency A

    plans = list(selectors.action_plan_list_for_user(user=lead_a))

    assert plans == [plan]
    counts = [getattr(plans[0], name) for name in ("action_count", "open_count", "overdue_count")]
    assert counts == [2, 1, 1]


def test_plan_status_counts(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create()
    ActionFactory.create(
        plan=plan, status=Action.Status.ON_TRACK, due_date=TODAY - timedelta(days=1)
    )
    ActionFactory.create(
        plan=plan, status=Action.Status.ON_TRACK, due_date=TODAY + timedelta(days=1)
    )
    ActionFactory.create(
        plan=plan, status=Action.Status.NOT_STARTED, due_date=TODAY + timedelta(days=1)
    )

    counts = selectors.action_plan_status_counts(plan=plan, user=owner)

    assert counts == {
        Action.Status.NOT_STARTED: 1,
        Action.Status.ON_TRACK: 1,
        Action.Status.AT_RISK: 0,
        Action.Status.OVERDUE: 1,
        Action.Status.COMPLETE: 0,
    }


def test_action_list_for_source(owner: User) -> None:
    group = GroupFactory.create()
    plan = services.action_plan_get_or_create_for(actor=owner, source=group, title="Plan")
    second = ActionFactory.create(plan=plan, number=2)
    first = ActionFactory.create(plan=plan, number=1)
    ActionFactory.create()

    assert list(selectors.action_list_for_source(source=group)) == [first, second]
    assert selectors.action_plan_for_source(source=group) == plan
    assert list(selectors.action_list_for_source(source=GroupFactory.create())) == []


def test_my_actions_are_owned_or_my_agency_and_open(
    make_user: Callable[..., User], agency_a: Agency, agency_b: Agency, frozen: Any
) -> None:
    person = make_user((Role.AGENCY_LEAD, agency_a))
    agency_action = ActionFactory.create(owner_agency=agency_a, due_date=TODAY + timedelta(days=5))
    owned = ActionFactory.create(owner_agency=agency_b, owner_person=person, due_date=TODAY)
    ActionFactory.create(owner_agency=agency_a, status=Action.Status.COMPLETE, completed_on=TODAY)
    ActionFactory.create(owner_agency=agency_b)

    assert list(selectors.action_list_owned_by(user=person)) == [owned, agency_action]


# --- the review cycle ----------------------------------------------------------------


def test_due_for_review_lists_open_actions_due_by_next_review(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create(next_review_due=date(2025, 7, 31))
    due = ActionFactory.create(plan=plan, due_date=date(2025, 7, 31))
    ActionFactory.create(plan=plan, due_date=date(2025, 8, 1))  # after the review
    ActionFactory.create(plan=plan, due_date=date(2025, 5, 1))  # overdue: listed separately
    ActionFactory.create(
        plan=plan, due_date=date(2025, 7, 1), status=Action.Status.COMPLETE, completed_on=TODAY
    )

    assert list(selectors.actions_due_for_review(plan=plan, user=owner)) == [due]


def test_plans_due_for_review(owner: User, frozen: Any) -> None:
    due = ActionPlanFactory.create(next_review_due=TODAY)
    ActionPlanFactory.create(next_review_due=TODAY + timedelta(days=1))

    assert list(selectors.action_plans_due_for_review(user=owner)) == [due]


def test_changes_since_last_review_lists_only_later_updates(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create()
    old_action = ActionFactory.create(plan=plan)
    services.action_progress_add(
        actor=owner, action=old_action, note="Before", status=Action.Status.AT_RISK
    )
    frozen.shift(timedelta(days=1))
    services.action_plan_review_record(actor=owner, plan=plan, reviewed_on=TODAY)
    frozen.shift(timedelta(days=1))
    after = services.action_progress_add(
        actor=owner, action=old_action, note="After", status=Action.Status.ON_TRACK
    )
    new_action = services.action_create(
        actor=owner,
        plan=plan,
        description="Added later",
        owner_agency=old_action.owner_agency,
        due_date=TODAY + timedelta(days=60),
    )

    changes = selectors.changes_since_last_review(plan=plan)

    assert changes.last_review is not None
    assert changes.updates == [after]
    assert changes.status_changes == [after]
    assert changes.new_actions == [new_action]


def test_changes_without_a_review_list_everything(owner: User) -> None:
    plan = ActionPlanFactory.create()
    action = ActionFactory.create(plan=plan)
    update = services.action_progress_add(
        actor=owner, action=action, note="x", status=Action.Status.AT_RISK
    )

    changes = selectors.changes_since_last_review(plan=plan)

    assert changes.last_review is None
    assert changes.updates == [update]
    assert changes.new_actions == [action]


def test_changes_are_scoped_to_the_user(
    owner: User, lead_a: User, agency_a: Agency, agency_b: Agency
) -> None:
    plan = ActionPlanFactory.create()
    theirs = ActionFactory.create(plan=plan, owner_agency=agency_b)
    services.action_progress_add(
        actor=owner, action=theirs, note="x", status=Action.Status.AT_RISK
    )

    changes = selectors.changes_since_last_review(plan=plan, user=lead_a)

    assert changes.is_empty


def test_export_rows_show_the_derived_status(owner: User, frozen: Any) -> None:
    action = ActionFactory.create(
        due_date=TODAY - timedelta(days=1), status=Action.Status.ON_TRACK
    )

    rows = list(selectors.action_export_rows(actions=Action.objects.filter(pk=action.pk)))

    assert rows[0][7:9] == ["Overdue", True]
