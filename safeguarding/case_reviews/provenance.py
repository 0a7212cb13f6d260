"""The records behind the case review figures of the annual report (the contract is in
core/provenance.py). Each query repeats the rule its figure in reporting.py counts by (that
file's docstring); the annual report's tests check that each list's length is the figure.
Whoever may see case reviews (the case team and the read-only roles, who see de-identified
summaries) sees these lists; everyone else gets 404.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from safeguarding.case_reviews import permissions
from safeguarding.case_reviews.models import IncidentNotification, PracticeReview, RapidReview
from safeguarding.core.dates import format_date
from safeguarding.core.provenance import Column, RecordList, Records
from safeguarding.core.years import ReportingYear

CSPR = PracticeReview.Kind.CSPR


def rapid_reviews_decided(year: ReportingYear) -> QuerySet[RapidReview]:
    return (
        RapidReview.objects.filter(
            decided_on__range=(year.start, year.end),
            notification__in=IncidentNotification.objects.live(),
            decision__in=(RapidReview.Decision.MET, RapidReview.Decision.NOT_MET),
        )
        .select_related("notification")
        .order_by("decided_on", "id")
    )


def _reviews() -> QuerySet[PracticeReview]:
    return PracticeReview.objects.live().select_related("area").order_by("commissioned_on", "id")


def cspr_ongoing_from_previous_year(year: ReportingYear) -> QuerySet[PracticeReview]:
    return (
        _reviews()
        .filter(kind=CSPR, commissioned_on__lt=year.start)
        .exclude(signed_off_on__lt=year.start)
    )


def cspr_commenced(year: ReportingYear) -> QuerySet[PracticeReview]:
    return _reviews().filter(kind=CSPR, commissioned_on__range=(year.start, year.end))


def cspr_completed(year: ReportingYear) -> QuerySet[PracticeReview]:
    return _reviews().filter(kind=CSPR, signed_off_on__range=(year.start, year.end))


def sar_ongoing(year: ReportingYear) -> QuerySet[PracticeReview]:
    return (
        _reviews()
        .filter(kind=PracticeReview.Kind.SAR, commissioned_on__lte=year.end)
        .exclude(signed_off_on__lte=year.end)
    )


def published(year: ReportingYear) -> QuerySet[PracticeReview]:
    return _reviews().filter(published_on__range=(year.start, year.end))


RAPID_REVIEW_COLUMNS = (
    Column("Notification", lambda r: r.notification.reference),
    Column("Decided", lambda r: format_date(r.decided_on)),
    Column("Decision", lambda r: r.get_decision_display()),
)
PRACTICE_REVIEW_COLUMNS = (
    Column("Review", lambda r: r.title),
    Column("Type", lambda r: r.get_kind_display()),
    Column("Commissioned", lambda r: format_date(r.commissioned_on)),
    Column("Signed off", lambda r: format_date(r.signed_off_on)),
    Column("Status", lambda r: r.get_status_display()),
)


def _rapid_reviews(records: Records) -> RecordList:
    return RecordList(
        noun="rapid reviews",
        records=records,
        allowed=permissions.can_view_case_reviews,
        columns=RAPID_REVIEW_COLUMNS,
        link=lambda r: reverse("case_reviews:rapid_review_detail", args=[r.pk]),
    )


def _practice_reviews(records: Records) -> RecordList:
    return RecordList(
        noun="practice reviews",
        records=records,
        allowed=permissions.can_view_case_reviews,
        columns=PRACTICE_REVIEW_COLUMNS,
        link=lambda r: reverse("case_reviews:practice_review_detail", args=[r.pk]),
    )


RECORDS: dict[str, RecordList] = {
    "case_reviews.rapid_reviews_held": _rapid_reviews(rapid_reviews_decided),
    "case_reviews.criteria_met": _rapid_reviews(
        lambda year: rapid_reviews_decided(year).filter(decision=RapidReview.Decision.MET)
    ),
    "case_reviews.criteria_not_met": _rapid_reviews(
        lambda year: rapid_reviews_decided(year).filter(decision=RapidReview.Decision.NOT_MET)
    ),
    "case_reviews.cspr_ongoing_from_previous_year": _practice_reviews(
        cspr_ongoing_from_previous_year
    ),
    "case_reviews.cspr_commenced": _practice_reviews(cspr_commenced),
    "case_reviews.cspr_completed": _practice_reviews(cspr_completed),
    "case_reviews.sar_ongoing": _practice_reviews(sar_ongoing),
    "case_reviews.published": _practice_reviews(published),
}
