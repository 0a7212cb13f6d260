"""datasets: every role reads the figures; staff and data analysts upload returns.

An import or a population is seen and changed by whoever may import for its area (staff; a
data analyst for their agencies' areas); everyone else gets 404. An area no longer in use has
no page of figures."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    BUSINESS_UNIT,
    DATA_ANALYST,
    FORBIDDEN,
    NO_ROLE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    Filler,
    action,
    expect,
    no_object,
    read_page,
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


def _pk(name: str) -> Filler:
    return lambda w: {"pk": w.records[name].pk}


ENTRIES: dict[str, tuple[Case, ...]] = {
    "datasets:dashboard": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:definitions": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:figures_export": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:import_create": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            fill=no_object,
        ),
    ),
    "datasets:import_list": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:population_list": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            fill=no_object,
        ),
    ),
    "datasets:comparator_import": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK)),
            fill=no_object,
        ),
    ),
    "datasets:comparator_list": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            fill=no_object,
        ),
    ),
}


IMPORTERS = expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK))
BATCH = "area A's import waiting for its check"

ENTRIES.update(
    {
        "datasets:area_detail": (
            read_page("area in use", expect(OK, ({NO_ROLE}, NOT_FOUND)), fill=_pk("area_a")),
            read_page("area no longer in use", expect(NOT_FOUND), fill=_pk("ds_area_disabled")),
        ),
        "datasets:population_update": (
            Case("area A's population", IMPORTERS, IMPORTERS, _pk("ds_population")),
        ),
        "datasets:import_detail": (read_page(BATCH, IMPORTERS, fill=_pk("ds_batch")),),
        "datasets:import_status": (read_page(BATCH, IMPORTERS, fill=_pk("ds_batch")),),
        "datasets:import_cancel": (action(BATCH, IMPORTERS, fill=_pk("ds_batch")),),
        "datasets:import_confirm": (Case(BATCH, IMPORTERS, IMPORTERS, _pk("ds_batch")),),
        "datasets:import_withdraw": (Case(BATCH, IMPORTERS, IMPORTERS, _pk("ds_batch")),),
    }
)
