"""Who may see and do what with child death records.

* CDOP managers see and run every case.
* CDOP panel members see only the cases on the agendas of meetings they are members of, and may
  record the panel's review of those cases.
* Agency safeguarding leads see only the information requests sent to their agency, and
  return them.
* Everyone else with a role sees de-identified figures only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from safeguarding.accounts.roles import Role
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    InformationRequest,
    PanelReview,
    ReviewMeeting,
)
from safeguarding.core.permissions import fetcher

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_figures(user: User) -> bool:
    return bool(user.roles)


def can_manage_child_deaths(user: User) -> bool:
    return user.has_role(Role.CDOP_MANAGER)


def can_override_duplicate(user: User | None) -> bool:
    """Only a CDOP manager may save a notification that matches a child already notified
    (after checking it is a different child, with the reason)."""
    return user is not None and can_manage_child_deaths(user) and not user.is_read_only


def can_export_national(user: User) -> bool:
    return can_manage_child_deaths(user)


def can_view_cases(user: User) -> bool:
    """May open the case list at all (what it shows is scoped by the selector)."""
    return user.has_role(Role.CDOP_MANAGER, Role.CDOP_PANEL)


def can_view_requests(user: User) -> bool:
    return can_manage_child_deaths(user) or bool(user.lead_agency_ids)


def _on_members_agenda(user: User, notification: ChildDeathNotification) -> bool:
    return (
        user.has_role(Role.CDOP_PANEL)
        and ReviewMeeting.objects.filter(cases=notification, members=user).exists()
    )


def can_view_notification(user: User, notification: ChildDeathNotification) -> bool:
    return can_manage_child_deaths(user) or _on_members_agenda(user, notification)


def can_edit_notification(user: User, notification: ChildDeathNotification) -> bool:
    """Archived notifications (made in error) are kept, read-only, for the record."""
    return can_manage_child_deaths(user) and not notification.is_archived


def can_review_notification(user: User, notification: ChildDeathNotification) -> bool:
    """Record the panel's analysis: CDOP managers, and panel members for their meetings' cases;
    not once the notification was archived (made in error)."""
    return can_view_notification(user, notification) and not notification.is_archived


def can_view_request(user: User, request: InformationRequest) -> bool:
    """CDOP managers; an agency's leads see its requests, but not once the notification was
    archived (made in error: the child may be living)."""
    if can_manage_child_deaths(user):
        return True
    return request.agency_id in user.lead_agency_ids and not request.notification.is_archived


def can_return_request(user: User, request: InformationRequest) -> bool:
    """Return (or correct) the information: not by read-only roles, and not once the case is
    archived (archived notifications are read-only)."""
    return (
        can_view_request(user, request)
        and not user.is_read_only
        and not request.notification.is_archived
    )


def can_view_meeting(user: User, meeting: ReviewMeeting) -> bool:
    if can_manage_child_deaths(user):
        return True
    return user.has_role(Role.CDOP_PANEL) and meeting.members.filter(pk=user.pk).exists()


def can_edit_meeting(user: User, meeting: ReviewMeeting) -> bool:
    return can_manage_child_deaths(user)


# Fetch a case; `write` means a CDOP manager's change (notification, requests, delay).
get_notification_for_user_or_404 = fetcher(
    ChildDeathNotification.objects.select_related("residence_area", "notifying_agency"),
    can_view=can_view_notification,
    can_edit=can_edit_notification,
)


# Fetch a case for the panel's review: panel members on its meetings may write.
get_notification_for_review_or_404 = fetcher(
    ChildDeathNotification.objects.select_related("residence_area"),
    can_view=can_view_notification,
    can_edit=can_review_notification,
)


def get_panel_review_for_user_or_404(
    user: User, notification_pk: int, *, write: bool = False
) -> PanelReview:
    """The panel's review of a case, for its learning and actions: 404 until the review has
    been started (and whenever the case itself would be)."""
    notification = get_notification_for_review_or_404(user, notification_pk, write=write)
    review = (
        PanelReview.objects.filter(notification=notification)
        .select_related("notification")
        .first()
    )
    if review is None:
        raise Http404
    return review


get_request_for_user_or_404 = fetcher(
    InformationRequest.objects.select_related("notification", "agency"),
    can_view=can_view_request,
    can_edit=can_return_request,
)


get_meeting_for_user_or_404 = fetcher(
    ReviewMeeting.objects.all(), can_view=can_view_meeting, can_edit=can_edit_meeting
)
