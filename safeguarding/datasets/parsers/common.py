"""What the readers share: error types, value cleaning, header matching, the record shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

MAX_PROBLEMS_KEPT = 500
_EXCEL_EPOCH = date(1899, 12, 30)
_PREFIX = re.compile(r"^[a-z]{1,2}\)\s*", re.IGNORECASE)
_DATE_TEXT = (
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$"), ("y", "m", "d")),
)
MISSING = {"", "#N/A", "N/A", "NA", "#NULL!", "NULL", "NONE", "-"}
TRUE_WORDS = {"YES", "Y", "TRUE", "1", "T"}
FALSE_WORDS = {"NO", "N", "FALSE", "0", "F"}


class ImportFileError(Exception):
    """The file as a whole cannot be imported: one clear message, nothing stored."""


_IDENTIFYING_PARTS = ("birth", "dob", "postcode", "upn", "nhs", "name", "childid", "identifier")
_IDENTIFYING_WORDS = {"id", "child"}


def is_identifying_column(column: str) -> bool:
    """A column that holds a child's identifier, date of birth, name or postcode: its values
    are never kept with a problem (the row and column find the cell in the person's file)."""
    lower = column.lower()
    words = set(re.split(r"[^a-z0-9]+", lower))
    return any(part in lower for part in _IDENTIFYING_PARTS) or bool(words & _IDENTIFYING_WORDS)


@dataclass(frozen=True)
class RowProblem:
    table: str
    row: int
    column: str
    value: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """What is kept with the import: never the value of an identifying column."""
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "value": "" if is_identifying_column(self.column) else self.value,
            "message": self.message,
        }


class BadValueError(ValueError):
    """A single cell cannot be read (the message says why)."""


@dataclass(slots=True)
class ParsedRecord:
    kind: str
    child_id: str
    birth_month: date | None = None
    start: date | None = None
    end: date | None = None
    event: date | None = None
    flag: bool | None = None
    legal_status: str = ""
    reason_new: str = ""
    reason_ended: str = ""


@dataclass
class Problems:
    """Row problems found so far (the first MAX_PROBLEMS_KEPT are kept, all are counted)."""

    kept: list[RowProblem] = field(default_factory=list)
    count: int = 0
    rows: set[tuple[str, int]] = field(default_factory=set)

    def add(self, problem: RowProblem) -> None:
        self.count += 1
        self.rows.add((problem.table, problem.row))
        if len(self.kept) < MAX_PROBLEMS_KEPT:
            self.kept.append(problem)


Sink = Callable[[ParsedRecord], None]


class Remembered(dict[Any, Any]):
    """What `work_out` gives for each distinct value, worked out the first time the value is
    seen (dates, codes and identifiers repeat a great deal). Nothing is remembered for a value
    `work_out` raises on: the error goes to the caller."""

    def __init__(self, work_out: Callable[[Any], Any]) -> None:
        super().__init__()
        self.work_out = work_out

    def __missing__(self, value: Any) -> Any:
        result = self[value] = self.work_out(value)
        return result


@dataclass(frozen=True, slots=True)
class RecordColumns:
    """Many records of one kind, already checked, as one list per field (row i of each list is
    record i): how a reader hands over a block of rows that needed no row-by-row attention."""

    kind: str
    child_keys: list[str]  # the sink's own key for each child (ColumnSink.child_key)
    birth_months: list[date | None]
    starts: list[date | None]
    ends: list[date | None]
    events: list[date | None]
    flags: list[bool | None]
    legal_statuses: list[str]
    reasons_new: list[str] | None = None  # None: blank for every record (Annex A)
    reasons_ended: list[str] | None = None


def record_columns(kind: str, rows: list[tuple[Any, ...]]) -> RecordColumns:
    """A block of one kind from rows laid out as `ParsedRecord`'s fields after the kind, the
    child as the sink keys it (`ColumnSink.child_key`) in place of its identifier: the rows
    turned into columns by zip."""
    keys, *fields = map(list, zip(*rows, strict=True))
    return RecordColumns(kind, keys, *fields)


class ColumnSink(Protocol):
    """Where readers put records: one at a time, or a checked block at a time."""

    def __call__(self, record: ParsedRecord, /) -> None: ...

    def child_key(self, child_id: str, /) -> str:
        """What the sink keeps for a child identifier (a block carries these, not the ids)."""
        ...

    def columns(self, block: RecordColumns, /) -> None: ...


def clean_text(value: Any) -> str:
    """Cell text with non-breaking spaces made plain and outer spaces removed."""
    if value is None:
        return ""
    if type(value) is str:
        text = value.strip()
        if "\xa0" not in text and "  " not in text and "\t" not in text and "\n" not in text:
            return text
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\xa0", " ").split())


def is_missing(value: Any) -> bool:
    return clean_text(value).upper() in MISSING


def parse_date(value: Any) -> date | None:
    """A date from an Excel date, an Excel serial number or dd/mm/yyyy / yyyy-mm-dd text.
    Blank and #N/A give None; anything else unreadable raises BadValueError."""
    kind = type(value)
    if kind is date:
        return value  # type: ignore[no-any-return]
    if kind is str and not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise BadValueError("is not a date")
    if isinstance(value, int | float):
        if 1 <= value < 100_000:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise BadValueError("is not a date")
    return _parse_date_text(value)


def _parse_date_text(value: Any) -> date | None:
    text = clean_text(value)
    if len(text) == 10:  # the two usual layouts, read without a regular expression
        try:
            if text[2] == "/" and text[5] == "/":
                return date(int(text[6:]), int(text[3:5]), int(text[:2]))
            if text[4] == "-" and text[7] == "-":
                return date.fromisoformat(text)
        except ValueError:
            pass  # the patterns below give the clear message
    if text.upper() in MISSING:
        return None
    for pattern, order in _DATE_TEXT:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError as exc:
                raise BadValueError("is not a real date") from exc
    raise BadValueError("is not a date (write dates as dd/mm/yyyy)")


_BOOL_FAST = {"a) Yes": True, "b) No": False, "Yes": True, "No": False, "true": True,
              "false": False, "1": True, "0": False, "": None}  # fmt: skip


def parse_bool(value: Any) -> bool | None:
    fast = _BOOL_FAST.get(value, 2) if isinstance(value, str) else 2
    if fast != 2:
        return fast  # type: ignore[return-value]
    if is_missing(value):
        return None
    text = strip_prefix(clean_text(value)).upper()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise BadValueError("is not yes or no")


def strip_prefix(text: str) -> str:
    """'b) Female' -> 'Female'; 'q) 6: Police' -> '6: Police'."""
    return _PREFIX.sub("", text).strip()


LEGAL_STATUSES = {
    "C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4",
}  # fmt: skip


def parse_legal_status(value: Any) -> str:
    if value in LEGAL_STATUSES:
        return value  # type: ignore[no-any-return]
    if is_missing(value):
        return ""
    text = strip_prefix(clean_text(value)).upper()
    code = text.split(":")[0].split(" ")[0].strip()
    if code not in LEGAL_STATUSES:
        raise BadValueError("is not a legal status code (C1 ... V4)")
    return code


def birth_month(value: date | None) -> date | None:
    """Dates of birth are kept to the month and year only."""
    return value.replace(day=1) if value else None


def normalise_header(text: Any) -> str:
    """Header text for matching: case, spaces, apostrophes, brackets and '?' do not matter."""
    cleaned = clean_text(text).lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[^a-z0-9]", "", cleaned)


def child_id_text(value: Any) -> str:
    text = clean_text(value)
    return "" if text.upper() in MISSING else text


def child_id_texts(values: list[str]) -> list[str]:
    """`child_id_text` of each cell text, a list at a time: when no cell needs more than its
    outer spaces removed and none is a "missing" word (the usual case), the work is done by
    C-level maps instead of a Python call per cell; otherwise cell by cell. Same results."""
    joined = "\x00".join(values)  # one scan of every cell for what clean_text would change
    if "\xa0" in joined or "  " in joined or "\t" in joined or "\n" in joined:
        return list(map(child_id_text, values))
    texts = list(map(str.strip, values))
    if not MISSING.isdisjoint(map(str.upper, texts)):
        return list(map(child_id_text, values))
    return texts
