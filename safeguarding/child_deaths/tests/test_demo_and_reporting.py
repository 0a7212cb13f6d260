"""The demo records state the 2020-21 figures of the partnership's report, counted from the
records; every figure is checked against an independent count of the rows."""

from __future__ import annotations

from datetime import date

import pytest

from safeguarding.child_deaths import demo, identity, reporting
from safeguarding.child_deaths.models import (
    AgeBand,
    ChildDeathNotification,
    DeathCategory,
    PanelReview,
)
from safeguarding.core.years import ReportingYear

pytestmark = pytest.mark.django_db

Y2020 = ReportingYear.parse("2020-21")


@pytest.fixture
def seeded(demo_seeded: None, db: None) -> reporting.ChildDeathFigures:
    """The whole demo (seeded once for the session: see the root conftest)."""
    return reporting.figures_for_year(Y2020)


def _count(label: str, rows: list[reporting.Count]) -> reporting.Count:
    return next(r for r in rows if r.label == label)


def test_demo_2020_21_deaths_notified_and_change(seeded: reporting.ChildDeathFigures) -> None:
    in_year = ChildDeathNotification.objects.filter(
        notified_on__range=(date(2020, 4, 1), date(2021, 3, 31))
    )
    previous = ChildDeathNotification.objects.filter(
        notified_on__range=(date(2019, 4, 1), date(2020, 3, 31))
    )
    assert in_year.count() == 34
    assert previous.count() == 41
    assert seeded.notified == 34
    assert seeded.notified_previous == 41
    assert seeded.change == -7
    assert seeded.change_words == "7 fewer than"


def test_demo_2020_21_area_of_residence(seeded: reporting.ChildDeathFigures) -> None:
    assert _count("Cambridgeshire", seeded.by_area).count == 25
    assert _count("Peterborough", seeded.by_area).count == 8
    assert _count("Outside the partnership (Suffolk)", seeded.by_area).count == 1
    assert seeded.outside_partnership == 1
    assert seeded.outside_reviewed_here == 0
    assert sum(a.count for a in seeded.by_area) == seeded.notified


def test_demo_2020_21_under_one_is_the_nearest_honest_figure(
    seeded: reporting.ChildDeathFigures,
) -> None:
    in_year = ChildDeathNotification.objects.filter(notified_on__range=(Y2020.start, Y2020.end))
    independent = sum(
        1 for n in in_year if identity.age_in_years(n.date_of_birth, n.date_of_death) < 1
    )
    assert independent == 17
    assert seeded.under_one == 17
    assert seeded.under_one_percent == 50
    assert _count(AgeBand.NEONATAL.label, seeded.by_age_band).count == 10
    assert _count(AgeBand.INFANT.label, seeded.by_age_band).count == 7
    assert sum(c.count for c in seeded.by_age_band if c.label != "Under 1 year (total)") == 34


def test_demo_2020_21_suicides(seeded: reporting.ChildDeathFigures) -> None:
    independent = ChildDeathNotification.objects.filter(
        notified_on__range=(Y2020.start, Y2020.end),
        review__category__number=DeathCategory.SUICIDE,
    ).count()
    assert independent == 4
    assert seeded.suicides == 4


def test_demo_2020_21_reviews_and_modifiable_factors(seeded: reporting.ChildDeathFigures) -> None:
    completed = PanelReview.objects.filter(completed_on__range=(Y2020.start, Y2020.end))
    assert completed.count() == 40
    assert completed.filter(modifiable=PanelReview.Modifiable.YES).count() == 11
    assert completed.filter(modifiable=PanelReview.Modifiable.NO).count() == 29
    assert completed.filter(notification__notified_on__year=2018).exists()
    assert seeded.reviews_completed == 40
    assert seeded.with_modifiable == 11
    assert seeded.without_modifiable == 29
    assert seeded.with_modifiable_percent == 28  # 27.5% rounds half up


def test_demo_2020_21_timeliness_bands(seeded: reporting.ChildDeathFigures) -> None:
    completed = PanelReview.objects.filter(
        completed_on__range=(Y2020.start, Y2020.end)
    ).select_related("notification")
    bands = [
        identity.timeliness_band(r.notification.date_of_death, r.completed_on)
        for r in completed
        if r.completed_on is not None
    ]
    assert bands.count("within_6") == 9
    assert bands.count("6_to_12") == 25
    assert bands.count("over_12") == 6
    figures = {t.label: (t.count, t.percent) for t in seeded.timeliness}
    assert figures == {
        "Within 6 months": (9, 23),
        "6 to 12 months": (25, 63),
        "Over 12 months": (6, 15),
    }


def test_demo_2020_21_national_comparator_with_source(seeded: reporting.ChildDeathFigures) -> None:
    assert [(c.measure, c.percent) for c in seeded.comparators] == [("under_one", 63)]
    assert "annual report" in seeded.comparators[0].source


def test_demo_categories_sum_to_reviews_completed(seeded: reporting.ChildDeathFigures) -> None:
    assert len(seeded.categories) == 10
    assert sum(c.count for c in seeded.categories) == 40


def test_demo_seed_is_idempotent(seeded: reporting.ChildDeathFigures) -> None:
    before = ChildDeathNotification.objects.count()
    demo.seed()
    assert ChildDeathNotification.objects.count() == before == 6 + 41 + 34


def test_report_section_renders_the_figures(seeded: reporting.ChildDeathFigures) -> None:
    from django.template.loader import render_to_string

    section = reporting.report_section(Y2020)
    html = render_to_string(section.template, {"year": Y2020, "figures": section.figures})
    assert "the deaths of 34 children were notified" in html
    assert "7 fewer than in 2019-20 (41)" in html
    assert "50% (17 of 34) were babies under one year old" in html
    assert "compared with 63% nationally" in html
    assert "4 deaths (of 34 notified) were suicides" in html
    assert "The panel completed 40 reviews" in html
    assert "In 11 the panel identified modifiable factors" in html
    assert (
        "Of the reviews completed, 23% within 6 months of the death, 63% in 6 to 12 months "
        "and 15% after more than 12 months." in html
    )
    assert "25 lived in Cambridgeshire, 8 in Peterborough and 1 outside the partnership" in html
    assert "(reviewed by this panel: 0 of 1;" in html
    assert "Outside the partnership (Suffolk)" in html


def test_figures_never_decrypt_a_childs_identifying_fields(
    demo_seeded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safeguarding.core import fields

    decrypted: list[str] = []
    real = fields.decrypt

    def counting_decrypt(token: str) -> str:
        decrypted.append(token)
        return real(token)

    monkeypatch.setattr(fields, "decrypt", counting_decrypt)
    figures = reporting.figures_for_year(Y2020)
    assert figures.notified > 0
    assert figures.reviews_completed > 0
    assert decrypted == []
    assert set(reporting.IDENTIFYING_FIELDS) >= {"child_name", "nhs_number", "address"}


def test_report_section_empty_year_has_no_division_errors() -> None:
    figures = reporting.figures_for_year(ReportingYear.parse("2030-31"))
    assert figures.notified == 0
    assert figures.under_one_percent is None
    assert all(t.percent is None for t in figures.timeliness)
