"""Every write of the datasets app: imports (run, confirm, cancel) and populations.

An import is atomic: the records are stored in one transaction with the import's outcome, or
nothing is stored. Records only count once their import is current; a re-import of the same area,
return and period waits for confirmation (with the differences shown) and the earlier import
stays recorded as superseded.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.utils import timezone

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.fields import keyed_hasher
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures
from safeguarding.datasets.models import (
    ImportBatch,
    Population,
    RecordKind,
    ReturnKind,
    ReturnRecord,
)
from safeguarding.datasets.parsers import annex_a, cin, detect, ssda903
from safeguarding.datasets.parsers.common import (
    ImportFileError,
    ParsedRecord,
    Problems,
    RecordColumns,
    Remembered,
)
from safeguarding.partnership.models import Area

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

logger = logging.getLogger(__name__)
INSERT_BATCH = 10_000
UPLOAD_FOLDER_PREFIX = "datasets-upload-"
_POINT_EVENTS = {RecordKind.CONTACT, RecordKind.REFERRAL, RecordKind.SECTION_47}


def parse_period(text: str) -> tuple[date, date]:
    """'2020-21' (a reporting year) or '2020-04-01..2020-09-30' (any period)."""
    text = text.strip()
    if ".." in text:
        first, _sep, last = text.partition("..")
        try:
            start, end = date.fromisoformat(first.strip()), date.fromisoformat(last.strip())
        except ValueError as exc:
            raise ValueError("Write a period as 2020-21 or 2020-04-01..2020-09-30.") from exc
        if end < start:
            raise ValueError("The period ends before it starts.")
        return start, end
    year = ReportingYear.parse(text)
    return year.start, year.end


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
            verb="datasets.import_started",
            target=batch,
            data={"area": area.pk, "period": f"{period_start}..{period_end}"},
        )
    return batch


_COLUMNS = (
    "batch_id", "kind", "child_hash", "birth_month", "start", "end", "event", "flag",
    "legal_status", "reason_new", "reason_ended",
)  # fmt: skip
Row = tuple[Any, ...]
_NULL = "\\N"
_COPY_FLAGS = {None: _NULL, True: "t", False: "f"}


def _copy_date(value: date | None) -> str:
    return _NULL if value is None else value.isoformat()


class _Store:
    """Turns parsed rows into minimised records and inserts them as they come. On PostgreSQL
    one COPY streams every row inside the import's transaction, its data sent by psycopg's
    writer thread while reading goes on (the COPY is closed by `stack` before any other query;
    an error while reading aborts it). Elsewhere rows are bulk-created in batches."""

    def __init__(self, batch: ImportBatch, stack: contextlib.ExitStack[Any]) -> None:
        self.batch = batch
        self.stack = stack
        self.copier: Any = None
        self.child_key = keyed_hasher(purpose=f"child_id:{batch.area.la_number}")
        self.hashes = Remembered(self.child_key)
        self.dates = Remembered(_copy_date)
        self.buffer: list[Row] = []
        self.lines: list[str] = []  # COPY text not yet sent: lines, or a block's lines
        self.pending = 0  # the records in self.lines
        self.copy = connection.vendor == "postgresql"
        self.batch_id = batch.pk
        self.stored = 0
        self.touching = 0  # 1 once a row falls in the period

    def __call__(self, parsed: ParsedRecord) -> None:
        child_hash = self.hashes[parsed.child_id]
        if not self.touching and self._touches(
            parsed.kind, parsed.start, parsed.end, parsed.event
        ):
            self.touching = 1  # only "any row in the period?" is asked: one is enough
        if self.copy:
            lines = self.lines
            lines.append(self._copy_line(child_hash, parsed))
            self.pending += 1
            if self.pending >= INSERT_BATCH:
                self.flush()
            return
        self.buffer.append(
            (
                self.batch.pk,
                parsed.kind,
                child_hash,
                parsed.birth_month,
                parsed.start,
                parsed.end,
                parsed.event,
                parsed.flag,
                parsed.legal_status,
                parsed.reason_new,
                parsed.reason_ended,
            )
        )
        if len(self.buffer) >= INSERT_BATCH:
            self.flush()

    def columns(self, block: RecordColumns) -> None:
        """A checked block of records of one kind, its children already keyed (codes are
        validated: nothing in them needs escaping for COPY)."""
        keys = block.child_keys
        size = len(keys)
        if not self.touching and any(
            self._touches(block.kind, start, end, event)
            for start, end, event in zip(block.starts, block.ends, block.events, strict=True)
        ):
            self.touching = 1
        if not self.copy:
            self.buffer.extend(
                zip(
                    itertools.repeat(self.batch.pk, size),
                    itertools.repeat(block.kind, size),
                    keys,
                    block.birth_months,
                    block.starts,
                    block.ends,
                    block.events,
                    block.flags,
                    block.legal_statuses,
                    itertools.repeat("", size),
                    itertools.repeat("", size),
                    strict=True,
                )
            )
            if len(self.buffer) >= INSERT_BATCH:
                self.flush()
            return
        dates, flags = self.dates.__getitem__, _COPY_FLAGS.__getitem__
        fields: list[tuple[list[Any], Callable[[Any], str] | None]] = [
            ([self.batch_id], str),
            ([block.kind], str),
            (keys, None),
            (block.birth_months, dates),
            (block.starts, dates),
            (block.ends, dates),
            (block.events, dates),
            (block.flags, flags),
            (block.legal_statuses, None),
            ([""], None),  # reason_new (SSDA903 only)
            (["\n"], None),  # reason_ended (SSDA903 only, so empty), then the end of the line
        ]
        # A field with one value all down the block is written once: runs of them are joined
        # into one piece, so "\t".join puts each line together from as few pieces as it can.
        pieces: list[Any] = []
        same: list[str] = []
        for values, text in fields:
            if len(values) == 1 or values.count(values[0]) == size:
                same.append(text(values[0]) if text else values[0])
                continue
            if same:
                pieces.append(itertools.repeat("\t".join(same), size))
                same = []
            pieces.append(map(text, values) if text else values)
        pieces.append(itertools.repeat("\t".join(same), size))
        self.lines.append("".join(map("\t".join, zip(*pieces, strict=True))))
        self.pending += size
        if self.pending >= INSERT_BATCH:
            self.flush()

    def _open_copy(self) -> Any:
        from psycopg.copy import QueuedLibpqWriter

        table = ReturnRecord._meta.db_table
        columns = ", ".join(f'"{c}"' for c in _COLUMNS)
        cursor = self.stack.enter_context(connection.cursor())
        raw: Any = cursor.cursor  # psycopg's own cursor, for COPY
        sql = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608 - names are constants
        return self.stack.enter_context(raw.copy(sql, writer=QueuedLibpqWriter(raw)))

    def copier_write(self, text: str) -> None:
        if self.copier is None:
            self.copier = self._open_copy()
        self.copier.write(text)

    def _touches(
        self, kind: str, start: date | None, end: date | None, event: date | None
    ) -> bool:
        """Whether a row belongs to the period (a point event in it, or a span over it)."""
        first, last = self.batch.period_start, self.batch.period_end
        if event is not None and first <= event <= last:
            return True
        if start is None:
            return False
        if kind in _POINT_EVENTS:
            return first <= start <= last
        return start <= last and (end is None or end >= first)

    def _copy_line(self, child_hash: str, p: ParsedRecord) -> str:
        """One row in COPY's text format. Codes are validated (no tabs or new lines: cell
        text has its white space collapsed); backslashes are escaped."""
        codes = f"{p.legal_status}\t{p.reason_new}\t{p.reason_ended}"
        if "\\" in codes or "\n" in codes or "\r" in codes or codes.count("\t") != 2:
            # rare: escape each code (checking the three together first saves two calls)
            codes = (
                f"{_escape(p.legal_status)}\t{_escape(p.reason_new)}\t{_escape(p.reason_ended)}"
            )
        dates = self.dates
        return (
            f"{self.batch_id}\t{p.kind}\t{child_hash}\t{dates[p.birth_month]}\t"
            f"{dates[p.start]}\t{dates[p.end]}\t{dates[p.event]}\t{_COPY_FLAGS[p.flag]}\t"
            f"{codes}\n"
        )

    def flush(self) -> None:
        if self.lines:
            self.copier_write("".join(self.lines))
            self.stored += self.pending
            self.lines = []
            self.pending = 0
        if self.buffer:
            ReturnRecord.objects.bulk_create(
                [ReturnRecord(**dict(zip(_COLUMNS, row, strict=True))) for row in self.buffer],
                batch_size=INSERT_BATCH,
            )
            self.stored += len(self.buffer)
            self.buffer = []


def _escape(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text


def _progress_writer(batch_id: int) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """Progress is written on a second connection (PostgreSQL), so the page sees it while the
    import's own transaction is still open. Elsewhere it is written when the import ends."""
    if connection.vendor != "postgresql":
        return (lambda done, total: None), (lambda: None)
    side = connections.create_connection("default")

    def write(done: int, total: int) -> None:
        with side.cursor() as cursor:
            cursor.execute(
                "UPDATE datasets_importbatch SET rows_done = %s, rows_total = %s WHERE id = %s",
                [done, max(total, done), batch_id],
            )

    return write, side.close


def _read(kind: str, paths: list[Path], batch: ImportBatch, store: _Store, problems: Problems,
          progress: Callable[[int, int], None]) -> None:  # fmt: skip
    if kind == ReturnKind.ANNEX_A:
        annex_a.read(paths[0], sink=store, problems=problems, progress=progress)
    elif kind == ReturnKind.CIN:
        cin.read(
            paths[0],
            sink=store,
            problems=problems,
            la_number=batch.area.la_number,
            period_end=batch.period_end,
            progress=progress,
        )
    elif detect.is_ssda903_xml(paths[0]):
        ssda903.read_xml(paths[0], sink=store, problems=problems, progress=progress)
    else:
        ssda903.read_csv(paths, sink=store, problems=problems, progress=progress)


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


@contextlib.contextmanager
def _older_objects_left_alone() -> Iterator[None]:
    """While an import reads, the garbage collector leaves alone the objects that were already
    there (gc.freeze): a large import holds many rows for a moment, which would otherwise make
    it go through the whole process's memory again and again (seconds in a 1,000,000-row
    import). Nothing is lost: the objects are handed back to it afterwards."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def import_batch_run(*, batch_id: int, paths: list[Path]) -> ImportBatch:
    """Read, validate and store one import; the uploaded files are deleted whatever happens."""
    batch = ImportBatch.objects.select_related("area").get(pk=batch_id)
    try:
        if batch.status != ImportBatch.Status.QUEUED:
            return batch
        batch.status = ImportBatch.Status.RUNNING
        batch.started_at = timezone.now()
        batch.save(update_fields=["status", "started_at", "updated_at"])
        write, close = _progress_writer(batch.pk)
        try:
            with _older_objects_left_alone():
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
        for path in paths:
            with contextlib.suppress(OSError):
                path.unlink()
            if path.parent.name.startswith(UPLOAD_FOLDER_PREFIX):
                with contextlib.suppress(OSError):
                    path.parent.rmdir()  # the upload's own folder, once empty
    batch.refresh_from_db()
    return batch


@transaction.atomic
def _run_atomic(batch: ImportBatch, paths: list[Path], write: Callable[[int, int], None]) -> None:
    kind = detect.detect(paths)
    batch.kind = kind
    problems = Problems()
    with contextlib.ExitStack() as stack:  # an open COPY ends here, before any other query
        store = _Store(batch, stack)
        _read(kind, paths, batch, store, problems, write)
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
        verb="datasets.import_read",
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
        event_record(actor=batch.uploaded_by, verb="datasets.import_failed", target=batch, data={})


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
    batch.version += 1
    batch.save(
        update_fields=["status", "decided_at", "decided_by", "problems", "version", "updated_at"]
    )
    event_record(
        actor=actor,
        verb="datasets.import_confirmed",
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
    batch.version += 1
    batch.save()
    event_record(actor=actor, verb="datasets.import_cancelled", target=batch, data={})
    return batch


def import_return(
    *,
    actor: User | None,
    area: Area,
    period_start: date,
    period_end: date,
    paths: list[Path],
    filename: str = "",
    keep_files: bool = True,
) -> ImportBatch:
    """Import now, in this process (the command line and the demo). With keep_files the given
    files are copied to a temporary folder first, so the caller's files are not deleted."""
    import shutil
    import tempfile

    batch = import_batch_create(
        actor=actor,
        area=area,
        period_start=period_start,
        period_end=period_end,
        filename=filename or ", ".join(p.name for p in paths),
    )
    if keep_files:
        folder = Path(tempfile.mkdtemp(prefix="datasets-"))
        copies = []
        for path in paths:
            copy = folder / path.name
            shutil.copyfile(path, copy)
            copies.append(copy)
        try:
            return import_batch_run(batch_id=batch.pk, paths=copies)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return import_batch_run(batch_id=batch.pk, paths=paths)


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
        verb="datasets.population_created",
    )
    assert isinstance(population, Population)
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
        verb="datasets.population_changed",
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
