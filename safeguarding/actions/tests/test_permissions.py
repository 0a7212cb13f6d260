from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions import permissions
from safeguarding.actions.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    ActionUpdateFactory,
)
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db


def test_staff_may_do_everything(owner: User, officer: User) -> None:
    action = ActionFactory.create()

    for user in (owner, officer):
        assert permissions.can_view_action(user, action)
        assert permissions.can_update_action(user, action)
        assert permissions.can_manage_action(user, action)
        assert permissions.can_manage_action_plan(user, action.plan)
        assert permissions.get_action_for_user_or_404(user, action.pk, manage=True) == action


def test_agency_lead_updates_but_does_not_manage_own_agency_action(
    lead_a: User, agency_a: Agency
) -> None:
    action = ActionFactory.create(owner_agency=agency_a)

    assert permissions.get_action_for_user_or_404(lead_a, action.pk, write=True) == action
    assert permissions.can_view_action_plan(lead_a, action.plan)
    with pytest.raises(PermissionDenied):
        permissions.get_action_for_user_or_404(lead_a, action.pk, manage=True)
    with pytest.raises(PermissionDenied):
        permissions.get_action_plan_for_user_or_404(lead_a, action.plan.pk, write=True)


def test_agency_lead_gets_404_for_another_agency_action(lead_a: User, agency_b: Agency) -> None:
    action = ActionFactory.create(owner_agency=agency_b)

    with pytest.raises(Http404):
        permissions.get_action_for_user_or_404(lead_a, action.pk)
    with pytest.raises(Http404):
        permissions.get_action_for_user_or_404(lead_a, action.pk, write=True)
    with pytest.raises(Http404):
        permissions.get_action_plan_for_user_or_404(lead_a, action.plan.pk)


def test_owner_person_may_update_their_action(make_user: Callable[..., User]) -> None:
    person = make_user()  # no role at all: owning the action is enough
    action = ActionFactory.create(owner_person=person)
    other = ActionFactory.create()

    assert permissions.can_view_actions(person)
    assert permissions.get_action_for_user_or_404(person, action.pk, write=True) == action
    with pytest.raises(Http404):
        permissions.get_action_for_user_or_404(person, other.pk)


def test_read_only_roles_see_but_get_403_on_writes(member_readonly: User) -> None:
    action = ActionFactory.create()

    assert permissions.get_action_for_user_or_404(member_readonly, action.pk) == action
    assert permissions.get_action_plan_for_user_or_404(member_readonly, action.plan.pk)
    with pytest.raises(PermissionDenied):
        permissions.get_action_for_user_or_404(member_readonly, action.pk, write=True)
    with pytest.raises(PermissionDenied):
        permissions.get_action_plan_for_user_or_404(member_readonly, action.plan.pk, write=True)


def test_board_member_sees_actions(make_user: Callable[..., User]) -> None:
    board = make_user(Role.BOARD_MEMBER)

    assert permissions.can_view_actions(board)
    assert permissions.can_view_action(board, ActionFactory.create())
    assert not permissions.can_manage_actions(board)


def test_read_only_person_who_is_also_a_lead_updates_their_agency(
    make_user: Callable[..., User], agency_a: Agency
) -> None:
    person = make_user(Role.SCRUTINEER, (Role.AGENCY_LEAD, agency_a))

    assert permissions.can_update_action(person, ActionFactory.create(owner_agency=agency_a))
    assert not permissions.can_update_action(person, ActionFactory.create())


def test_outsider_and_other_roles_get_404(
    outsider: User, make_user: Callable[..., User], agency_a: Agency
) -> None:
    action = ActionFactory.create(owner_agency=agency_a)
    practitioner = make_user((Role.PRACTITIONER, agency_a))

    for user in (outsider, practitioner):
        assert not permissions.can_view_actions(user)
        with pytest.raises(Http404):
            permissions.get_action_for_user_or_404(user, action.pk)
        with pytest.raises(Http404):
            permissions.get_action_plan_for_user_or_404(user, action.plan.pk)


def test_missing_and_archived_records_give_404(owner: User) -> None:
    from datetime import UTC, datetime

    archived = ActionPlanFactory.create(archived_at=datetime(2025, 1, 1, tzinfo=UTC))

    with pytest.raises(Http404):
        permissions.get_action_for_user_or_404(owner, 999_999)
    with pytest.raises(Http404):
        permissions.get_action_plan_for_user_or_404(owner, archived.pk)
    with pytest.raises(Http404):
        permissions.get_action_for_user_or_404(owner, ActionFactory.create(plan=archived).pk)


def test_evidence_is_visible_to_whoever_sees_the_action(
    lead_a: User, lead_b: User, agency_a: Agency
) -> None:
    update = ActionUpdateFactory.create(action__owner_agency=agency_a)

    assert permissions.get_action_update_for_user_or_404(lead_a, update.pk) == update
    with pytest.raises(Http404):
        permissions.get_action_update_for_user_or_404(lead_b, update.pk)
