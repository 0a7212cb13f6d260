"""Every write of the datasets app: imports (run, confirm, cancel) and populations.

An import is atomic: the records are stored in one transaction with the import's outcome, or
nothing is stored. Records only count once their import is current; a re-import of the same area,
return and period waits for confirmation (with the differences shown) and the earlier import
stays recorded as superseded.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.concurrency import bump_version
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import comparators, figures, tasks, verbs
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
    try:
        batch = import_batch_create(
            actor=actor,
            area=area,
            period_start=period_start,
            period_end=period_end,
            filename=filename or ", ".join(str(item.name) for item in files),
        )
    except Exception:
        files_delete(paths)
        raise
    if run_now:
        return import_batch_run(batch_id=batch.pk, paths=paths)
    transaction.on_commit(
        lambda: tasks.import_batch_run_task.enqueue(
            batch_id=batch.pk, paths=[str(path) for path in paths]
        )
    )
    return batch


def _differences(batch: ImportBatch, previous: ImportBatch) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    year = ReportingYear.containing(batch.period_start)
    while year.start <= batch.period_end:
        before = figures.batch_figures(previous, year)
        after = figures.batch_figures(batch, year)
        for key, new in after.items():
            old = before.get(key)
            rows.append(
                {
                    "year": year.label,
                    "figure": figures.FIGURE_BY_KEY[key].label,
                    "before": old,
                    "after": new,
                    "changed": old != new,
                }
            )
        year = ReportingYear(year.start_year + 1)
    return rows


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


def import_batch_run(*, batch_id: int, paths: list[Path]) -> ImportBatch:
    """Read, validate and store one import; the uploaded files are deleted whatever happens."""
    batch = ImportBatch.objects.select_related("area").get(pk=batch_id)
    try:
        if batch.status != ImportBatch.Status.QUEUED:
            return batch
        batch.status = ImportBatch.Status.RUNNING
        batch.started_at = timezone.now()
        batch.save(update_fields=["status", "started_at", "updated_at"])
        write, close = progress_writer(batch.pk)
        try:
            with older_objects_left_alone():
                _run_atomic(batch, paths, write)
        except ImportFileError as exc:
            _fail(batch, str(exc))
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
    kind = detect.detect(paths)
    batch.kind = kind
    problems = Problems()
    with contextlib.ExitStack() as stack:  # an open COPY ends here, before any other query
        store = RecordStore(batch, stack)
        return_read(
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
        raise ImportFileError(
            f"None of the rows falls in the period {batch.period_start:%d/%m/%Y} to "
            f"{batch.period_end:%d/%m/%Y}: check the year you chose."
        )
    previous = _current(batch)
    batch.rows_stored = store.stored
    batch.rows_rejected = len(problems.rows)
    batch.rows_total = batch.rows_done = store.stored + len(problems.rows)
    batch.problems = [p.as_dict() for p in problems.kept]
    batch.finished_at = timezone.now()
    batch.replaces = previous
    if previous is not None:
        batch.differences = _differences(batch, previous)
    if previous is None and not problems.count:
        batch.status = ImportBatch.Status.CURRENT
    else:
        batch.status = ImportBatch.Status.AWAITING_CONFIRMATION
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


@transaction.atomic
def import_batch_confirm(*, actor: User | None, batch: ImportBatch) -> ImportBatch:
    """Accept an import waiting for a decision (without its problem rows; replacing the
    import it re-does, which stays recorded as superseded)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.AWAITING_CONFIRMATION:
        raise ValidationError("This import is not waiting for a decision.")
    previous = _current(batch)
    if previous is not None:
        previous.status = ImportBatch.Status.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    batch.status = ImportBatch.Status.CURRENT
    batch.decided_at = timezone.now()
    batch.decided_by = actor
    batch.problems = _without_values(batch.problems)
    batch.save(
        update_fields=[
            "status",
            "decided_at",
            "decided_by",
            "problems",
            "updated_at",
            *bump_version(batch),
        ]
    )
    event_record(
        actor=actor,
        verb=verbs.IMPORT_BATCH_CONFIRMED,
        target=batch,
        data={"replaces": previous.pk if previous else None, "rejected": batch.rows_rejected},
    )
    return batch


@transaction.atomic
def import_batch_cancel(*, actor: User | None, batch: ImportBatch) -> ImportBatch:
    """Turn down an import waiting for a decision: its records are deleted (fix the file and
    import it again)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.AWAITING_CONFIRMATION:
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
    return tracked_create(
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
