"""Who may see and do what: managers everything; panel members their meetings' cases; agency
leads their agency's requests; read-only roles figures only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import permissions, selectors
from safeguarding.child_deaths.tests.factories import (
    information_request_make,
    meeting_make,
    notification_make,
)
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_everyone_with_a_role_sees_figures_but_not_cases(make_user: Callable[..., User]) -> None:
    for role in (Role.SCRUTINEER, Role.BOARD_MEMBER, Role.PARTNERSHIP_ADMIN, Role.BUSINESS_UNIT):
        user = make_user(role)
        assert permissions.can_view_figures(user)
        assert not permissions.can_view_cases(user)
        assert not permissions.can_export_national(user)
    assert not permissions.can_view_figures(make_user())


def test_panel_member_sees_only_cases_on_their_meetings(make_user: Callable[..., User]) -> None:
    panel, other_panel = make_user(Role.CDOP_PANEL), make_user(Role.CDOP_PANEL)
    mine, theirs = notification_make(), notification_make()
    meeting_make(members=[panel], cases=[mine])
    meeting_make(members=[other_panel], cases=[theirs])
    assert permissions.can_view_notification(panel, mine)
    assert not permissions.can_view_notification(panel, theirs)
    assert permissions.can_review_notification(panel, mine)
    assert not permissions.can_edit_notification(panel, mine)
    assert list(selectors.notification_list_for_user(user=panel)) == [mine]
    with pytest.raises(Http404):
        permissions.get_notification_for_user_or_404(panel, theirs.pk)
    with pytest.raises(PermissionDenied):
        permissions.get_notification_for_user_or_404(panel, mine.pk, write=True)
    assert permissions.get_notification_for_review_or_404(panel, mine.pk, write=True) == mine


def test_meeting_member_without_panel_role_sees_nothing(make_user: Callable[..., User]) -> None:
    former = make_user(Role.SCRUTINEER)
    case = notification_make()
    meeting = meeting_make(members=[former], cases=[case])
    assert not permissions.can_view_notification(former, case)
    assert not permissions.can_view_meeting(former, meeting)
    assert not selectors.notification_list_for_user(user=former).exists()


def test_manager_sees_every_case_and_may_export(make_user: Callable[..., User]) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    cases = [notification_make(), notification_make()]
    assert set(selectors.notification_list_for_user(user=manager)) == set(cases)
    assert permissions.can_export_national(manager)
    assert len(selectors.national_export_rows(user=manager)) == 2


def test_export_rows_are_empty_for_anyone_but_managers(make_user: Callable[..., User]) -> None:
    notification_make()
    for role in (Role.CDOP_PANEL, Role.PARTNERSHIP_ADMIN, Role.SCRUTINEER):
        assert selectors.national_export_rows(user=make_user(role)) == []


def test_agency_lead_sees_only_their_agencys_requests(make_user: Callable[..., User]) -> None:
    case = notification_make()
    ours, other = AgencyFactory.create(), AgencyFactory.create()
    mine = information_request_make(notification=case, agency=ours)
    information_request_make(
        notification=case, agency=other, contact_name="B", contact_email="b@x.example"
    )
    lead = make_user((Role.AGENCY_LEAD, ours))
    assert list(selectors.request_list_for_user(user=lead)) == [mine]
    assert permissions.can_return_request(lead, mine)
    assert not permissions.can_view_notification(lead, case)
    other_lead = make_user((Role.AGENCY_LEAD, other))
    with pytest.raises(Http404):
        permissions.get_request_for_user_or_404(other_lead, mine.pk)
