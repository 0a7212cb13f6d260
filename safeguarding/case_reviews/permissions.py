"""Who may see and change case review records.

* Case-level pages (notifications, rapid reviews, reviews, recommendations, dissemination) are
  for case review panel members and partnership staff (administrators, business unit officers);
  they see and change everything, and only they open a child's identity panel.
* The independent scrutineer and board members see de-identified summaries: the same pages
  without children's pseudonyms, identity panels or agency returns. They change nothing (403).
* An agency safeguarding lead sees and answers their own agency's requests (the text and
  attached files, which only the case team and the agency may download); their agency's
  actions are in the actions app. Only a lead of the requested agency may be named as a
  request's contact (rules.agency_contact_is_suitable).
* Everyone else gets 404. Practitioners see published learning in the learning app.
* A practice review's final report: once published, everyone who sees the review may download
  it; before (or when it will not be published) it may identify the child, so only the case
  team may.
* Partnership staff (administrators, business unit officers) archive a notification or a review
  recorded in error; archived records are read-only for everyone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import READ_ONLY_ROLES, STAFF_ROLES, Role
from safeguarding.case_reviews.models import (
    AgencyRequest,
    AgencyRequestDocument,
    IncidentNotification,
    Milestone,
    NotifiedChild,
    PracticeReview,
    RapidReview,
)
from safeguarding.case_reviews.rules import next_stages
from safeguarding.core.permissions import fetch_for_user_or_404, fetcher, read_fetcher

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


def can_view_case_review_home(user: User) -> bool:
    """The case reviews home page (and its menu item): whoever sees case reviews, and agency
    safeguarding leads, who answer their agency's requests there."""
    return can_view_case_reviews(user) or (user.is_authenticated and bool(user.lead_agency_ids))


def can_export_practice_reviews(user: User) -> bool:
    """The reviews list as a file: whoever sees the list (it is de-identified)."""
    return can_view_case_reviews(user)


def can_manage_case_reviews(user: User) -> bool:
    return is_case_team(user) and not user.is_read_only


def can_view_identity(user: User, child: NotifiedChild) -> bool:
    return can_manage_case_reviews(user)


def can_edit_identity(user: User, child: NotifiedChild) -> bool:
    """Not once the notification is archived: its records are read-only (403)."""
    return can_view_identity(user, child) and not child.notification.is_archived


def can_view_incident_notification(user: User, notification: IncidentNotification) -> bool:
    return sees_summaries(user)


def can_edit_incident_notification(user: User, notification: IncidentNotification) -> bool:
    return can_manage_case_reviews(user) and not notification.is_archived


def can_view_rapid_review(user: User, rapid_review: RapidReview) -> bool:
    return sees_summaries(user)


def can_edit_rapid_review(user: User, rapid_review: RapidReview) -> bool:
    return can_manage_case_reviews(user) and not rapid_review.notification.is_archived


def can_view_practice_review(user: User, review: PracticeReview) -> bool:
    return sees_summaries(user)


def can_edit_practice_review(user: User, review: PracticeReview) -> bool:
    return can_manage_case_reviews(user) and not review.is_archived


def can_advance_practice_review(user: User, review: PracticeReview) -> bool:
    """Record the next stage: not once the review is finished (published or not published)."""
    return can_edit_practice_review(user, review) and bool(next_stages(review.status))


def can_revise_practice_review_target(user: User, review: PracticeReview) -> bool:
    """The target completion date means nothing once the Board has signed the review off."""
    return can_edit_practice_review(user, review) and not review.is_complete


def can_complete_milestone(user: User, milestone: Milestone) -> bool:
    """Mark it done: once only."""
    return can_edit_practice_review(user, milestone.review) and milestone.done_on is None


def can_archive_case_records(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff and not user.is_read_only


def can_archive_practice_review(user: User, review: PracticeReview) -> bool:
    return can_archive_case_records(user) and not review.is_archived


def can_archive_incident_notification(user: User, notification: IncidentNotification) -> bool:
    return can_archive_case_records(user) and not notification.is_archived


def is_practice_review_report_public(review: PracticeReview) -> bool:
    """The final report is public once the review is published, and only the file uploaded
    when it was published (the published, de-identified version): a report uploaded at an
    earlier stage may identify the child and stays with the case team."""
    return (
        bool(review.final_report)
        and review.final_report_for_publication
        and review.status == PracticeReview.Status.PUBLISHED
    )


def can_download_practice_review_report(user: User, review: PracticeReview) -> bool:
    """The final report, when there is one: open to everyone who sees the review once it is
    published; before that (or when it will not be published) it may identify the child, so
    only the case team may open it."""
    if not review.final_report or not can_view_practice_review(user, review):
        return False
    return is_practice_review_report_public(review) or is_case_team(user)


def can_view_agency_request(user: User, request: AgencyRequest) -> bool:
    if can_manage_case_reviews(user):
        return True
    if not user.is_authenticated:
        return False
    # The agency's current leads only: a named contact who has stopped being one of them
    # (moved agency, role withdrawn) loses access with the role.
    return request.agency_id in user.lead_agency_ids


def can_submit_agency_request(user: User, request: AgencyRequest) -> bool:
    """Not once the notification is archived: its records are read-only."""
    return (
        can_view_agency_request(user, request)
        and not user.is_read_only
        and not request.rapid_review.notification.is_archived
    )


def can_download_agency_request_document(user: User, document: AgencyRequestDocument) -> bool:
    """The files an agency attached: whoever may see the request (the case team, the agency's
    leads, the named contact), never the read-only roles who see summaries."""
    return can_view_agency_request(user, document.request)


def get_incident_notification_for_user_or_404(
    user: User, pk: int, *, write: bool = False, archive: bool = False
) -> IncidentNotification:
    """`archive=True` for the archive page (partnership staff only; 403 for others)."""
    return fetch_for_user_or_404(
        user,
        IncidentNotification.objects.select_related("area", "archived_by").prefetch_related(
            "agencies", "children"
        ),
        pk,
        can_view=can_view_incident_notification,
        can_edit=can_archive_incident_notification if archive else can_edit_incident_notification,
        write=write or archive,
    )


# The identity panel: only the case team; everyone else gets 404. write=True is changing
# it, which an archived notification's child refuses (403).
get_child_for_user_or_404 = fetcher(
    NotifiedChild.objects.select_related("notification"),
    can_view=can_view_identity,
    can_edit=can_edit_identity,
)


get_rapid_review_for_user_or_404 = fetcher(
    RapidReview.objects.select_related("notification", "notification__area"),
    can_view=can_view_rapid_review,
    can_edit=can_edit_rapid_review,
)


PRACTICE_REVIEW_STEPS = {
    "archive": can_archive_practice_review,
    "stage": can_advance_practice_review,
    "target": can_revise_practice_review_target,
}


def get_practice_review_for_user_or_404(
    user: User, pk: int, *, write: bool = False, archive: bool = False, step: str = ""
) -> PracticeReview:
    """`archive=True` for the archive page (partnership staff only; 403 for others); `step`
    for a page whose step the review's state must allow (PRACTICE_REVIEW_STEPS; 403 when it
    does not)."""
    step = "archive" if archive else step
    return fetch_for_user_or_404(
        user,
        PracticeReview.objects.select_related("area", "rapid_review__notification", "archived_by"),
        pk,
        can_view=can_view_practice_review,
        can_edit=PRACTICE_REVIEW_STEPS.get(step, can_edit_practice_review),
        write=write or bool(step),
    )


# The review whose final report the user may download; 404 when there is no report or
# they may not have it (see can_download_practice_review_report).
get_practice_review_report_for_user_or_404 = read_fetcher(
    PracticeReview.objects.all(), can_view=can_download_practice_review_report
)


get_agency_request_for_user_or_404 = fetcher(
    AgencyRequest.objects.select_related(
        "agency", "contact", "submitted_by", "rapid_review__notification"
    ),
    can_view=can_view_agency_request,
    can_edit=can_submit_agency_request,
)


# A file attached to a request: for whoever may see the request; 404 for everyone else.
get_agency_request_document_for_user_or_404 = read_fetcher(
    AgencyRequestDocument.objects.select_related("request"),
    can_view=can_download_agency_request_document,
)


get_milestone_for_user_or_404 = fetcher(
    Milestone.objects.select_related("review"),
    can_view=lambda who, milestone: can_view_practice_review(who, milestone.review),
    can_edit=can_complete_milestone,
)
