"""Every write of the datasets app: imports (run, check, put in use, withdraw, cancel), the
stored figures and populations.

An import is atomic: the records are stored in one transaction with the import's outcome, or
nothing is stored. Every import then waits to be checked: its figures beside the figures in use,
with warnings (import_check); an analyst puts it in use deliberately (and, with
settings.DATASETS_REQUIRE_SECOND_APPROVAL, a second person approves it). Putting an import in
use, withdrawing one or changing a population recomputes the area's stored figures, which every
page, export and report reads. A re-import replaces the import in use, which stays recorded as
superseded and comes back if the re-import is withdrawn.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import dateformat, timezone

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.concurrency import bump_version
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import comparators, figures, import_check, permissions, tasks, verbs
from safeguarding.datasets.importing.files import files_delete, files_store
from safeguarding.datasets.importing.memory import older_objects_left_alone
from safeguarding.datasets.importing.progress import ProgressWrite, progress_writer
from safeguarding.datasets.importing.readers import return_read
from safeguarding.datasets.importing.store import RecordStore
from safeguarding.datasets.models import (
    Comparator,
    ImportBatch,
    Population,
    ReturnKind,
    ReturnRecord,
    StoredFigure,
)
from safeguarding.datasets.parsers import detect
from safeguarding.datasets.parsers.common import ImportFileError, Problems
from safeguarding.partnership.models import Area

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

logger = logging.getLogger(__name__)


def import_batch_create(
    *,
    actor: User | None,
    area: Area,
    period_start: date,
    period_end: date,
    filename: str = "",
) -> ImportBatch:
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            area=area,
            period_start=period_start,
            period_end=period_end,
            original_filename=filename[:255],
            uploaded_by=actor,
        )
        event_record(
            actor=actor,
            verb=verbs.IMPORT_BATCH_STARTED,
            target=batch,
            data={"area": area.pk, "period": f"{period_start}..{period_end}"},
        )
    return batch


def import_submit(
    *,
    actor: User | None,
    area: Area,
    period_start: date,
    period_end: date,
    files: Sequence[UploadedFile | Path],
    filename: str = "",
    run_now: bool = False,
) -> ImportBatch:
    """Keep the return's files in an upload folder of their own and record the import, then
    run it: as a background task once the transaction commits (the upload page), or now in this
    process with run_now (the command line, the demo), returning the finished import. The files
    given are copied, never moved; the copies are deleted once read. `filename` (what the
    import's page calls the files) defaults to the files' names."""
    paths = files_store(files)
    names = [str(item.name) for item in files]
    try:
        batch = import_batch_create(
            actor=actor,
            area=area,
            period_start=period_start,
            period_end=period_end,
            filename=filename or ", ".join(names),
        )
    except Exception:
        files_delete(paths)
        raise
    if run_now:
        return import_batch_run(batch_id=batch.pk, paths=paths, names=names)
    transaction.on_commit(
        lambda: tasks.import_batch_run_task.enqueue(
            batch_id=batch.pk, paths=[str(path) for path in paths], names=names
        )
    )
    return batch


def _named(message: str, paths: Sequence[Path], names: Sequence[str] | None) -> str:
    """A message names the person's files, never the copies' names (return-0.xlsx)."""
    for path, name in zip(paths, names or (), strict=False):
        if name and path.name != name:
            message = message.replace(path.name, name)
    return message


def _current(batch: ImportBatch) -> ImportBatch | None:
    return (
        ImportBatch.objects.filter(
            area=batch.area,
            kind=batch.kind,
            period_start=batch.period_start,
            period_end=batch.period_end,
            status=ImportBatch.Status.CURRENT,
        )
        .exclude(pk=batch.pk)
        .first()
    )


def import_batch_run(
    *, batch_id: int, paths: list[Path], names: Sequence[str] | None = None
) -> ImportBatch:
    """Read, validate and store one import, which then waits to be checked; the uploaded files
    are deleted whatever happens. `names`: the person's names of the files (for messages)."""
    batch = ImportBatch.objects.select_related("area").get(pk=batch_id)
    try:
        if batch.status != ImportBatch.Status.QUEUED:
            return batch
        batch.status = ImportBatch.Status.RUNNING
        batch.started_at = timezone.now()
        batch.save(update_fields=["status", "started_at", "updated_at"])
        write, close = progress_writer(batch.pk)
        try:
            batch.kind = detect.detect(paths)  # saved at once: the page names the return
            batch.save(update_fields=["kind", "updated_at"])
            with older_objects_left_alone():
                _run_atomic(batch, paths, write)
        except ImportFileError as exc:
            _fail(batch, _named(str(exc), paths, names))
        except Exception as exc:  # any failure must end as a visible failed import
            # Only the type is logged: a message could quote a cell (identifying data).
            logger.error("Import %s failed unexpectedly: %s", batch.pk, type(exc).__name__)
            _fail(batch, "The import stopped because of an unexpected error; nothing was stored.")
        finally:
            close()
    finally:
        files_delete(paths)
    batch.refresh_from_db()
    return batch


@transaction.atomic
def _run_atomic(batch: ImportBatch, paths: list[Path], write: ProgressWrite) -> None:
    kind = batch.kind
    problems = Problems()
    with contextlib.ExitStack() as stack:  # an open COPY ends here, before any other query
        store = RecordStore(batch, stack)
        batch.parts = return_read(
            kind=kind, paths=paths, batch=batch, store=store, problems=problems, progress=write
        )
        store.flush()
    if connection.vendor == "postgresql" and store.stored:
        # The table has just grown, maybe by a million rows the planner knows nothing about:
        # without fresh statistics it can choose plans for the figures that take minutes.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ReturnRecord._meta.db_table}")  # noqa: S608 - a constant
    if store.stored == 0:
        if problems.count:
            raise ImportFileError(
                f"No row could be imported: {problems.count} problems were found, starting with "
                f"{problems.kept[0].table} row {problems.kept[0].row}, "
                f"{problems.kept[0].column}: {problems.kept[0].message}."
            )
        raise ImportFileError("The return holds no rows.")
    if store.touching == 0 and kind != ReturnKind.CIN:  # the census header carries its year
        first, last = (
            dateformat.format(day, "j F Y") for day in (batch.period_start, batch.period_end)
        )
        raise ImportFileError(
            f"None of the rows falls in the period {first} to {last}: check the year you chose."
        )
    previous = _current(batch)
    batch.rows_stored = store.stored
    batch.rows_rejected = len(problems.rows)
    batch.rows_total = batch.rows_done = store.stored + len(problems.rows)
    batch.problems = [p.as_dict() for p in problems.kept]
    batch.finished_at = timezone.now()
    batch.replaces = previous
    counts = import_check.counted(batch)
    batch.check_figures = {**store.check_figures(), **figures.kept_counts(counts)}
    batch.differences = import_check.comparison(batch, counts)
    batch.warnings = import_check.warnings_for(batch, batch.differences)
    batch.status = ImportBatch.Status.AWAITING_CONFIRMATION  # checked before it is used
    batch.save()
    event_record(
        actor=batch.uploaded_by,
        verb=verbs.IMPORT_BATCH_READ,
        target=batch,
        data={
            "kind": kind,
            "stored": store.stored,
            "rejected": batch.rows_rejected,
            "status": batch.status,
            "warnings": len(batch.warnings),
        },
    )


def _fail(batch: ImportBatch, message: str) -> None:
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED,
            error=message,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
        event_record(
            actor=batch.uploaded_by, verb=verbs.IMPORT_BATCH_FAILED, target=batch, data={}
        )


def _without_values(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Once the analyst has decided, the offending cells' values are dropped (they may hold
    identifying text); where the problems were and what was wrong stay recorded."""
    return [{**problem, "value": ""} for problem in problems]


WAITING = (ImportBatch.Status.AWAITING_CONFIRMATION, ImportBatch.Status.AWAITING_APPROVAL)


@transaction.atomic
def import_batch_confirm(
    *, actor: User | None, batch: ImportBatch, warnings_checked: bool = False
) -> ImportBatch:
    """Put a checked import in use (without its problem rows; replacing the import it re-does,
    which stays recorded as superseded). Its warnings must have been looked at
    (`warnings_checked`). With settings.DATASETS_REQUIRE_SECOND_APPROVAL a person's check
    only records the check: a different person then approves, which puts it in use. Without a
    person (the command line, the demo) the import is put in use at once."""
    batch = ImportBatch.objects.select_for_update().select_related("area").get(pk=batch.pk)
    if batch.status not in WAITING:
        raise ValidationError("This import is not waiting for a decision.")
    if batch.warnings and not warnings_checked:
        raise ValidationError(
            {"warnings_checked": "Confirm that you have looked at the warnings."}
        )
    if batch.status == ImportBatch.Status.AWAITING_APPROVAL:
        if actor is None or not permissions.can_approve_import_batch(actor, batch):
            raise ValidationError(
                "A second person must approve this import: you checked it yourself."
            )
    elif settings.DATASETS_REQUIRE_SECOND_APPROVAL and actor is not None:
        batch.status = ImportBatch.Status.AWAITING_APPROVAL
        batch.checked_by = actor
        batch.checked_at = timezone.now()
        batch.save(
            update_fields=[
                "status",
                "checked_by",
                "checked_at",
                "updated_at",
                *bump_version(batch),
            ]
        )
        event_record(actor=actor, verb=verbs.IMPORT_BATCH_CHECKED, target=batch, data={})
        return batch
    previous = _current(batch)
    if previous is not None:
        previous.status = ImportBatch.Status.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    batch.status = ImportBatch.Status.CURRENT
    batch.replaces = previous or batch.replaces
    batch.decided_at = timezone.now()
    batch.decided_by = actor
    batch.problems = _without_values(batch.problems)
    batch.save(
        update_fields=[
            "status",
            "replaces",
            "decided_at",
            "decided_by",
            "problems",
            "updated_at",
            *bump_version(batch),
        ]
    )
    stored_figures_refresh(area=batch.area)
    event_record(
        actor=actor,
        verb=verbs.IMPORT_BATCH_CONFIRMED,
        target=batch,
        data={
            "replaces": previous.pk if previous else None,
            "rejected": batch.rows_rejected,
            "warnings": len(batch.warnings),
            "checked_by": batch.checked_by_id,
        },
    )
    return batch


@transaction.atomic
def import_batch_withdraw(*, actor: User | None, batch: ImportBatch, reason: str) -> ImportBatch:
    """Take an import in use out of use: the import it replaced (if it is still superseded)
    comes back into use, and the area's figures are recomputed."""
    batch = ImportBatch.objects.select_for_update().select_related("area").get(pk=batch.pk)
    if batch.status != ImportBatch.Status.CURRENT:
        raise ValidationError("Only an import in use can be withdrawn.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the import is withdrawn."})
    batch.status = ImportBatch.Status.WITHDRAWN
    batch.withdrawn_at = timezone.now()
    batch.withdrawn_by = actor
    batch.save(
        update_fields=[
            "status",
            "withdrawn_at",
            "withdrawn_by",
            "updated_at",
            *bump_version(batch),
        ]
    )
    earlier = batch.replaces
    restored = None
    if earlier is not None and earlier.status == ImportBatch.Status.SUPERSEDED:
        earlier.status = ImportBatch.Status.CURRENT
        earlier.save(update_fields=["status", "updated_at"])
        restored = earlier.pk
    stored_figures_refresh(area=batch.area)
    event_record(
        actor=actor,
        verb=verbs.IMPORT_BATCH_WITHDRAWN,
        target=batch,
        data={"restored": restored, "reason": reason.strip()},
    )
    return batch


def stored_figures_refresh(*, area: Area) -> int:
    """Compute once and store the area's figures for every year its imports in use cover (and
    each quarter), with what they were computed from; returns how many were stored."""
    spans = list(
        ImportBatch.objects.filter(area=area, status=ImportBatch.Status.CURRENT).values_list(
            "pk", "period_start", "period_end"
        )
    )
    StoredFigure.objects.filter(area=area).delete()
    years: set[int] = set()
    for _pk, start, end in spans:
        year = ReportingYear.containing(start)
        while year.start <= end:
            years.add(year.start_year)
            year = ReportingYear(year.start_year + 1)
    imports = sorted(pk for pk, _start, _end in spans)
    populations = dict(
        Population.objects.filter(area=area, year_start__in=years).values_list(
            "year_start", "version"
        )
    )
    now = timezone.now()
    rows: list[StoredFigure] = []
    for year_start in sorted(years):
        year = ReportingYear(year_start)
        common = {
            "area": area,
            "year_start": year_start,
            "imports": imports,
            "population_version": populations.get(year_start),
            "rules_version": figures.RULES_VERSION,
            "computed_at": now,
        }
        values = figures.area_figures(area, year)
        for key, value in values.items():
            rows.append(
                StoredFigure(
                    **common,
                    quarter=0,
                    key=key,
                    value=value.value,
                    source=value.source,
                    batch_id=value.batch_id,
                    partial=value.partial,
                )
            )
        for key, counts in figures.area_quarter_figures(area, year).items():
            for quarter, count in enumerate(counts, start=1):
                rows.append(
                    StoredFigure(
                        **common,
                        quarter=quarter,
                        key=key,
                        value=count,
                        source=values[key].source,
                        batch_id=values[key].batch_id,
                    )
                )
    StoredFigure.objects.bulk_create(rows)
    return len(rows)


def stored_figures_refresh_stale() -> int:
    """Recompute the areas whose stored figures were made by older counting rules (run after
    every migration, so a deploy that changes a rule and raises RULES_VERSION recomputes)."""
    stale = (
        StoredFigure.objects.exclude(rules_version=figures.RULES_VERSION)
        .order_by()
        .values_list("area", flat=True)
        .distinct()
    )
    areas = list(Area.objects.filter(pk__in=list(stale)))
    if not areas:
        return 0
    count = 0
    with transaction.atomic():
        for area in areas:
            count += stored_figures_refresh(area=area)
        event_record(
            actor=None,
            verb=verbs.STORED_FIGURES_RECOMPUTED,
            target=None,
            data={"rules_version": figures.RULES_VERSION, "figures": count},
        )
    return count


def stored_figures_recompute(*, actor: User | None = None) -> int:
    """Recompute every area's stored figures (after a counting rule changes), logged."""
    count = 0
    with transaction.atomic():
        for area in Area.objects.all():
            count += stored_figures_refresh(area=area)
        event_record(
            actor=actor,
            verb=verbs.STORED_FIGURES_RECOMPUTED,
            target=None,
            data={"rules_version": figures.RULES_VERSION, "figures": count},
        )
    return count


@transaction.atomic
def import_batch_cancel(*, actor: User | None, batch: ImportBatch) -> ImportBatch:
    """Turn down an import waiting for a decision: its records are deleted (fix the file and
    import it again)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status not in WAITING:
        raise ValidationError("This import is not waiting for a decision.")
    ReturnRecord.objects.filter(batch=batch).delete()
    batch.status = ImportBatch.Status.CANCELLED
    batch.problems = _without_values(batch.problems)
    batch.decided_at = timezone.now()
    batch.decided_by = actor
    batch.rows_stored = 0
    bump_version(batch)
    batch.save()
    event_record(actor=actor, verb=verbs.IMPORT_BATCH_CANCELLED, target=batch, data={})
    return batch


def _check_population(children: int, source: str) -> None:
    errors = {}
    if children <= 0:
        errors["children"] = "Enter the number of children aged 0 to 17."
    if not source.strip():
        errors["source"] = "Say where the figure comes from."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def population_create(
    *, actor: User | None, area: Area, year: ReportingYear, children: int, source: str
) -> Population:
    _check_population(children, source)
    if Population.objects.filter(area=area, year_start=year.start_year).exists():
        raise ValidationError(
            f"A population for {area.name} in {year.label} is already entered: use its "
            "Change link to correct it."
        )
    population = tracked_create(
        actor=actor,
        model=Population,
        data={
            "area": area,
            "year_start": year.start_year,
            "children": children,
            "source": source.strip(),
        },
        verb=verbs.POPULATION_CREATED,
    )
    stored_figures_refresh(area=area)
    return population


@transaction.atomic
def population_update(
    *,
    actor: User | None,
    population: Population,
    children: int,
    source: str,
    expected_version: int | None,
) -> Population:
    """Correct a population; a second editor's stale form raises EditConflictError."""
    _check_population(children, source)
    tracked_update(
        actor=actor,
        obj=population,
        data={"children": children, "source": source.strip()},
        verb=verbs.POPULATION_CHANGED,
        expected_version=expected_version,
    )
    stored_figures_refresh(area=population.area)
    return population


def population_set(
    *, actor: User | None, area: Area, year: ReportingYear, children: int, source: str
) -> Population:
    """Create or (for scripts and the demo, which hold no form) correct a population."""
    existing = Population.objects.filter(area=area, year_start=year.start_year).first()
    if existing is None:
        return population_create(
            actor=actor, area=area, year=year, children=children, source=source
        )
    return population_update(
        actor=actor, population=existing, children=children, source=source, expected_version=None
    )


# --- comparators (England, region, statistical neighbours) ---------------------------------


def _comparator_found(
    *, area: Area | None, geography: str, figure: str, year: ReportingYear
) -> Comparator | None:
    return Comparator.objects.filter(
        area=area, geography=geography, figure=figure, year_start=year.start_year
    ).first()


@transaction.atomic
def comparator_set(
    *,
    actor: User | None,
    area: Area | None,
    geography: str,
    figure: str,
    year: ReportingYear,
    value: Decimal,
    source: str,
) -> Comparator:
    """Enter (or correct) one comparator. England's has no area; the others need one."""
    errors = {}
    if figure not in comparators.figure_keys():
        errors["figure"] = "Choose a figure."
    if (geography == Comparator.Geography.ENGLAND) != (area is None):
        errors["area"] = "England's figure has no area; a region's or neighbours' needs one."
    if value < 0:
        errors["value"] = "Enter a figure of 0 or more."
    if not source.strip():
        errors["source"] = "Say where the figure was published."
    if errors:
        raise ValidationError(errors)
    data = {"value": value.quantize(Decimal("0.1")), "source": source.strip()[:255]}
    existing = _comparator_found(area=area, geography=geography, figure=figure, year=year)
    if existing is not None:
        tracked_update(
            actor=actor, obj=existing, data=data, verb=verbs.COMPARATOR_SET, expected_version=None
        )
        return existing
    return tracked_create(
        actor=actor,
        model=Comparator,
        data={
            "area": area,
            "geography": geography,
            "figure": figure,
            "year_start": year.start_year,
            **data,
        },
        verb=verbs.COMPARATOR_SET,
    )


@transaction.atomic
def comparators_import(*, actor: User | None, text: str, areas: Sequence[Area]) -> int:
    """Store every row of a comparators CSV, or none: a ValidationError lists every problem
    with its row and column. `areas` are the areas whose LA numbers rows may name."""
    by_number = {area.la_number: area for area in areas}
    rows, problems = comparators.read_comparator_csv(text, la_numbers=set(by_number))
    if problems:
        raise ValidationError([str(problem) for problem in problems[:50]])
    if not rows:
        raise ValidationError("The file has no rows under its header.")
    for row in rows:
        area = by_number[row.la_number] if row.la_number else None
        Comparator.objects.update_or_create(
            area=area,
            geography=row.geography,
            figure=row.figure,
            year_start=row.year.start_year,
            defaults={"value": row.value, "source": row.source[:255]},
        )
    event_record(
        actor=actor, verb=verbs.COMPARATORS_IMPORTED, target=None, data={"rows": len(rows)}
    )
    return len(rows)
