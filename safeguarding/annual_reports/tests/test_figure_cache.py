"""The yearly report's sections kept in the cache per year (figure_cache): served without
queries while nothing they read changes, recomputed after a write to their records."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from safeguarding.annual_reports import figure_cache, selectors
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.case_reviews.tests.factories import PracticeReviewFactory
from safeguarding.core.years import ReportingYear
from safeguarding.training.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db

YEAR = ReportingYear(2020)


@pytest.fixture(autouse=True)
def _cache_on():
    with (
        override_settings(ANNUAL_REPORT_CACHE_SECONDS=300),
        time_machine.travel(date(2021, 6, 1), tick=False),
    ):
        yield


def _commenced() -> int:
    report = selectors.annual_report_build(year=YEAR)
    section = next(s for s in report.sections if s.key == "case_reviews")
    return int(section.figures.cspr_commenced)


def _queries() -> int:
    with CaptureQueriesContext(connection) as captured:
        selectors.annual_report_build(year=YEAR)
    return len(captured)


def test_report_sections_served_from_cache_when_nothing_changed() -> None:
    PracticeReviewFactory.create(commissioned_on=date(2020, 6, 1))
    with CaptureQueriesContext(connection) as first:
        assert _commenced() == 1
    assert len(first) > 10  # computed from the records the first time
    assert _queries() == 0


def test_report_section_recomputed_after_write_to_its_records() -> None:
    PracticeReviewFactory.create(commissioned_on=date(2020, 6, 1))
    assert _commenced() == 1
    PracticeReviewFactory.create(commissioned_on=date(2020, 7, 1))
    assert _commenced() == 2
    review = PracticeReview.objects.order_by("pk").first()
    assert review is not None
    review.delete()
    assert _commenced() == 1


def _section_queries(module_path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        figure_cache.module_section(module_path, YEAR)
    return len(captured)


def test_write_to_another_module_keeps_unrelated_section_cached() -> None:
    case_reviews = "safeguarding.case_reviews.reporting"
    governance = "safeguarding.governance.reporting"  # reads every module: any write redoes it
    assert _section_queries(case_reviews) > 0
    assert _section_queries(governance) > 0
    CourseFactory.create()  # a write to training's records
    assert _section_queries(case_reviews) == 0
    assert _section_queries(governance) > 0


@override_settings(ANNUAL_REPORT_CACHE_SECONDS=0)
def test_cache_off_computes_every_time() -> None:
    selectors.annual_report_build(year=YEAR)
    assert _queries() > 10
