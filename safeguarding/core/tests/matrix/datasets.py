"""datasets: every role reads the figures; staff and data analysts upload returns.

An import or a population is seen and changed by whoever may import for its area (staff; a
data analyst for their agencies' areas); everyone else gets 404. An area no longer in use has
no page of figures."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANY_ROLE,
    BUSINESS_UNIT,
    DATA_ANALYST,
    FORBIDDEN,
    GONE,
    NO_ROLE,
    NOT_FOUND,
    OK,
    STAFF,
    Case,
    action,
    expect,
    pk,
    read_page,
    same,
)


def build(world: Any) -> None:
    """An import for area A waiting for its check, area A's population, an area no longer in
    use. Agency A covers the whole partnership (no area), so its analyst imports for every
    area."""
    import datetime as dt

    from safeguarding.datasets.models import ImportBatch, Population
    from safeguarding.partnership.tests.factories import AreaFactory

    records = world.records
    records["ds_batch"] = ImportBatch.objects.create(
        area=world.area_a,
        period_start=dt.date(2020, 4, 1),
        period_end=dt.date(2021, 3, 31),
        status=ImportBatch.Status.AWAITING_CONFIRMATION,
    )
    records["ds_population"] = Population.objects.create(
        area=world.area_a, year_start=2020, children=1000, source="Synthetic estimate"
    )
    records["ds_area_disabled"] = AreaFactory.create(disabled_on=dt.date(2020, 1, 1))


ENTRIES: dict[str, tuple[Case, ...]] = {
    "datasets:dashboard": (read_page("no object", ANY_ROLE),),
    "datasets:definitions": (read_page("no object", ANY_ROLE),),
    "datasets:figures_export": (read_page("no object", ANY_ROLE),),
    "datasets:import_create": (
        same("no object", expect(FORBIDDEN, (STAFF | {DATA_ANALYST}, OK), (NO_ROLE, NOT_FOUND))),
    ),
    "datasets:import_list": (
        read_page(
            "no object", expect(FORBIDDEN, (STAFF | {DATA_ANALYST}, OK), (NO_ROLE, NOT_FOUND))
        ),
    ),
    "datasets:population_list": (
        same("no object", expect(FORBIDDEN, (STAFF | {DATA_ANALYST}, OK), (NO_ROLE, NOT_FOUND))),
    ),
    "datasets:comparator_import": (
        same("no object", expect(FORBIDDEN, (STAFF | {DATA_ANALYST}, OK))),
    ),
    "datasets:comparator_list": (
        same("no object", expect(FORBIDDEN, (STAFF | {DATA_ANALYST}, OK), (NO_ROLE, NOT_FOUND))),
    ),
}


IMPORTERS = expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK))
BATCH = "area A's import waiting for its check"

ENTRIES.update(
    {
        "datasets:area_detail": (
            read_page("area in use", ANY_ROLE, pk("area_a")),
            read_page("area no longer in use", GONE, pk("ds_area_disabled")),
        ),
        "datasets:population_update": (
            same("area A's population", IMPORTERS, pk("ds_population")),
        ),
        "datasets:import_detail": (read_page(BATCH, IMPORTERS, pk("ds_batch")),),
        "datasets:import_status": (read_page(BATCH, IMPORTERS, pk("ds_batch")),),
        "datasets:import_cancel": (action(BATCH, IMPORTERS, pk("ds_batch")),),
        "datasets:import_confirm": (same(BATCH, IMPORTERS, pk("ds_batch")),),
        "datasets:import_withdraw": (same(BATCH, IMPORTERS, pk("ds_batch")),),
    }
)
