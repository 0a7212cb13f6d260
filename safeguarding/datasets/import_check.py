"""The check before an import is put in use: the figures it gives beside the figures in use,
and warnings for results that look wrong (reads only; the import's run stores the outcome).

Warnings, each for the analyst to look at before putting the import in use:
* a figure that moves by more than settings.DATASETS_CHECK_CHANGE_PERCENT of the figure in use;
* figures that would be 0 (a list read with every count 0 is the usual sign of a wrong file);
* lists or tables of the return that are absent or empty;
* a year with fewer than DATASETS_CHECK_CHANGE_PERCENT of the rows of the year before.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Min, QuerySet

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures
from safeguarding.datasets.models import (
    ImportBatch,
    RecordKind,
    ReturnKind,
    ReturnRecord,
    StoredFigure,
)

# Where each kind of record comes from in each return (named as the analyst knows them).
RETURN_PARTS: dict[str, dict[str, str]] = {
    ReturnKind.ANNEX_A: {
        RecordKind.CONTACT: "List 1 (contacts)",
        RecordKind.EARLY_HELP: "List 2 (early help)",
        RecordKind.REFERRAL: "List 3 (referrals)",
        RecordKind.ASSESSMENT: "List 4 (assessments)",
        RecordKind.SECTION_47: "List 5 (section 47 enquiries)",
        RecordKind.CP_PLAN: "List 7 (child protection plans)",
        RecordKind.CARE_EPISODE: "List 8 (children in care)",
    },
    ReturnKind.CIN: {
        RecordKind.REFERRAL: "the referrals (CINdetails)",
        RecordKind.ASSESSMENT: "the assessments",
        RecordKind.SECTION_47: "the section 47 enquiries",
        RecordKind.CP_PLAN: "the child protection plans",
    },
    ReturnKind.SSDA903: {RecordKind.CARE_EPISODE: "the episodes table"},
}
FEWER_ROWS_FLOOR = 10  # a year before with fewer rows than this is too small to compare


def batch_years(batch: ImportBatch) -> list[ReportingYear]:
    years = []
    year = ReportingYear.containing(batch.period_start)
    while year.start <= batch.period_end:
        years.append(year)
        year = ReportingYear(year.start_year + 1)
    return years


def in_use(batch: ImportBatch, years: list[ReportingYear]) -> dict[tuple[int, str], int | None]:
    rows = StoredFigure.objects.filter(
        area=batch.area_id, quarter=0, year_start__in=[y.start_year for y in years]
    ).values_list("year_start", "key", "value")
    return {(year_start, key): value for year_start, key, value in rows}


def counted(batch: ImportBatch) -> dict[int, dict[str, int]]:
    """The figures the import alone gives for each of its years (by the year's first calendar
    year): what the check compares, and what putting the import in use can take up again
    (`figures.kept_counts`)."""
    return {year.start_year: figures.batch_figures(batch, year) for year in batch_years(batch)}


def comparison(
    batch: ImportBatch, counts: dict[int, dict[str, int]] | None = None
) -> list[dict[str, Any]]:
    """Each figure the import gives for each of its years, beside the figure in use
    (`counts`: the import's own figures, `counted(batch)`, if already counted)."""
    years = batch_years(batch)
    if counts is None:
        counts = counted(batch)
    current = in_use(batch, years)
    rows: list[dict[str, Any]] = []
    for year in years:
        for key, new in counts[year.start_year].items():
            old = current.get((year.start_year, key))
            rows.append(
                {
                    "year": year.label,
                    "key": key,
                    "figure": figures.FIGURE_BY_KEY[key].label,
                    "before": old,
                    "after": new,
                    "changed": old != new,
                    "warning": _moved(old, new),
                }
            )
    return rows


def _moved(old: int | None, new: int) -> bool:
    if not old:
        return False
    share = int(settings.DATASETS_CHECK_CHANGE_PERCENT)
    return abs(new - old) * 100 > old * share


def warnings_for(batch: ImportBatch, rows: list[dict[str, Any]]) -> list[str]:
    share = int(settings.DATASETS_CHECK_CHANGE_PERCENT)
    out = [
        f"{row['year']} {row['figure']}: {row['before']:,} in use, {row['after']:,} with this "
        f"import (a change of more than {share}%)."
        for row in rows
        if row["warning"]
    ]
    for year_label in dict.fromkeys(row["year"] for row in rows):
        zeros = [
            row["figure"]
            for row in rows
            if row["year"] == year_label and row["after"] == 0 and row["before"] != 0
        ]
        if zeros:
            out.append(f"{year_label}: these figures would be 0: {', '.join(zeros)}.")
    present = set(_counted(batch)["kinds"])
    for record_kind, part in RETURN_PARTS.get(batch.kind, {}).items():
        if record_kind not in present:
            out.append(f"The return has no rows in {part}: it is absent or empty.")
    out.extend(_fewer_rows(batch, share))
    return out


def _counted(batch: ImportBatch) -> dict[str, dict[str, int]]:
    """The import's records by kind and by the year of their start: counted by the store while
    storing (ADR 0013), or, for an import stored before that, counted here."""
    if "kinds" in batch.check_figures:
        kept: dict[str, dict[str, int]] = batch.check_figures
        return kept
    records = ReturnRecord.objects.filter(batch=batch).order_by()
    kinds = records.values_list("kind").annotate(n=Count("pk"))
    years: dict[str, int] = {}
    for year_start, first, last in _years_of(records):
        years[str(year_start)] = records.filter(start__gte=first, start__lte=last).count()
    return {"kinds": dict(kinds), "rows_by_year": years}


def _years_of(records: QuerySet[ReturnRecord]) -> list[tuple[int, date, date]]:
    """Each reporting year from the earliest start to the latest (first and last day)."""
    bounds = records.aggregate(first=Min("start"), last=Max("start"))
    if bounds["first"] is None:
        return []
    year = ReportingYear.containing(bounds["first"])
    out = []
    while year.start <= bounds["last"]:
        out.append((year.start_year, year.start, year.end))
        year = ReportingYear(year.start_year + 1)
    return out


def _fewer_rows(batch: ImportBatch, share: int) -> list[str]:
    """A year of the import with far fewer rows dated in it than the year before (in this
    import, or in the area's imports in use of the same return)."""
    out = []
    here = _counted(batch)["rows_by_year"]
    in_use = [
        _counted(other)["rows_by_year"]
        for other in ImportBatch.objects.filter(
            area=batch.area_id, kind=batch.kind, status=ImportBatch.Status.CURRENT
        )
        .exclude(pk=batch.pk)
        .only("pk", "check_figures")
    ]
    for year in batch_years(batch):
        before = year.previous
        now = here.get(str(year.start_year), 0)
        counted_before = max(
            here.get(str(before.start_year), 0),
            sum(years.get(str(before.start_year), 0) for years in in_use),
        )
        if counted_before >= FEWER_ROWS_FLOOR and now * 100 < counted_before * share:
            out.append(
                f"{year.label} has {now:,} rows dated in it; {before.label} has "
                f"{counted_before:,} (fewer than {share}% of the year before)."
            )
    return out
