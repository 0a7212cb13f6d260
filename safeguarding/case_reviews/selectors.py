"""Reads of case review records: lists scoped to the user, deadlines and who has viewed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.actions import selectors as action_selectors
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.activity_log import selectors as activity_selectors
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews import permissions
from safeguarding.case_reviews.models import (
    AgencyRequest,
    AgencyRequestDocument,
    IncidentNotification,
    PracticeReview,
    RapidReview,
)
from safeguarding.case_reviews.rules import AGENCY_CONTACT_ROLES
from safeguarding.learning import selectors as learning_selectors
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership.models import Agency


def incident_notification_list_for_user(
    *, user: User, decision: str = ""
) -> QuerySet[IncidentNotification]:
    """Live notifications, newest first; `decision` filters by the rapid review's decision."""
    if not permissions.can_view_case_reviews(user):
        return IncidentNotification.objects.none()
    notifications = IncidentNotification.objects.live().select_related("area", "rapid_review")
    if decision:
        notifications = notifications.filter(rapid_review__decision=decision)
    return notifications.order_by("-aware_on", "-id")


def practice_review_list_for_user(
    *, user: User, kind: str = "", status: str = ""
) -> QuerySet[PracticeReview]:
    if not permissions.can_view_case_reviews(user):
        return PracticeReview.objects.none()
    reviews = PracticeReview.objects.live().select_related("area")
    if kind:
        reviews = reviews.filter(kind=kind)
    if status:
        reviews = reviews.filter(status=status)
    return reviews.order_by("-commissioned_on", "-id")


PRACTICE_REVIEW_EXPORT_HEADER = (
    "Review",
    "Type",
    "Area",
    "Stage",
    "Decision to hold the review",
    "Commissioned",
    "Target completion",
    "Signed off",
    "Published",
)


def practice_review_export_rows(*, reviews: QuerySet[PracticeReview]) -> Iterator[list[Any]]:
    """One row per review (de-identified: the review's pseudonym, never a child's details),
    read in chunks."""
    for review in reviews.iterator(chunk_size=500):
        yield [
            review.title,
            review.get_kind_display(),
            review.area.name if review.area else "Whole partnership",
            review.get_status_display(),
            review.decided_on,
            review.commissioned_on,
            review.target_on,
            review.signed_off_on,
            review.published_on,
        ]


def practice_review_list_published() -> QuerySet[PracticeReview]:
    """Reviews the partnership has published (not archived), newest publication first: what
    the public website lists. Only de-identified fields (the review's pseudonym, summary, key
    message) are meant for it; never the children or the agencies' submissions."""
    reviews = PracticeReview.objects.live().filter(status=PracticeReview.Status.PUBLISHED)
    return reviews.select_related("area").order_by("-published_on", "-id")


def practice_review_list_for_rapid_review(
    *, rapid_review: RapidReview
) -> QuerySet[PracticeReview]:
    """The reviews commissioned from the rapid review (not the archived ones)."""
    reviews = PracticeReview.objects.live().filter(rapid_review=rapid_review)
    return reviews.order_by("-commissioned_on", "-id")


def agency_request_list_for_user(
    *, user: User, open_only: bool = False, state: str = ""
) -> QuerySet[AgencyRequest]:
    """Requests the user may see: all for the case team; their agency's (or addressed to them)
    for an agency lead. `state` "open" or "answered" (rules.REQUEST_STATES) filters them."""
    requests = AgencyRequest.objects.filter(
        rapid_review__notification__in=IncidentNotification.objects.live()
    ).select_related("agency", "contact", "rapid_review__notification")
    if not permissions.can_manage_case_reviews(user):
        if not user.is_authenticated:
            return AgencyRequest.objects.none()
        # Only the agency's current leads: a named contact who is no longer a lead of the
        # agency (moved on, role withdrawn) no longer sees its requests.
        requests = requests.filter(agency_id__in=user.lead_agency_ids)
    if open_only or state == "open":
        requests = requests.filter(submitted_on__isnull=True)
    elif state == "answered":
        requests = requests.filter(submitted_on__isnull=False)
    return requests.order_by("due_on", "id")


def agency_request_list_for_rapid_review(*, rapid_review: RapidReview) -> QuerySet[AgencyRequest]:
    return rapid_review.agency_requests.select_related("agency", "contact").order_by("due_on")


def agency_contact_list() -> QuerySet[User]:
    """Everyone who may be named as a request's agency contact: active safeguarding leads of
    active agencies, each with `contact_grants` (their lead grants, with the agency)."""
    grants = (
        RoleAssignment.objects.filter(
            role__in=AGENCY_CONTACT_ROLES, agency__in=Agency.objects.active()
        )
        .select_related("agency")
        .order_by("agency__name")
    )
    return (
        User.objects.filter(
            is_active=True,
            role_grants__role__in=AGENCY_CONTACT_ROLES,
            role_grants__agency__in=Agency.objects.active(),
        )
        .distinct()
        .prefetch_related(Prefetch("role_grants", queryset=grants, to_attr="contact_grants"))
        .order_by("full_name", "email")
    )


def notified_child_pseudonyms(*, notification: IncidentNotification) -> list[str]:
    """The children's pseudonyms (never their identities): what an agency needs to find its
    records."""
    return list(notification.children.values_list("pseudonym", flat=True))


def agency_request_document_list(*, request: AgencyRequest) -> QuerySet[AgencyRequestDocument]:
    return request.documents.select_related("uploaded_by").order_by("uploaded_at", "id")


def learning_for(*, source: PracticeReview | RapidReview, user: User) -> QuerySet[LearningPoint]:
    from safeguarding.learning import permissions as learning_permissions

    return learning_selectors.learning_point_list_for_source(
        source=source,
        published_only=not learning_permissions.can_view_unpublished_learning(user),
    )


def practice_review_actions(*, review: PracticeReview) -> QuerySet[Action]:
    return action_selectors.action_list_for_source(source=review)


def practice_review_action_plan(*, review: PracticeReview) -> ActionPlan | None:
    return action_selectors.action_plan_for_source(source=review)


@dataclass(frozen=True)
class PlanSummary:
    """The two-monthly review of a review's action plan at a glance."""

    overdue: int
    due_for_review: int
    changes_since_last_review: int
    last_reviewed_on: date | None


def practice_review_plan_summary(*, plan: ActionPlan) -> PlanSummary:
    changes = action_selectors.changes_since_last_review(plan=plan)
    return PlanSummary(
        overdue=action_selectors.overdue_actions(plan=plan).count(),
        due_for_review=action_selectors.actions_due_for_review(plan=plan).count(),
        changes_since_last_review=len(changes.updates) + len(changes.new_actions),
        last_reviewed_on=changes.last_review.reviewed_on if changes.last_review else None,
    )


def incident_notification_viewer_list(
    *, notification: IncidentNotification, limit: int = 10
) -> list[ActivityEvent]:
    """The latest views of the notification's restricted parts (the identity panel)."""
    events = activity_selectors.viewer_list_for_target(target=notification)
    return list(events.select_related("actor")[:limit])


def incident_notification_viewers_url(*, notification: IncidentNotification) -> str:
    """The activity log's page of everyone who has viewed the notification."""
    content_type = ContentType.objects.get_for_model(notification)
    return reverse("activity_log:viewer_list", args=[content_type.pk, notification.pk])


# --- deadlines -----------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    key: str  # "<kind>:<pk>": names the record and the deadline
    kind: str
    label: str  # non-identifying: references and pseudonymous titles only
    due_on: date
    url: str

    @property
    def pk(self) -> int:
        return int(self.key.rsplit(":", 1)[1])

    def is_missed(self, today: date) -> bool:
        return self.due_on < today


def deadline_list(*, user: User | None = None, kind: str = "") -> list[Deadline]:
    """Every open case review deadline, soonest first: notifications not yet sent to the Panel,
    rapid reviews not yet sent, agency requests not yet answered and reviews not yet signed off.
    With `user`, only the deadlines that user is responsible for (the case team: all of them;
    an agency lead or contact: their agency's requests); with `kind`, one kind
    (rules.DEADLINE_KINDS). Actions' deadlines are the actions app's (its own My work card and
    reminders)."""
    deadlines: list[Deadline] = []
    case_team = user is None or permissions.can_manage_case_reviews(user)
    if case_team:
        deadlines += _notification_deadlines()
        deadlines += _review_deadlines()
    deadlines += _request_deadlines(user if not case_team else None)
    if kind:
        deadlines = [deadline for deadline in deadlines if deadline.kind == kind]
    deadlines.sort(key=lambda deadline: (deadline.due_on, deadline.key))
    return deadlines


def _notification_deadlines() -> list[Deadline]:
    found: list[Deadline] = []
    notifications = (
        IncidentNotification.objects.live()
        .filter(Q(notified_on__isnull=True) | Q(rapid_review__sent_to_panel_on__isnull=True))
        .select_related("rapid_review")
    )
    for notification in notifications:
        url = reverse("case_reviews:incident_notification_detail", args=[notification.pk])
        if notification.notified_on is None:
            found.append(
                Deadline(
                    key=f"notification:{notification.pk}",
                    kind="notification",
                    label=f"Notify the Panel of {notification.reference}",
                    due_on=notification.notification_due_on,
                    url=url,
                )
            )
            continue
        rapid = getattr(notification, "rapid_review", None)
        if rapid is not None and rapid.sent_to_panel_on is None and rapid.due_on is not None:
            found.append(
                Deadline(
                    key=f"rapid_review:{rapid.pk}",
                    kind="rapid_review",
                    label=f"Send the rapid review of {notification.reference} to the Panel",
                    due_on=rapid.due_on,
                    url=reverse("case_reviews:rapid_review_detail", args=[rapid.pk]),
                )
            )
    return found


def _review_deadlines() -> list[Deadline]:
    reviews = PracticeReview.objects.live().filter(signed_off_on__isnull=True)
    return [
        Deadline(
            key=f"review:{review.pk}",
            kind="review",
            label=f"Complete the {review.get_kind_display().lower()} “{review.title}”",
            due_on=review.target_on,
            url=reverse("case_reviews:practice_review_detail", args=[review.pk]),
        )
        for review in reviews
    ]


def _request_deadlines(user: User | None) -> list[Deadline]:
    """Open requests: all of them, or those `user` is to answer. A read-only person (a board
    member named as a contact before contacts had to be agency leads) can answer nothing, so
    such a request is left to the agency's leads, whose lists have it."""
    if user is not None and user.is_read_only:
        return []
    if user is None:
        requests = AgencyRequest.objects.filter(
            submitted_on__isnull=True,
            rapid_review__notification__in=IncidentNotification.objects.live(),
        ).select_related("rapid_review__notification", "agency")
    else:
        requests = agency_request_list_for_user(user=user, open_only=True)
    return [
        Deadline(
            key=f"agency_request:{request.pk}",
            kind="agency_request",
            label=(
                f"{request.get_kind_display()} from {request.agency.name} for the rapid "
                f"review of {request.rapid_review.notification.reference}"
            ),
            due_on=request.due_on,
            url=reverse("case_reviews:agency_request_submit", args=[request.pk]),
        )
        for request in requests
    ]
