"""Ofsted Annex A workbooks (.xlsx): lists 1-8 are read; lists 9-11 are read by
`annex_a_later` when a `later` sink is given (else accepted and ignored).

Copes with the variants real workbooks show: sheet names `List 1`, `List_1`, `List 1 - Contacts`;
a title row above the header; header case, spacing, apostrophes, trailing `?` and typos; coded
values with or without their `a) ` prefix; Excel dates, serial numbers and dd/mm/yyyy text;
`#N/A`, blanks and non-breaking spaces; extra columns. A header row that does not fit the rows
under it (a newer template's headers over old columns) is a file error, never guessed through.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import operator
import re
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineSheet, CalamineWorkbook

from safeguarding.datasets.models import RecordKind
from safeguarding.datasets.parsers import annex_a_later
from safeguarding.datasets.parsers.common import (
    MISSING,
    BadValueError,
    ColumnSink,
    ImportFileError,
    ParsedRecord,
    Problems,
    RecordColumns,
    Remembered,
    RowProblem,
    Sink,
    birth_month,
    child_id_text,
    clean_text,
    is_missing,
    normalise_header,
    parse_bool,
    parse_date,
    parse_legal_status,
)

_SHEET = re.compile(r"^\s*list\s*[_\- ]?\s*(\d{1,2})(?!\d)", re.IGNORECASE)
HEADER_SEARCH_ROWS = 5
FIT_SAMPLE_ROWS = 50
# Rows are read, checked and handed over in blocks: small enough that a block's rows are freed
# before the garbage collector moves them to its oldest generation.
BLOCK_ROWS = 1_000
PROGRESS_ROWS = 20_000


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    aliases: tuple[str, ...]
    kind: str = "date"  # date | bool | legal | id
    required: bool = True


@dataclass(frozen=True)
class ListSpec:
    number: int
    title: str
    record_kind: str | None
    columns: tuple[Column, ...]
    row_date: str | None = None  # the column a row must have to be counted


def _n(*labels: str) -> tuple[str, ...]:
    return tuple(normalise_header(label) for label in labels)


ID = Column("child", "Child Unique ID", _n("Child Unique ID", "Child ID", "Unique ID"), "id")
DOB = Column("dob", "Date of Birth", _n("Date of Birth", "DOB"), "date", required=False)

LISTS: dict[int, ListSpec] = {
    1: ListSpec(
        1,
        "Contacts",
        RecordKind.CONTACT,
        (ID, DOB, Column("start", "Date of Contact", _n("Date of Contact", "Contact Date"))),
        "start",
    ),
    2: ListSpec(
        2,
        "Early Help",
        RecordKind.EARLY_HELP,
        (
            ID,
            DOB,
            Column("start", "Assessment start date", _n("Assessment start date")),
            Column(
                "end",
                "Assessment completion date",
                _n("Assessment completion date"),
                required=False,
            ),
        ),
        "start",
    ),
    3: ListSpec(
        3,
        "Referral",
        RecordKind.REFERRAL,
        (
            ID,
            DOB,
            Column("start", "Date of referral", _n("Date of referral", "Referral date")),
            Column("flag", "Referral NFA?", _n("Referral NFA", "NFA", "Referral NFA YN"), "bool"),
        ),
        "start",
    ),
    4: ListSpec(
        4,
        "Assessments",
        RecordKind.ASSESSMENT,
        (
            ID,
            DOB,
            Column(
                "start",
                "Continuous Assessment Start Date",
                _n("Continuous Assessment Start Date", "Assessment start date"),
            ),
            Column(
                "end",
                "Continuous Assessment Date of Authorisation",
                _n(
                    "Continuous Assessment Date of Authorisation",
                    "Assessment Date of Authorisation",
                    "Date of Authorisation",
                    "Assessment authorisation date",
                ),
            ),
        ),
        "start",
    ),
    5: ListSpec(
        5,
        "Section 47 enquiries and ICPCs",
        RecordKind.SECTION_47,
        (
            ID,
            DOB,
            Column(
                "start",
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                _n(
                    "Strategy discussion initiating Section 47 Enquiry Start Date",
                    "Section 47 Enquiry Start Date",
                    "Strategy discussion date",
                ),
            ),
            Column(
                "event",
                "Date of Initial Child Protection Conference",
                _n("Date of Initial Child Protection Conference", "ICPC date"),
            ),
            Column(
                "flag",
                "Was an Initial Child Protection Conference deemed unnecessary?",
                _n("Was an Initial Child Protection Conference deemed unnecessary"),
                "bool",
                required=False,
            ),
        ),
        "start",
    ),
    6: ListSpec(6, "Children in Need", None, (ID,)),
    7: ListSpec(
        7,
        "Child protection",
        RecordKind.CP_PLAN,
        (
            ID,
            DOB,
            Column(
                "start",
                "Child Protection Plan Start Date",
                _n("Child Protection Plan Start Date", "CP Plan Start Date"),
            ),
            Column(
                "end",
                "Child Protection Plan End Date",
                _n("Child Protection Plan End Date", "CP Plan End Date"),
            ),
        ),
        "start",
    ),
    8: ListSpec(
        8,
        "Children in care",
        RecordKind.CARE_EPISODE,
        (
            ID,
            DOB,
            Column(
                "start",
                "Date Started to be Looked After",
                _n("Date Started to be Looked After", "Date started looked after"),
            ),
            Column(
                "end",
                "Date Ceased to be Looked After",
                _n("Date Ceased to be Looked After", "Date ceased looked after"),
            ),
            Column(
                "legal_status",
                "Child's Legal Status",
                _n("Child's Legal Status", "Legal Status"),
                "legal",
            ),
        ),
        "start",
    ),
}
USED_LISTS = tuple(range(1, 9))


def _open(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for unreadable files
        raise ImportFileError(
            "The file cannot be read as an Excel workbook. Save it as .xlsx and try again."
        ) from exc


def sheet_map(names: list[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for name in names:
        match = _SHEET.match(name)
        if not match:
            continue
        number = int(match.group(1))
        if number in found:
            raise ImportFileError(
                f"The workbook has two sheets for List {number} ('{found[number]}' and "
                f"'{name}'). Remove one and import again."
            )
        found[number] = name
    return found


def looks_like_annex_a(path: Path) -> bool:
    try:
        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception:  # noqa: BLE001 - anything unreadable is simply not Annex A
        return False
    return any(_SHEET.match(n) for n in names)


def _header_index(rows: list[list[Any]], spec: ListSpec) -> int:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(normalise_header(cell) in ID.aliases for cell in row):
            return index
    raise ImportFileError(
        f"List {spec.number} ({spec.title}): no header row with 'Child Unique ID' in its "
        f"first {HEADER_SEARCH_ROWS} rows."
    )


def _columns(header: list[Any], spec: ListSpec) -> dict[str, int]:
    normalised = [normalise_header(cell) for cell in header]
    positions: dict[str, int] = {}
    for column in spec.columns:
        for index, name in enumerate(normalised):
            if name in column.aliases:
                positions[column.key] = index
                break
        else:
            if column.required:
                raise ImportFileError(
                    f"List {spec.number} ({spec.title}): the column '{column.label}' is missing."
                )
    return positions


def _check_fit(sample: list[list[Any]], spec: ListSpec, positions: dict[str, int]) -> None:
    """Dates under a date header: if most values are not dates, the header does not fit."""
    for column in spec.columns:
        if column.kind != "date" or column.key not in positions:
            continue
        index = positions[column.key]
        values = [row[index] for row in sample if index < len(row) and not is_missing(row[index])]
        bad = []
        for value in values:
            try:
                parse_date(value)
            except BadValueError:
                bad.append(value)
        if len(values) >= 2 and len(bad) * 2 > len(values):
            raise ImportFileError(
                f"List {spec.number} ({spec.title}): the column '{column.label}' holds values "
                f"that are not dates (such as '{clean_text(bad[0])}'). The headers do not fit "
                "the rows under them: check the file was made with the template its headers "
                "come from."
            )


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "date": parse_date,
    "bool": parse_bool,
    "legal": parse_legal_status,
}


# Where each column's value goes among ParsedRecord's positional fields (kind, child_id,
# birth_month, start, end, event, flag, legal_status): a row is built as one list, no dict.
_SLOTS = {"dob": 2, "start": 3, "end": 4, "event": 5, "flag": 6, "legal_status": 7}
_DOB_SLOT = _SLOTS["dob"]


@dataclass(frozen=True)
class _Plan:
    """How to read one list's rows, worked out once from its header."""

    spec: ListSpec
    positions: dict[str, int]
    table: str
    child_at: int
    # (slot in the record, column position or -1, parser, label) for every non-id column
    cells: tuple[tuple[int, int, Callable[[Any], Any], str], ...]
    template: tuple[Any, ...]  # the record's fields before the row's values are put in
    row_date_slot: int  # -1: no column a row must have
    row_date_label: str


def _plan(spec: ListSpec, positions: dict[str, int]) -> _Plan:
    cells = tuple(
        (_SLOTS[c.key], positions.get(c.key, -1), _PARSERS[c.kind], c.label)
        for c in spec.columns
        if c.kind != "id"
    )
    label = next((c.label for c in spec.columns if c.key == spec.row_date), "")
    template = (spec.record_kind, "", None, None, None, None, None, "")
    slot = _SLOTS[spec.row_date] if spec.row_date else -1
    return _Plan(
        spec, positions, f"List {spec.number}", positions["child"], cells, template, slot, label
    )


def _child(value: Any) -> str:
    if isinstance(value, str) and value and "\xa0" not in value and value == value.strip():
        return "" if value.upper() in MISSING else value
    return child_id_text(value)


# Dates of birth repeat heavily: each month-and-year is worked out once (bounded cache).
_birth_month = functools.lru_cache(maxsize=65_536)(birth_month)


def _record(
    row: list[Any], row_number: int, plan: _Plan, problems: Problems
) -> ParsedRecord | None:
    width = len(row)
    child = _child(row[plan.child_at]) if plan.child_at < width else ""
    if not child:
        if all(is_missing(cell) for cell in row):
            return None  # a blank row (#N/A, spaces): nothing to import
        problems.add(RowProblem(plan.table, row_number, ID.label, "", "has no child identifier"))
        return None
    fields = list(plan.template)
    fields[1] = child
    ok = True
    for slot, index, parse, label in plan.cells:
        raw = row[index] if 0 <= index < width else ""
        try:
            fields[slot] = parse(raw)
        except BadValueError as exc:
            problems.add(RowProblem(plan.table, row_number, label, clean_text(raw), str(exc)))
            ok = False
    if ok and plan.row_date_slot >= 0 and fields[plan.row_date_slot] is None:
        problems.add(
            RowProblem(
                plan.table, row_number, plan.row_date_label, "", "is blank: the row needs a date"
            )
        )
        ok = False
    if not ok:
        return None
    assert plan.spec.record_kind is not None
    fields[_DOB_SLOT] = _birth_month(fields[_DOB_SLOT])
    return ParsedRecord(*fields)


class _NeedsRowByRow(Exception):  # noqa: N818 - a signal, not an error
    """A block has a value the column-at-a-time reading does not handle: read it row by row."""


# Cell types whose values can be remembered: True and False are left out, because as
# dictionary keys they are the same as 1 and 0, which read differently.
_REMEMBERED_TYPES = frozenset({str, int, float, date, datetime, type(None)})
_DATES_ONLY = {date}


def _child_or_row_by_row(value: Any) -> str:
    """A child identifier for the column reading; a blank one (a blank row, or a row that is a
    problem) sends the block to be read row by row."""
    text = _child(value) if value else ""
    if not text:
        raise _NeedsRowByRow
    return text


def _birth_month_of(value: Any) -> date | None:
    return birth_month(parse_date(value))


def _cell_readers(child_key: Callable[[str], str]) -> dict[str, Remembered]:
    """Remembered readers for one workbook: an identifier gives the sink's key for the child,
    a date of birth its month."""
    return {
        "id": Remembered(lambda value: child_key(_child_or_row_by_row(value))),
        "dob": Remembered(_birth_month_of),
        "date": Remembered(parse_date),
        "bool": Remembered(parse_bool),
        "legal": Remembered(parse_legal_status),
    }


def _column(block: list[list[Any]], index: int, reader: Remembered) -> list[Any]:
    raw = list(map(operator.itemgetter(index), block))  # IndexError: a short row
    types = set(map(type, raw))
    if types == _DATES_ONLY and reader.work_out is parse_date:
        return raw  # a column of Excel dates is read as it is
    if not types <= _REMEMBERED_TYPES:
        raise _NeedsRowByRow
    return list(map(reader.__getitem__, raw))


def _read_columns(
    block: list[list[Any]], plan: _Plan, readers: dict[str, Remembered]
) -> RecordColumns | None:
    """The block read a column at a time, each distinct value parsed once; None when any row
    needs attention (a blank or problem cell, a short row), which only the row-by-row reading
    gives (with its row numbers), so both readings always store the same records."""
    size = len(block)
    fields: list[list[Any]] = [[value] * size for value in plan.template]
    try:
        fields[1] = _column(block, plan.child_at, readers["id"])
        for column in plan.spec.columns:
            if column.kind == "id":
                continue
            index = plan.positions.get(column.key, -1)
            if index >= 0:
                reader = readers["dob" if column.key == "dob" else column.kind]
                fields[_SLOTS[column.key]] = _column(block, index, reader)
    except (_NeedsRowByRow, BadValueError, IndexError):
        return None
    if plan.row_date_slot >= 0 and None in fields[plan.row_date_slot]:
        return None  # a row without the date it needs: a problem for the row-by-row reading
    assert plan.spec.record_kind is not None
    return RecordColumns(plan.spec.record_kind, *fields[1:])


def _read_rows(
    block: list[list[Any]], first_row: int, plan: _Plan, problems: Problems, sink: ColumnSink
) -> None:
    for offset, row in enumerate(block):
        if not any(row):
            continue
        record = _record(row, first_row + offset, plan, problems)
        if record is not None:
            sink(record)


SHEETS_AHEAD = 2


def _sheets_loaded_ahead(
    workbook: CalamineWorkbook, names: list[str]
) -> Generator[CalamineSheet, None, None]:
    """Each sheet, loaded while the ones before it are being read: python-calamine lets go of
    Python's lock while it loads a sheet, so on a machine with two cores the loading of the
    next lists and the checking of this one go on together. At most SHEETS_AHEAD sheets wait
    loaded (or loading) beyond the one being read, which bounds the memory used."""
    loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="annex-a-sheet")
    try:
        waiting = deque(loader.submit(workbook.get_sheet_by_name, n) for n in names[:SHEETS_AHEAD])
        for following in [*names[SHEETS_AHEAD:], *[None] * SHEETS_AHEAD]:
            if following is not None:
                waiting.append(loader.submit(workbook.get_sheet_by_name, following))
            if waiting:
                yield waiting.popleft().result()
    finally:  # also when reading stops early: sheets not yet loading are not loaded
        loader.shutdown(wait=True, cancel_futures=True)


def read(
    path: Path,
    *,
    sink: ColumnSink,
    problems: Problems,
    progress: Callable[[int, int], None] | None = None,
    later: Sink | None = None,
) -> list[int]:
    """Read lists 1-8 into `sink` and, with a `later` sink, lists 9-11 where the workbook has
    them; the numbers of the later lists read."""
    workbook = _open(path)
    sheets = sheet_map(workbook.sheet_names)
    missing = [n for n in USED_LISTS if n not in sheets]
    if missing:
        names = ", ".join(f"List {n} ({LISTS[n].title})" for n in missing)
        raise ImportFileError(f"The workbook has no sheet for {names}. Lists 1 to 8 are needed.")
    readers = _cell_readers(sink.child_key)
    # closing: a file error part way through waits for the sheet being loaded, then stops
    with contextlib.closing(
        _sheets_loaded_ahead(workbook, [sheets[n] for n in USED_LISTS])
    ) as loaded:
        _read_lists(loaded, sink, problems, progress, readers)
    if later is None:
        return []
    return annex_a_later.read_later_lists(workbook, sheets, sink=later, problems=problems)


def _read_lists(
    loaded: Iterator[CalamineSheet],
    sink: ColumnSink,
    problems: Problems,
    progress: Callable[[int, int], None] | None,
    readers: dict[str, Remembered],
) -> None:
    done = 0
    total = 0
    for position, (number, sheet) in enumerate(zip(USED_LISTS, loaded, strict=True)):
        spec = LISTS[number]
        total = done + sheet.height + (done // max(position, 1)) * (len(USED_LISTS) - position - 1)
        rows: Iterator[list[Any]] = iter(sheet.iter_rows())
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        header_at = _header_index(head, spec)
        positions = _columns(head[header_at], spec)
        sample = head[header_at + 1 :] + list(itertools.islice(rows, FIT_SAMPLE_ROWS))
        _check_fit(sample, spec, positions)
        plan = _plan(spec, positions)
        body = itertools.chain(sample, rows)
        first_row = header_at + 2  # the sheet's row number of the first row under the header
        while block := list(itertools.islice(body, BLOCK_ROWS)):
            if spec.record_kind is not None:
                columns = _read_columns(block, plan, readers)
                if columns is not None:
                    sink.columns(columns)
                else:
                    _read_rows(block, first_row, plan, problems, sink)
            first_row += len(block)
            done += len(block)
            if progress is not None and done % PROGRESS_ROWS < len(block):
                progress(done, total)
    if progress is not None:
        progress(done, done)
