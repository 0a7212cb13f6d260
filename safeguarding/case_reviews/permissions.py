"""Who may see and change case review records.

* Case-level pages (notifications, rapid reviews, reviews, recommendations, dissemination) are
  for case review panel members and partnership staff (administrators, business unit officers);
  they see and change everything, and only they open a child's identity panel.
* The independent scrutineer and board members see de-identified summaries: the same pages
  without children's pseudonyms, identity panels or agency returns. They change nothing (403).
* An agency safeguarding lead sees and answers their own agency's requests; their agency's
  actions are in the actions app.
* Everyone else gets 404. Practitioners see published learning in the learning app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import READ_ONLY_ROLES, STAFF_ROLES, Role
from safeguarding.case_reviews.models import (
    AgencyRequest,
    Milestone,
    Notification,
    NotifiedChild,
    RapidReview,
    Review,
)
from safeguarding.core.permissions import fetch_for_user_or_404

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CASE_ROLES = frozenset({*STAFF_ROLES, Role.CASE_REVIEW_PANEL})


def is_case_team(user: User) -> bool:
    return user.is_authenticated and user.has_role(*CASE_ROLES)


def sees_summaries(user: User) -> bool:
    """Case team, or the read-only roles who see de-identified summaries."""
    return is_case_team(user) or (user.is_authenticated and user.has_role(*READ_ONLY_ROLES))


def can_view_case_reviews(user: User) -> bool:
    return sees_summaries(user)


def can_manage_case_reviews(user: User) -> bool:
    return is_case_team(user) and not user.is_read_only


def can_view_identity(user: User, child: NotifiedChild) -> bool:
    return can_manage_case_reviews(user)


def can_view_notification(user: User, notification: Notification) -> bool:
    return sees_summaries(user)


def can_edit_notification(user: User, notification: Notification) -> bool:
    return can_manage_case_reviews(user) and not notification.is_archived


def can_view_rapid_review(user: User, rapid_review: RapidReview) -> bool:
    return sees_summaries(user)


def can_edit_rapid_review(user: User, rapid_review: RapidReview) -> bool:
    return can_manage_case_reviews(user)


def can_view_review(user: User, review: Review) -> bool:
    return sees_summaries(user)


def can_edit_review(user: User, review: Review) -> bool:
    return can_manage_case_reviews(user) and not review.is_archived


def lead_agency_ids(user: User) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return user.agency_ids_for(Role.AGENCY_LEAD)


def can_view_agency_request(user: User, request: AgencyRequest) -> bool:
    if can_manage_case_reviews(user):
        return True
    if not user.is_authenticated:
        return False
    return request.agency_id in lead_agency_ids(user) or request.contact_id == user.pk


def can_submit_agency_request(user: User, request: AgencyRequest) -> bool:
    return can_view_agency_request(user, request) and not user.is_read_only


def get_notification_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Notification:
    return fetch_for_user_or_404(
        user,
        Notification.objects.select_related("area").prefetch_related("agencies", "children"),
        pk,
        can_view=can_view_notification,
        can_edit=can_edit_notification,
        write=write,
    )


def get_child_for_user_or_404(user: User, pk: int) -> NotifiedChild:
    """The identity panel: only the case team; everyone else gets 404."""
    return fetch_for_user_or_404(
        user,
        NotifiedChild.objects.select_related("notification"),
        pk,
        can_view=can_view_identity,
        can_edit=can_view_identity,
    )


def get_rapid_review_for_user_or_404(user: User, pk: int, *, write: bool = False) -> RapidReview:
    return fetch_for_user_or_404(
        user,
        RapidReview.objects.select_related("notification", "notification__area"),
        pk,
        can_view=can_view_rapid_review,
        can_edit=can_edit_rapid_review,
        write=write,
    )


def get_review_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Review:
    return fetch_for_user_or_404(
        user,
        Review.objects.select_related("area", "rapid_review__notification"),
        pk,
        can_view=can_view_review,
        can_edit=can_edit_review,
        write=write,
    )


def get_agency_request_for_user_or_404(
    user: User, pk: int, *, write: bool = False
) -> AgencyRequest:
    return fetch_for_user_or_404(
        user,
        AgencyRequest.objects.select_related("agency", "contact", "rapid_review__notification"),
        pk,
        can_view=can_view_agency_request,
        can_edit=can_submit_agency_request,
        write=write,
    )


def get_milestone_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Milestone:
    return fetch_for_user_or_404(
        user,
        Milestone.objects.select_related("review"),
        pk,
        can_view=lambda u, m: can_view_review(u, m.review),
        can_edit=lambda u, m: can_edit_review(u, m.review),
        write=write,
    )
