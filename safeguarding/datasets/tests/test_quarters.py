"""Quarterly figures for people who may not see exact numbers: worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import selectors, services
from safeguarding.datasets.models import ImportBatch, RecordKind, ReturnKind, ReturnRecord
from safeguarding.datasets.selectors import Shown
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
YEAR = ReportingYear(2020)
QUARTER_DAYS = (date(2020, 5, 1), date(2020, 8, 1), date(2020, 11, 1), date(2021, 2, 1))


def _contacts(area: Area, per_quarter: list[int]) -> None:
    batch = ImportBatch.objects.create(
        area=area,
        kind=ReturnKind.ANNEX_A,
        status=ImportBatch.Status.CURRENT,
        period_start=YEAR.start,
        period_end=YEAR.end,
    )
    ReturnRecord.objects.bulk_create(
        ReturnRecord(
            batch=batch, kind=RecordKind.CONTACT, child_hash=f"{area.pk}-{q}-{n}", start=day
        )
        for q, (day, count) in enumerate(zip(QUARTER_DAYS, per_quarter, strict=True))
        for n in range(count)
    )
    services.stored_figures_refresh(area=area)


def _contacts_by_quarter(area: Area, *, exact: bool) -> tuple[Shown, list[Shown]]:
    grid = selectors.figures_grid(user=None, years=[YEAR], exact=exact)
    by_quarter = selectors.quarters_table(grid=grid, year=YEAR)
    return grid.cell("contacts", area.pk, YEAR).value, by_quarter[("contacts", area.pk)]


def test_one_small_quarter_hides_a_second_when_the_year_is_shown(area: Area) -> None:
    _contacts(area, [3, 40, 50, 60])

    assert _contacts_by_quarter(area, exact=True) == (153, [3, 40, 50, 60])
    # 153 is shown, so the 3 alone would be 153 - 40 - 50 - 60: the smallest other goes too
    assert _contacts_by_quarter(area, exact=False) == (153, ["c", "c", 50, 60])


def test_quarters_never_give_away_a_year_the_table_hides(area: Area) -> None:
    other = AreaFactory.create(name="Southshire", la_number="874")
    _contacts(area, [4, 0, 0, 0])
    _contacts(other, [25, 25, 25, 25])

    # The yearly table hides Northshire's 4 and, with it, Southshire's 100 (the partnership's
    # 104 is shown). Southshire's four quarters would add up to its 100, and 104 - 100 = 4:
    # one of them is hidden too (the first of the smallest).
    assert _contacts_by_quarter(area, exact=False) == ("c", ["c", 0, 0, 0])
    assert _contacts_by_quarter(other, exact=False) == ("c", ["c", 25, 25, 25])
    assert _contacts_by_quarter(other, exact=True) == (100, [25, 25, 25, 25])
