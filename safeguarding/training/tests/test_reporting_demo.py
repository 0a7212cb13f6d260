"""The demo states the seed report's 2020-21 training figures, computed from records and checked
against independent counts; the section renders them; the demo is idempotent."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Sum
from django.template.loader import render_to_string

from safeguarding.core.years import ReportingYear
from safeguarding.partnership import demo as partnership_demo
from safeguarding.training import demo, reporting
from safeguarding.training.models import (
    Briefing,
    BriefingDailyViews,
    Course,
    CourseValidation,
    Evaluation,
    TrainingBooking,
    TrainingSession,
)

pytestmark = pytest.mark.django_db
YEAR = ReportingYear.parse("2020-21")


@pytest.fixture
def seeded() -> reporting.TrainingFigures:
    partnership_demo.seed()
    demo.seed()
    return reporting.report_figures(YEAR)


def test_18_webinars_between_september_2020_and_march_2021(
    seeded: reporting.TrainingFigures,
) -> None:
    independent = TrainingSession.objects.filter(
        course__format=Course.Format.LIVE_WEBINAR,
        starts_at__date__gte=date(2020, 4, 1),
        starts_at__date__lte=date(2021, 3, 31),
    )
    assert seeded.webinars.sessions == independent.count() == 18
    assert (seeded.webinars.first.month, seeded.webinars.first.year) == (9, 2020)  # type: ignore[union-attr]
    assert (seeded.webinars.last.month, seeded.webinars.last.year) == (3, 2021)  # type: ignore[union-attr]


def test_573_people_attended(seeded: reporting.TrainingFigures) -> None:
    independent = TrainingBooking.objects.filter(
        attendance=TrainingBooking.Attendance.ATTENDED,
        session__starts_at__year__in=[2020, 2021],
        session__course__format=Course.Format.LIVE_WEBINAR,
    ).count()
    assert seeded.webinars.attended == seeded.attended == independent == 573
    assert sum(row.count for row in seeded.attended_by_agency) == 573
    assert sum(row.count for row in seeded.attended_by_sector) == 573


def test_capacity_grew_from_20_to_40_to_100(seeded: reporting.TrainingFigures) -> None:
    capacities = list(
        TrainingSession.objects.filter(starts_at__year__in=[2020, 2021])
        .order_by("starts_at")
        .values_list("capacity", flat=True)
    )
    assert seeded.webinars.capacity_steps == [20, 40, 100]
    assert capacities[0] == 20
    assert capacities[-1] == 100
    assert seeded.places_offered == sum(capacities) == 4 * 20 + 6 * 40 + 8 * 100


def test_100_percent_met_needs_and_99_percent_delivery_right(
    seeded: reporting.TrainingFigures,
) -> None:
    evaluations = Evaluation.objects.all()
    n = evaluations.count()
    right = evaluations.filter(delivery_right=True).count()
    assert (n, evaluations.filter(met_needs=True).count(), right) == (274, 274, 271)
    assert seeded.evaluation.met_needs_percent == 100
    assert seeded.evaluation.delivery_right_percent == 99
    assert 98.5 <= 100 * right / n < 99.5


def test_briefings_viewed_10753_times(seeded: reporting.TrainingFigures) -> None:
    independent = BriefingDailyViews.objects.filter(
        day__gte=date(2020, 4, 1), day__lte=date(2021, 3, 31)
    ).aggregate(total=Sum("views"))["total"]
    assert seeded.briefing_views == independent == 10_753
    first = Briefing.objects.order_by("published_on").first()
    assert first is not None
    assert first.published_on.month == 4


def test_9_single_agency_courses_validated_for_four_agencies(
    seeded: reporting.TrainingFigures,
) -> None:
    validated = CourseValidation.objects.filter(
        status=CourseValidation.Status.VALIDATED, validated_on__year__in=[2020, 2021]
    )
    assert seeded.validation.courses == validated.count() == 9
    assert {a.label for a in seeded.validation.agencies} == {
        "Cambridgeshire Constabulary",
        "Early Years Peterborough",
        "Early Help Cambridgeshire and Peterborough",
        "Cambridgeshire and Peterborough Foundation Trust",
    }
    assert sum(a.count for a in seeded.validation.agencies) == 9


def test_section_renders_the_figures(seeded: reporting.TrainingFigures) -> None:
    section = reporting.report_section(YEAR)
    html = render_to_string(section.template, {"figures": section.figures, "year": YEAR})
    text = " ".join(html.split())
    assert "18 webinar sessions took place between September 2020 and March 2021" in text
    assert "attended by 573 people" in text
    assert "grew from 20 to 40 to 100" in text
    assert "100% said the training met their needs and 99% that the delivery" in text
    assert "viewed 10,753 times" in text
    assert "9 courses were validated for" in text


def test_demo_is_idempotent(seeded: reporting.TrainingFigures) -> None:
    counts = (
        TrainingSession.objects.count(),
        TrainingBooking.objects.count(),
        Evaluation.objects.count(),
        BriefingDailyViews.objects.count(),
        CourseValidation.objects.count(),
    )
    demo.seed()
    assert counts == (
        TrainingSession.objects.count(),
        TrainingBooking.objects.count(),
        Evaluation.objects.count(),
        BriefingDailyViews.objects.count(),
        CourseValidation.objects.count(),
    )
    assert reporting.report_figures(YEAR) == seeded


def test_other_years_are_empty_not_wrong(seeded: reporting.TrainingFigures) -> None:
    earlier = reporting.report_figures(ReportingYear.parse("2019-20"))
    assert earlier.attended == 0
    assert earlier.evaluation.met_needs_percent is None
    assert earlier.briefing_views == 0
