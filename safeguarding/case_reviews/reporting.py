"""Annual report figures for case reviews (the contract is in core/reporting.py).

How the seed report's "Learning from Child Safeguarding Practice Reviews" table maps to records
(computed from the records every time):

* Number of CSPRs ongoing from the previous year: CSPRs commissioned before 1 April and not
  signed off by the Board before 1 April (one signed off during the year still counts: it was
  ongoing when the year began).
* Number of referrals for CSPR in the year: CSPRs commissioned between 1 April and 31 March
  (a CSPR may be commissioned in the year from a rapid review decided the year before).
* CSPRs completed in the year: CSPRs signed off by the Board in the year.
* Ongoing SARs: safeguarding adults reviews commissioned by 31 March and not signed off by
  then (carried into the next year, as the seed's "Ongoing SARs for 2021/22").
* Rapid reviews, criteria met / not met: rapid reviews whose decision was made in the year;
  "held" is their total.
* Reviews published: reviews of any kind published in the year, with their key message,
  findings (learning points) and actions.
* Learning themes from rapid reviews: themes of learning recorded against rapid reviews in the
  year, most frequent first.
* Of the CSPRs completed, how many had commenced before the year.
* Dissemination: briefings, workshops and learning events held in the year, and the people
  they reached.
* Action plan status: the current status (on the day the report is produced) of the actions of
  reviews signed off in the year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from safeguarding.actions.models import Action
from safeguarding.case_reviews.models import (
    Dissemination,
    IncidentNotification,
    PracticeReview,
    RapidReview,
)
from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear
from safeguarding.learning.models import LearningPoint, LearningPointTheme


@dataclass(frozen=True)
class PublishedReview:
    title: str
    kind: str
    published_on: str
    summary: str
    key_message: str
    learning: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ThemeCount:
    name: str
    count: int


@dataclass(frozen=True)
class StatusCount:
    label: str
    count: int


@dataclass(frozen=True)
class DisseminationCount:
    label: str
    events: int
    reach: int


@dataclass(frozen=True)
class CaseReviewFigures:
    year: ReportingYear
    rapid_reviews_held: int
    criteria_met: int
    criteria_not_met: int
    cspr_ongoing_from_previous_year: int
    cspr_commenced: int
    cspr_completed: int
    cspr_completed_commenced_before: int
    sar_ongoing: int
    published: tuple[PublishedReview, ...]
    rapid_review_themes: tuple[ThemeCount, ...]
    action_status: tuple[StatusCount, ...]
    dissemination: tuple[DisseminationCount, ...]

    @property
    def published_count(self) -> int:
        return len(self.published)


def rapid_review_decisions(year: ReportingYear) -> tuple[int, int]:
    """(criteria met, criteria not met) for rapid reviews decided in the year."""
    counts = RapidReview.objects.filter(
        decided_on__range=(year.start, year.end),
        notification__in=IncidentNotification.objects.live(),
    ).aggregate(
        met=Count("id", filter=Q(decision=RapidReview.Decision.MET)),
        not_met=Count("id", filter=Q(decision=RapidReview.Decision.NOT_MET)),
    )
    return counts["met"], counts["not_met"]


def _csprs() -> QuerySet[PracticeReview]:
    """The live (not archived) child safeguarding practice reviews."""
    return PracticeReview.objects.live().filter(kind=PracticeReview.Kind.CSPR)


def cspr_ongoing_from_previous_year(year: ReportingYear) -> int:
    return (
        _csprs()
        .filter(commissioned_on__lt=year.start)
        .exclude(signed_off_on__lt=year.start)
        .count()
    )


def cspr_commenced(year: ReportingYear) -> int:
    return _csprs().filter(commissioned_on__range=(year.start, year.end)).count()


def cspr_completed(year: ReportingYear) -> int:
    return _csprs().filter(signed_off_on__range=(year.start, year.end)).count()


def cspr_completed_commenced_before(year: ReportingYear) -> int:
    return (
        _csprs()
        .filter(signed_off_on__range=(year.start, year.end), commissioned_on__lt=year.start)
        .count()
    )


def dissemination(year: ReportingYear) -> tuple[DisseminationCount, ...]:
    rows = (
        Dissemination.objects.filter(
            held_on__range=(year.start, year.end), review__in=PracticeReview.objects.live()
        )
        .values("kind")
        .annotate(n=Count("id"), reach=Sum("reach"))
        .order_by("kind")
    )
    return tuple(
        DisseminationCount(
            label=Dissemination.Kind(row["kind"]).label, events=row["n"], reach=row["reach"] or 0
        )
        for row in rows
    )


def sar_ongoing(year: ReportingYear) -> int:
    return (
        PracticeReview.objects.live()
        .filter(kind=PracticeReview.Kind.SAR, commissioned_on__lte=year.end)
        .exclude(signed_off_on__lte=year.end)
        .count()
    )


def published_reviews(year: ReportingYear) -> tuple[PublishedReview, ...]:
    """Reviews published in the year with their published learning and their plan's actions:
    three queries whatever the number of reviews (learning and actions are read for all the
    reviews at once, not review by review)."""
    reviews = list(
        PracticeReview.objects.live()
        .filter(published_on__range=(year.start, year.end))
        .order_by("published_on", "id")
    )
    ids = [review.pk for review in reviews]
    learning = _grouped(
        LearningPoint.objects.filter(
            source_type=ContentType.objects.get_for_model(PracticeReview),
            source_id__in=ids,
            is_published=True,
        )
        .order_by("source_id", "recorded_on", "id")
        .values_list("source_id", "summary")
    )
    actions = _grouped(
        Action.objects.live()
        .filter(plan__source_type=_review_type(), plan__source_id__in=ids)
        .order_by("plan__source_id", "number")
        .values_list("plan__source_id", "description")
    )
    return tuple(
        PublishedReview(
            title=review.title,
            kind=review.get_kind_display(),
            published_on=f"{review.published_on:%B %Y}" if review.published_on else "",
            summary=review.summary,
            key_message=review.key_message,
            learning=tuple(learning.get(review.pk, ())),
            actions=tuple(actions.get(review.pk, ())),
        )
        for review in reviews
    )


def _review_type() -> ContentType:
    """The content type action plans name a practice review by (as actions' selectors do)."""
    return ContentType.objects.get_for_model(PracticeReview, for_concrete_model=False)


def _grouped(rows: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for source_id, text in rows:
        found.setdefault(source_id, []).append(text)
    return found


def rapid_review_themes(year: ReportingYear) -> tuple[ThemeCount, ...]:
    rows = (
        LearningPointTheme.objects.filter(
            learning_point__source_kind=LearningPoint.SourceKind.RAPID_REVIEW,
            learning_point__recorded_on__range=(year.start, year.end),
        )
        .values("theme__name")
        .annotate(n=Count("learning_point", distinct=True))
        .order_by("-n", "theme__name")
    )
    return tuple(ThemeCount(name=row["theme__name"], count=row["n"]) for row in rows)


def action_status(year: ReportingYear, *, today: date | None = None) -> tuple[StatusCount, ...]:
    """The current status of the actions of reviews signed off in the year, counted in one
    query: by stored status and whether the due date has passed, then the actions app's overdue
    rule (Action.status_on: not complete, and marked overdue or past its due date) applied to
    each group."""
    today = today or timezone.localdate()
    signed_off = PracticeReview.objects.live().filter(signed_off_on__range=(year.start, year.end))
    rows = (
        Action.objects.live()
        .filter(
            plan__source_type=_review_type(),
            plan__source_id__in=signed_off.values("pk"),
        )
        .values("status")
        .annotate(n=Count("id"), past_due=Count("id", filter=Q(due_date__lt=today)))
        .order_by()
    )
    totals = dict.fromkeys(Action.Status.values, 0)
    for row in rows:
        past_due = Action(status=row["status"], due_date=today - timedelta(days=1))
        not_due = Action(status=row["status"], due_date=today)
        totals[past_due.status_on(today)] += row["past_due"]
        totals[not_due.status_on(today)] += row["n"] - row["past_due"]
    return tuple(
        StatusCount(label=Action.Status(status).label, count=n)
        for status, n in totals.items()
        if n
    )


def figures(year: ReportingYear) -> CaseReviewFigures:
    met, not_met = rapid_review_decisions(year)
    return CaseReviewFigures(
        year=year,
        rapid_reviews_held=met + not_met,
        criteria_met=met,
        criteria_not_met=not_met,
        cspr_ongoing_from_previous_year=cspr_ongoing_from_previous_year(year),
        cspr_commenced=cspr_commenced(year),
        cspr_completed=cspr_completed(year),
        cspr_completed_commenced_before=cspr_completed_commenced_before(year),
        sar_ongoing=sar_ongoing(year),
        published=published_reviews(year),
        rapid_review_themes=rapid_review_themes(year),
        action_status=action_status(year),
        dissemination=dissemination(year),
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="case_reviews",
        title="Learning from child safeguarding practice reviews",
        template="case_reviews/report_section.html",
        figures=figures(year),
    )
