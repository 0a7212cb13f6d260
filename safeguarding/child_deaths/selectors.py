"""Reads of child death records, scoped to the user, and the figures behind the annual report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import identity, permissions
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    InformationRequest,
    PanelReview,
    ReviewMeeting,
)
from safeguarding.core.fields import keyed_hash
from safeguarding.core.models import ArchivableQuerySet
from safeguarding.core.working_days import add_working_days

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.core.years import ReportingYear


def notification_likely_duplicates(
    *, nhs_number: str, child_name: str, date_of_birth: date, exclude_pk: int | None = None
) -> list[ChildDeathNotification]:
    """Notifications that are probably the same child: the same NHS number (by keyed hash);
    or, when either record has no NHS number, the same date of birth and a similar name
    (decrypting only the few records with the same date-of-birth hash)."""
    nhs = identity.nhs_number_clean(nhs_number)
    others = (
        ChildDeathNotification.objects.exclude(pk=exclude_pk)
        if exclude_pk is not None
        else ChildDeathNotification.objects.all()
    )
    if nhs:
        same = list(others.filter(nhs_number_hash=keyed_hash(nhs, purpose="nhs_number")))
        if same:
            return same
    dob_hash = keyed_hash(date_of_birth.isoformat(), purpose="child_death_dob")
    candidates = others.filter(date_of_birth_hash=dob_hash)
    if nhs:
        # Two different valid NHS numbers are two different children.
        candidates = candidates.filter(nhs_number_hash="")
    # A name at least this similar (difflib ratio, 0..1) with the same date of birth is a
    # likely duplicate.
    ratio = settings.CHILD_DEATH_NAME_MATCH_RATIO
    return [c for c in candidates if identity.name_similarity(c.child_name, child_name) >= ratio]


def open_reviews(
    cases: ArchivableQuerySet[ChildDeathNotification],
) -> ArchivableQuerySet[ChildDeathNotification]:
    """The one rule for an open child death review, used by every count, card and list: a
    live notification this panel reviews whose review is not completed. (A death the child's
    home area's panel reviews is never open here.)"""
    return (
        cases.live()
        .filter(reviewed_by_this_panel=True)
        .exclude(status=ChildDeathNotification.Status.REVIEWED)
    )


def notification_list_for_user(
    *, user: User, status: str = "", open_only: bool = False
) -> QuerySet[ChildDeathNotification]:
    """Cases the user may see: all for CDOP managers, those on their meetings for panel members."""
    if permissions.can_manage_child_deaths(user):
        cases = ChildDeathNotification.objects.all()
    elif user.has_role(Role.CDOP_PANEL):
        cases = ChildDeathNotification.objects.filter(meetings__members=user).distinct()
    else:
        return ChildDeathNotification.objects.none()
    cases = cases.live()
    if status:
        cases = cases.filter(status=status)
    if open_only:
        cases = open_reviews(cases)
    return cases.select_related("residence_area", "review").order_by("-date_of_death", "-id")


def notification_list_for_agenda(
    *, user: User, meeting: ReviewMeeting | None = None
) -> QuerySet[ChildDeathNotification]:
    """Cases that may go on a meeting's agenda: the open ones, and any already on it."""
    wanted = ~Q(status=ChildDeathNotification.Status.REVIEWED)
    if meeting is not None:
        wanted |= Q(meetings=meeting)
    return notification_list_for_user(user=user).filter(wanted).distinct()


@dataclass(frozen=True)
class OpenCase:
    notification: ChildDeathNotification
    months_open: int
    delay: str


def open_case_list_for_user(*, user: User) -> QuerySet[ChildDeathNotification]:
    """Open reviews the user may see, oldest death first."""
    return notification_list_for_user(user=user, open_only=True).order_by("date_of_death", "id")


def case_rows(
    *, cases: Iterable[ChildDeathNotification], today: date | None = None
) -> list[OpenCase]:
    """Cases with months since the death and the reason for delay, for a list page."""
    today = today or timezone.localdate()
    return [
        OpenCase(
            notification=c,
            months_open=identity.months_between(c.date_of_death, today),
            delay=c.get_delay_reason_display() if c.delay_reason else "",
        )
        for c in cases
    ]


def request_list_for_user(*, user: User, status: str = "") -> QuerySet[InformationRequest]:
    """Requests the user may see: all for CDOP managers, their agency's for agency leads."""
    requests = InformationRequest.objects.select_related("notification", "agency")
    if status:
        requests = requests.filter(status=status)
    if permissions.can_manage_child_deaths(user):
        return requests.order_by("status", "due_on", "id")
    return requests.filter(
        agency_id__in=user.lead_agency_ids, notification__archived_at__isnull=True
    ).order_by("status", "due_on", "id")


def request_list_for_notification(
    *, notification: ChildDeathNotification
) -> QuerySet[InformationRequest]:
    return notification.requests.select_related("agency").order_by("agency__name")


def information_requests_due_reminder(*, today: date, interval: int) -> list[InformationRequest]:
    """Outstanding requests past their due date, not reminded in the last `interval` working
    days."""
    overdue = InformationRequest.objects.filter(
        status=InformationRequest.Status.REQUESTED, due_on__lt=today
    ).select_related("notification", "agency")
    return [
        r
        for r in overdue
        if r.last_reminded_on is None or add_working_days(r.last_reminded_on, interval) <= today
    ]


def meeting_list_for_user(*, user: User) -> QuerySet[ReviewMeeting]:
    meetings = ReviewMeeting.objects.prefetch_related("cases")
    if permissions.can_manage_child_deaths(user):
        return meetings.order_by("-held_on", "-id")
    if user.has_role(Role.CDOP_PANEL):
        return meetings.filter(members=user).distinct().order_by("-held_on", "-id")
    return meetings.none()


def meeting_list_for_notification(
    *, user: User, notification: ChildDeathNotification
) -> QuerySet[ReviewMeeting]:
    return meeting_list_for_user(user=user).filter(cases=notification)


def review_for_notification(*, notification: ChildDeathNotification) -> PanelReview | None:
    return (
        PanelReview.objects.filter(notification=notification)
        .select_related("category")
        .prefetch_related("factors")
        .first()
    )


# --- figures (de-identified) ---------------------------------------------------------


def default_reporting_year(*, today: date | None = None) -> ReportingYear:
    """The year the figures page opens on: the last complete reporting year, or the latest
    earlier one with any notifications when that year has none (e.g. historical records)."""
    from safeguarding.core.years import ReportingYear

    last_complete = ReportingYear.containing(today or timezone.localdate()).previous
    latest = (
        ChildDeathNotification.objects.live()
        .filter(notified_on__lte=last_complete.end)
        .order_by("-notified_on")
        .values_list("notified_on", flat=True)
        .first()
    )
    return ReportingYear.containing(latest) if latest else last_complete


def notifications_in_year(*, year: ReportingYear) -> QuerySet[ChildDeathNotification]:
    """Deaths notified in the reporting year (by the date notified), archived ones left out."""
    return (
        ChildDeathNotification.objects.live()
        .filter(notified_on__range=(year.start, year.end))
        .select_related("residence_area", "review__category")
    )


def reviews_completed_in_year(*, year: ReportingYear) -> QuerySet[PanelReview]:
    return PanelReview.objects.filter(
        completed_on__range=(year.start, year.end), notification__archived_at__isnull=True
    ).select_related("notification", "category")


def timeliness_counts(*, reviews: QuerySet[PanelReview]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for review in reviews:
        assert review.completed_on is not None
        counts[
            identity.timeliness_band(review.notification.date_of_death, review.completed_on)
        ] += 1
    return counts


# --- national data export ------------------------------------------------------------

# (field, type, meaning): the documented layout of the national (NCMD) export. The docs
# (docs/modules/child_deaths.md) carry the same table and a test keeps them in step.
NATIONAL_EXPORT_LAYOUT: list[tuple[str, str, str]] = [
    ("case_reference", "text", "This panel's case reference, e.g. CDOP-2020-0001"),
    ("nhs_number", "text (10 digits)", "NHS number; empty when not known"),
    ("date_of_birth", "date (YYYY-MM-DD)", "Date of birth"),
    ("sex", "code", "female, male, indeterminate, not_known"),
    ("ethnicity", "text", "Ethnicity as recorded"),
    ("date_of_death", "date (YYYY-MM-DD)", "Date of death"),
    ("age_at_death_days", "integer", "Whole days from birth to death"),
    ("age_band", "code", "0-27d, 28-364d, 1-4, 5-9, 10-14, 15-17"),
    ("place_of_death", "code", "hospital, hospice, home, public_place, other"),
    ("expected_or_unexpected", "code", "expected, unexpected"),
    ("joint_agency_response", "boolean", "true or false"),
    ("residence_ons_code", "text", "ONS code of the area of residence; empty if outside"),
    ("home_area_outside_partnership", "text", "Home local authority when outside"),
    ("reviewed_by_this_panel", "boolean", "true or false"),
    ("notified_on", "date (YYYY-MM-DD)", "Date notified"),
    ("category_of_death", "integer 1-10", "Category of death; empty until set"),
    ("modifiable_factors", "code", "yes, no, insufficient; empty until decided"),
    ("domain_child_grading", "code 0-2", "Factors intrinsic to the child"),
    ("domain_family_grading", "code 0-2", "Family and social environment, and parenting"),
    ("domain_environment_grading", "code 0-2", "Wider physical environment"),
    ("domain_services_grading", "code 0-2", "Service provision"),
    ("review_completed_on", "date (YYYY-MM-DD)", "Date the panel completed its review"),
    ("timeliness_band", "code", "within_6, 6_to_12, over_12; empty while open"),
    ("reporting_form_versions", "text", "Reporting form versions returned, ';'-separated"),
]
NATIONAL_EXPORT_FIELDS = [name for name, _type, _meaning in NATIONAL_EXPORT_LAYOUT]


def national_export_cases(
    *, user: User, year: ReportingYear | None = None
) -> QuerySet[ChildDeathNotification]:
    """The notifications the user may export (CDOP managers only), fetched with what a row
    needs (no query per row)."""
    if not permissions.can_export_national(user):
        return ChildDeathNotification.objects.none()
    cases = ChildDeathNotification.objects.live()
    if year is not None:
        cases = cases.filter(notified_on__range=(year.start, year.end))
    return (
        cases.select_related("residence_area", "review__category")
        .prefetch_related("review__factors", "requests")
        .order_by("notified_on", "id")
    )


def national_export_row(case: ChildDeathNotification) -> dict[str, object]:
    """One notification in the documented layout. This is the only export that carries
    identifying fields."""
    review = getattr(case, "review", None)
    gradings = {f.domain: f.grading for f in review.factors.all()} if review else {}
    completed = review.completed_on if review else None
    return {
        "case_reference": case.reference,
        "nhs_number": case.nhs_number,
        "date_of_birth": case.date_of_birth_text,
        "sex": case.sex,
        "ethnicity": case.ethnicity,
        "date_of_death": case.date_of_death.isoformat(),
        "age_at_death_days": case.age_at_death_days,
        "age_band": case.age_band,
        "place_of_death": case.place_of_death,
        "expected_or_unexpected": case.expectation,
        "joint_agency_response": case.joint_agency_response,
        "residence_ons_code": case.residence_area.ons_code if case.residence_area else "",
        "home_area_outside_partnership": case.home_area_name,
        "reviewed_by_this_panel": case.reviewed_by_this_panel,
        "notified_on": case.notified_on.isoformat(),
        "category_of_death": (review.category.number if review and review.category else None),
        "modifiable_factors": review.modifiable if review else "",
        "domain_child_grading": gradings.get("child", ""),
        "domain_family_grading": gradings.get("family", ""),
        "domain_environment_grading": gradings.get("environment", ""),
        "domain_services_grading": gradings.get("services", ""),
        "review_completed_on": completed.isoformat() if completed else "",
        "timeliness_band": (
            identity.timeliness_band(case.date_of_death, completed) if completed else ""
        ),
        "reporting_form_versions": ";".join(
            sorted({r.form_version for r in case.requests.all() if r.form_version})
        ),
    }


def national_export_rows(
    *, user: User, year: ReportingYear | None = None
) -> list[dict[str, object]]:
    """Every row at once (the JSON file); the CSV and XLSX files stream
    national_export_row over national_export_cases in chunks."""
    return [national_export_row(c) for c in national_export_cases(user=user, year=year)]


@dataclass(frozen=True)
class OpenCaseSummary:
    """De-identified: open cases (this panel's) by time since the death and by reason for delay."""

    total: int
    by_age: list[tuple[str, int]]
    by_delay: list[tuple[str, int]]


def open_case_summary(*, today: date | None = None) -> OpenCaseSummary:
    today = today or timezone.localdate()
    cases = list(
        open_reviews(ChildDeathNotification.objects.all()).only("date_of_death", "delay_reason")
    )
    ages: Counter[str] = Counter()
    for case in cases:
        ages[identity.timeliness_band(case.date_of_death, today)] += 1
    delays: Counter[str] = Counter(case.delay_reason for case in cases)
    return OpenCaseSummary(
        total=len(cases),
        by_age=[
            (label.replace("Within", "Under"), ages[key])
            for key, label in identity.Timeliness.LABELS.items()
        ],
        by_delay=[
            (str(label) if value else "No reason recorded", delays[value])
            for value, label in ChildDeathNotification.DelayReason.choices
            if delays[value]
        ],
    )
