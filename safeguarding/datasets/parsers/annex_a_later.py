"""Ofsted Annex A lists 9-11 (care leavers, adoption, adopters): read when the workbook has
them, row by row (they are small: one row a care leaver, a child or an adopter). A workbook
without them (the older templates, or an LA that left them out) still imports.

Records go to the reader's `later` sink (kinds in `specifications.LaterKind`); an import sets it
to its store, so they are stored with lists 1-8, all or nothing, their problems listed with them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from python_calamine import CalamineWorkbook

from safeguarding.datasets.parsers.common import (
    BadValueError,
    ImportFileError,
    ParsedRecord,
    Problems,
    RowProblem,
    Sink,
    birth_month,
    child_id_text,
    clean_text,
    is_missing,
    normalise_header,
    parse_date,
    strip_prefix,
)
from safeguarding.datasets.specifications import ANNEX_A_OPTIONAL_LISTS, LaterKind

HEADER_SEARCH_ROWS = 5

IN_TOUCH_CODES = {"YES": "YES", "Y": "YES", "NO": "NO", "N": "NO", "DIED": "DIED",
                  "REFU": "REFU", "NREQ": "NREQ", "RHOM": "RHOM"}  # fmt: skip
SUITABILITY_CODES = {"SUITABLE": "S", "S": "S", "UNSUITABLE": "U", "U": "U"}


def _n(*labels: str) -> tuple[str, ...]:
    return tuple(normalise_header(label) for label in labels)


def _in_touch(value: Any) -> str:
    if is_missing(value):
        return ""
    code = IN_TOUCH_CODES.get(strip_prefix(clean_text(value)).upper())
    if code is None:
        raise BadValueError("is not an in-touch code (Yes, No, Died, Refu, NREQ, Rhom)")
    return code


def _suitability(value: Any) -> str:
    if is_missing(value):
        return ""
    code = SUITABILITY_CODES.get(strip_prefix(clean_text(value)).upper())
    if code is None:
        raise BadValueError("is not Suitable or Unsuitable")
    return code


@dataclass(frozen=True)
class LaterColumn:
    field: str  # a ParsedRecord field
    label: str
    aliases: tuple[str, ...]
    parse: Callable[[Any], Any]
    required: bool = False


@dataclass(frozen=True)
class LaterList:
    number: int
    title: str
    kind: str
    id_label: str
    id_aliases: tuple[str, ...]
    columns: tuple[LaterColumn, ...]


_CHILD_ID = _n("Child Unique ID", "Child ID", "Unique ID")
_DOB = LaterColumn("birth_month", "Date of Birth", _n("Date of Birth", "DOB"), parse_date)

LATER_LISTS: dict[int, LaterList] = {
    9: LaterList(
        9,
        "Care leavers",
        LaterKind.CARE_LEAVER,
        "Child Unique ID",
        _CHILD_ID,
        (
            _DOB,
            LaterColumn(
                "reason_new", "LA In Touch", _n("LA In Touch", "In touch"), _in_touch, True
            ),
            LaterColumn(
                "reason_ended",
                "Suitability of Accommodation",
                _n("Suitability of Accommodation", "Suitability"),
                _suitability,
            ),
        ),
    ),
    10: LaterList(
        10,
        "Adoption",
        LaterKind.ADOPTION,
        "Child Unique ID",
        _CHILD_ID,
        (
            _DOB,
            LaterColumn(
                "start",
                "Date of Decision that Child Should be Placed for Adoption",
                _n("Date of Decision that Child Should be Placed for Adoption"),
                parse_date,
            ),
            LaterColumn(
                "event",
                "Date of Adoption Order",
                _n("Date of Adoption Order", "Adoption Order Date"),
                parse_date,
                True,
            ),
        ),
    ),
    11: LaterList(
        11,
        "Adopters",
        LaterKind.ADOPTER,
        "Individual adopter identifier",
        _n("Individual adopter identifier", "Adopter identifier", "Adopter ID"),
        (
            LaterColumn("start", "Date Stage 2 ended", _n("Date Stage 2 ended"), parse_date),
            LaterColumn(
                "event",
                "Date application approved",
                _n("Date application approved"),
                parse_date,
            ),
            LaterColumn(
                "end",
                "Date of leaving adoption process",
                _n("Date of leaving adoption process"),
                parse_date,
            ),
        ),
    ),
}


def read_later_lists(
    workbook: CalamineWorkbook, sheets: dict[int, str], *, sink: Sink, problems: Problems
) -> list[int]:
    """Read lists 9-11 where the workbook has them; the numbers of the lists read."""
    read = []
    for number in ANNEX_A_OPTIONAL_LISTS:
        if number not in sheets:
            continue
        rows = iter(workbook.get_sheet_by_name(sheets[number]).iter_rows())
        _read_list(LATER_LISTS[number], rows, sink, problems)
        read.append(number)
    return read


def _header(spec: LaterList, head: list[list[Any]]) -> tuple[int, int, dict[str, int]]:
    """(header row index, identifier position, each column's position or -1)."""
    header_at = next(
        (
            index
            for index, row in enumerate(head)
            if any(normalise_header(cell) in spec.id_aliases for cell in row)
        ),
        None,
    )
    if header_at is None:
        raise ImportFileError(
            f"List {spec.number} ({spec.title}): no header row with '{spec.id_label}' in its "
            f"first {HEADER_SEARCH_ROWS} rows."
        )
    header = [normalise_header(cell) for cell in head[header_at]]
    child_at = next(i for i, name in enumerate(header) if name in spec.id_aliases)
    positions: dict[str, int] = {}
    for column in spec.columns:
        found = next((i for i, name in enumerate(header) if name in column.aliases), -1)
        if found < 0 and column.required:
            raise ImportFileError(
                f"List {spec.number} ({spec.title}): the column '{column.label}' is missing."
            )
        positions[column.field] = found
    return header_at, child_at, positions


def _read_list(spec: LaterList, rows: Any, sink: Sink, problems: Problems) -> None:
    head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    header_at, child_at, positions = _header(spec, head)
    table = f"List {spec.number}"
    body = itertools.chain(head[header_at + 1 :], rows)
    for number, row in enumerate(body, start=header_at + 2):
        if all(is_missing(cell) for cell in row):
            continue
        child = child_id_text(row[child_at]) if child_at < len(row) else ""
        if not child:
            problems.add(RowProblem(table, number, spec.id_label, "", "has no identifier"))
            continue
        values = _values(spec, row, positions, table, number, problems)
        if values is None:
            continue
        if "birth_month" in values:
            values["birth_month"] = birth_month(values["birth_month"])
        if spec.kind == LaterKind.CARE_LEAVER:
            values["flag"] = values["reason_new"] == "YES"
        sink(ParsedRecord(spec.kind, child, **values))


def _values(
    spec: LaterList,
    row: list[Any],
    positions: dict[str, int],
    table: str,
    number: int,
    problems: Problems,
) -> dict[str, Any] | None:
    """The row's values by record field, or None when a cell is a problem (each one added)."""
    values: dict[str, Any] = {}
    ok = True
    for column in spec.columns:
        index = positions[column.field]
        raw = row[index] if 0 <= index < len(row) else ""
        try:
            values[column.field] = column.parse(raw)
        except BadValueError as exc:
            problems.add(RowProblem(table, number, column.label, clean_text(raw), str(exc)))
            ok = False
            continue
        if column.required and values[column.field] in (None, ""):
            problems.add(RowProblem(table, number, column.label, "", "is blank"))
            ok = False
    return values if ok else None
