"""Where an import's records go: one COPY on PostgreSQL, batched inserts elsewhere.

`RecordStore` turns parsed rows into minimised records (the child's identifier keyed, dates
kept only as the figures need them) and writes them as they come, so a large return never sits
whole in memory. It counts what it stores (records of each kind, records by the year of their
start) for the import's check, so the check does not read the records again (ADR 0013).
"""

from __future__ import annotations

import contextlib
import itertools
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import connection

from safeguarding.core.fields import keyed_hasher
from safeguarding.core.years import ReportingYear
from safeguarding.datasets.models import ImportBatch, RecordKind, ReturnRecord
from safeguarding.datasets.parsers.common import ParsedRecord, RecordColumns, Remembered

INSERT_BATCH = 10_000
_POINT_EVENTS = {RecordKind.CONTACT, RecordKind.REFERRAL, RecordKind.SECTION_47}
_COLUMNS = (
    "batch_id", "kind", "child_hash", "birth_month", "start", "end", "event", "flag",
    "legal_status", "reason_new", "reason_ended",
)  # fmt: skip
Row = tuple[Any, ...]
_NULL = "\\N"
_COPY_FLAGS = {None: _NULL, True: "t", False: "f"}


def _copy_date(value: date | None) -> str:
    return _NULL if value is None else value.isoformat()


class RecordStore:
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
        self.kinds: Counter[str] = Counter()  # records given to the store, by kind
        self.starts: Counter[date | None] = Counter()  # ... and by start date

    def check_figures(self) -> dict[str, dict[str, int]]:
        """What the import's check counts, counted while storing (`ImportBatch.check_figures`):
        the records of each kind, and the records by the reporting year their start falls in
        (keyed by the year's first calendar year; records without a start are not counted)."""
        years: Counter[str] = Counter()
        for day, count in self.starts.items():
            if day is not None:
                years[str(ReportingYear.containing(day).start_year)] += count
        return {
            "kinds": dict(sorted(self.kinds.items())),
            "rows_by_year": dict(sorted(years.items())),
        }

    def __call__(self, parsed: ParsedRecord) -> None:
        child_hash = self.hashes[parsed.child_id]
        self.kinds[parsed.kind] += 1
        self.starts[parsed.start] += 1
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
        """A checked block of records of one kind, its children already keyed (legal statuses
        are validated codes; a reason code is escaped for COPY if it needs it)."""
        keys = block.child_keys
        size = len(keys)
        self.kinds[block.kind] += size
        self.starts.update(block.starts)
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
                    block.reasons_new or itertools.repeat("", size),
                    block.reasons_ended or itertools.repeat("", size),
                    strict=False,  # the repeats are endless; every list has `size` values
                )
            )
            if len(self.buffer) >= INSERT_BATCH:
                self.flush()
            return
        dates, flags = self.dates.__getitem__, _COPY_FLAGS.__getitem__
        fields: list[tuple[list[Any] | None, Callable[[Any], str] | None]] = [
            ([self.batch_id], str),
            ([block.kind], str),
            (keys, None),
            (block.birth_months, dates),
            (block.starts, dates),
            (block.ends, dates),
            (block.events, dates),
            (block.flags, flags),
            (block.legal_statuses, None),
            (_copy_codes(block.reasons_new), None),
            (_copy_codes(block.reasons_ended), None),
        ]
        # A field with one value all down the block is written once: runs of them are joined
        # into one piece, so "\t".join puts each line together from as few pieces as it can.
        pieces: list[Any] = []
        same: list[str] = []
        for values, text in fields:
            if values is None:  # a field with nothing in it all down the block
                same.append("")
                continue
            if len(values) == 1 or values.count(values[0]) == size:
                same.append(text(values[0]) if text else values[0])
                continue
            if same:
                pieces.append(itertools.repeat("\t".join(same), size))
                same = []
            pieces.append(map(text, values) if text else values)
        if same:
            pieces.append(itertools.repeat("\t".join(same), size))
        self.lines.append("\n".join(map("\t".join, zip(*pieces, strict=True))) + "\n")
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


def _copy_codes(values: list[str] | None) -> list[str] | None:
    """A block's reason codes as COPY text: escaped only if a distinct value needs it."""
    if values is None or not any(map(_needs_escape, set(values))):
        return values
    return list(map(_escape, values))


def _needs_escape(text: str) -> bool:
    return "\\" in text or "\t" in text or "\n" in text or "\r" in text


def _escape(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text
