"""DfE SSDA903 (children looked after) as CSV tables or XML.

CSV tables are recognised by their columns: the episodes table (CHILD, DECOM, RNE, LS, DEC, REC)
is needed; the header table (CHILD, SEX, DOB) gives the month of birth; other tables (UASC,
Missing, OC2, Reviews...) are accepted and ignored. Extra columns are ignored. The return is
longitudinal: earlier years' episodes are kept, and counting rules pick the year's own.

Placement and provider codes are checked against the rules of the collection year each episode
starts in (`datasets.specifications`, the one table of year rules): a row problem names that
year's rule, e.g. P2 for an episode starting on or after 28/10/2023. The later years' tables
(social worker episodes 2023-24, deprivation of liberty orders 2026-27) are accepted and ignored:
no figure reads them.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import operator
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from safeguarding.datasets import specifications
from safeguarding.datasets.models import RecordKind
from safeguarding.datasets.parsers.common import (
    BadValueError,
    ImportFileError,
    ParsedRecord,
    Problems,
    RecordColumns,
    Remembered,
    RowProblem,
    Sink,
    birth_month,
    child_id_text,
    child_id_texts,
    clean_text,
    is_missing,
    parse_date,
    parse_legal_status,
)

EPISODE_COLUMNS = {"CHILD", "DECOM", "RNE", "LS", "DEC", "REC"}
HEADER_COLUMNS = {"CHILD", "SEX", "DOB"}
RNE_CODES = {"S", "L", "P", "T", "U", "B"}


def csv_columns(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        first = handle.readline()
    return [clean_text(c).upper() for c in next(csv.reader(io.StringIO(first)), [])]


def table_of(columns: list[str]) -> str:
    found = set(columns)
    if found >= EPISODE_COLUMNS:
        return "episodes"
    if found >= HEADER_COLUMNS:
        return "header"
    if "CHILD" in found:
        return "other"
    return ""


BLOCK_ROWS = 1_000  # episodes read together, a column at a time, for a sink that takes blocks


class _NeedsRowByRowError(Exception):
    """A block has a row that needs attention: it is read row by row, with its row numbers."""


def _blocks(path: Path) -> Iterator[tuple[list[str], int, list[list[str]]]]:
    """The table's columns and its rows in blocks: (columns, first row's number, rows)."""
    with path.open(encoding="utf-8-sig", errors="strict", newline="") as handle:
        reader = csv.reader(handle)
        columns = [clean_text(c).upper() for c in next(reader, [])]
        first = 2
        while block := list(itertools.islice(reader, BLOCK_ROWS)):
            yield columns, first, block
            first += len(block)


def _row_dicts(
    name: str, columns: list[str], first: int, block: list[list[str]]
) -> Iterator[tuple[int, dict[str, str]]]:
    """A block's rows one by one, as cells by column name (blank rows left out)."""
    for number, row in enumerate(block, start=first):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            raise ImportFileError(
                f"{name}: row {number} has more cells than the header has columns: "
                "the headers do not fit the rows under them."
            )
        yield number, dict(zip(columns, row, strict=False))


class _Episodes:
    def __init__(
        self,
        sink: Sink,
        problems: Problems,
        births: dict[str, date | None],
        keyed: dict[str, tuple[str, date | None]] | None = None,
    ) -> None:
        """`births`: each child's month of birth; or, for a sink that takes blocks, `keyed`:
        each child's (the sink's key, month of birth), from the header table (`_births`)."""
        self.sink = sink
        self.problems = problems
        self.births = births
        # Each distinct cell value is worked out once (dates, codes and children repeat).
        self.children = Remembered(child_id_text)
        self.dates = Remembered(parse_date)
        self.legal = Remembered(_legal)
        self.codes = Remembered(_code)
        self.reasons = Remembered(_reason)
        # Reading a column at a time: each cell value's checked result, or _NeedsRowByRowError.
        self.column_readers: dict[str, Remembered] | None = None
        # ... and each CHILD cell's (the sink's key for the child, month of birth): the header's
        # children by their identifier, then each other cell text met
        self.keyed: dict[str, tuple[str, date | None]] = {} if keyed is None else keyed
        if _takes_columns(sink):
            self.column_readers = {
                "DECOM": Remembered(_start_or_row_by_row),
                "DEC": Remembered(_checked(parse_date)),
                "LS": Remembered(_checked(_legal)),
                "RNE": Remembered(_rne_or_row_by_row),
                "REC": Remembered(_rec_or_row_by_row),
                "CODE": self.codes,
            }

    def take_block(
        self, table: str, name: str, columns: list[str], first: int, block: list[list[str]]
    ) -> None:
        """A block of episodes, a column at a time when no row needs attention (each distinct
        value checked once); else row by row, so both readings store the same records and
        the row-by-row reading gives any problem with its row number."""
        found = self._columns(columns, block)
        if found is None:
            for number, row in _row_dicts(name, columns, first, block):
                self.take(table, number, row)
            return
        self.sink.columns(found)  # type: ignore[attr-defined]

    def _columns(self, columns: list[str], block: list[list[str]]) -> RecordColumns | None:
        readers = self.column_readers
        assert readers is not None
        at = {column: index for index, column in enumerate(columns)}  # the last one, as dict()
        width = len(columns)
        size = len(block)
        try:
            if max(map(len, block)) > width:
                raise _NeedsRowByRowError  # the row-by-row reading names the row

            def column(name: str, reader: Remembered) -> list[Any]:
                index = at.get(name, -1)
                if index < 0:
                    return [reader[""]] * size
                return list(map(reader.__getitem__, map(operator.itemgetter(index), block)))

            children = self._children(at.get("CHILD", -1), block)
            starts = column("DECOM", readers["DECOM"])
            ends = column("DEC", readers["DEC"])
            legal = column("LS", readers["LS"])
            new = column("RNE", readers["RNE"])
            ended = column("REC", readers["REC"])
            place = column("PLACE" if "PLACE" in at else "PL", readers["CODE"])
            provider = column("PLACE_PROVIDER", readers["CODE"])
            if any(map(_placement_problem, place, provider, starts)):
                raise _NeedsRowByRowError
        except (_NeedsRowByRowError, IndexError):
            return None
        keys, births = map(list, zip(*children, strict=True))
        no_events: list[date | None] = [None] * size
        no_flags: list[bool | None] = [None] * size
        return RecordColumns(
            RecordKind.CARE_EPISODE,
            keys,
            births,
            starts,
            ends,
            no_events,
            no_flags,
            legal,
            new,
            ended,
        )

    def _children(self, index: int, block: list[list[str]]) -> list[tuple[str, date | None]]:
        """Each row's (the sink's key for the child, the child's month of birth from the header
        table), the children not met before worked out together (`child_id_texts`)."""
        if index < 0:
            raise _NeedsRowByRowError  # no CHILD column: every row's identifier is missing
        cells = list(map(operator.itemgetter(index), block))
        keyed = self.keyed
        new = list(itertools.filterfalse(keyed.__contains__, dict.fromkeys(cells)))
        if new:
            ids = child_id_texts(new)
            if "" in ids:
                raise _NeedsRowByRowError  # a blank identifier is a problem
            keyed.update(zip(new, map(self._keyed, ids), strict=True))
        return list(map(keyed.__getitem__, cells))

    def _keyed(self, child: str) -> tuple[str, date | None]:
        """A child's key and month of birth: the header's, or keyed now (not in the header)."""
        known = self.keyed.get(child)
        if known is not None:
            return known
        return self.sink.child_key(child), self.births.get(child)  # type: ignore[attr-defined]

    def birth_of(self, child: str) -> date | None:
        known = self.keyed.get(child)
        return known[1] if known is not None else self.births.get(child)

    def take(self, table: str, number: int, row: dict[str, Any]) -> None:
        child = self.children[row.get("CHILD", "")]
        if not child:
            self.problems.add(RowProblem(table, number, "CHILD", "", "is missing"))
            return
        ok = True
        values: dict[str, Any] = {}
        for column, parse in (("DECOM", self.dates), ("DEC", self.dates), ("LS", self.legal)):
            raw = row.get(column, "")
            try:
                values[column] = parse[raw]
            except BadValueError as exc:
                self.problems.add(RowProblem(table, number, column, clean_text(raw), str(exc)))
                ok = False
        codes = self.codes
        rne = codes[row.get("RNE", "")]
        if rne not in RNE_CODES:
            self.problems.add(
                RowProblem(table, number, "RNE", rne, "is not a reason for new episode code")
            )
            ok = False
        rec = self.reasons[row.get("REC", "")]
        if len(rec) > 4:
            self.problems.add(RowProblem(table, number, "REC", rec, "is not a reason code"))
            ok = False
        if ok and values["DECOM"] is None:
            self.problems.add(RowProblem(table, number, "DECOM", "", "is blank"))
            ok = False
        if ok:
            place = row.get("PLACE", row.get("PL", ""))
            provider = row.get("PLACE_PROVIDER", "")
            broken = _placement_problem(codes[place], codes[provider], values["DECOM"])
            if broken is not None:
                column, message = broken
                value = clean_text(place if column == "PLACE" else provider)
                self.problems.add(RowProblem(table, number, column, value, message))
                ok = False
        if not ok:
            return
        self.sink(
            ParsedRecord(
                RecordKind.CARE_EPISODE,
                child,
                self.birth_of(child),
                start=values["DECOM"],
                end=values["DEC"],
                legal_status=values["LS"],
                reason_new=rne,
                reason_ended=rec,
            )
        )


def _takes_columns(sink: Sink) -> bool:
    return callable(getattr(sink, "columns", None)) and callable(getattr(sink, "child_key", None))


def _checked(work_out: Callable[[str], Any]) -> Callable[[str], Any]:
    def checked(value: str) -> Any:
        try:
            return work_out(value)
        except BadValueError as exc:
            raise _NeedsRowByRowError from exc

    return checked


def _start_or_row_by_row(value: str) -> date:
    start = _checked(parse_date)(value)
    if start is None:
        raise _NeedsRowByRowError  # a blank start is a problem
    return start  # type: ignore[no-any-return]


def _rne_or_row_by_row(value: str) -> str:
    code = _code(value)
    if code not in RNE_CODES:
        raise _NeedsRowByRowError
    return code


def _rec_or_row_by_row(value: str) -> str:
    code = _reason(value)
    if len(code) > 4:
        raise _NeedsRowByRowError
    return code


@functools.lru_cache(maxsize=65_536)
def _placement_problem(place: str, provider: str, start: date) -> tuple[str, str] | None:
    return specifications.placement_problem(place, provider, start=start)


def _code(value: Any) -> str:
    return clean_text(value).upper()


def _reason(value: Any) -> str:
    return "" if is_missing(value) else clean_text(value).upper()


def _legal(value: Any) -> str:
    return parse_legal_status(value)


def _birth_month_of(value: Any) -> date | None:
    return birth_month(parse_date(value))


def _births(
    path: Path, problems: Problems, table: str, child_key: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """Each child's month of birth by identifier; with `child_key` (a sink that takes blocks),
    each child's (key, month of birth), so a child is keyed once, here (a blank identifier is
    left out: it is no child's)."""
    births: dict[str, Any] = {}
    months = Remembered(_birth_month_of)
    children = Remembered(child_id_text)
    for columns, first, block in _blocks(path):
        if not _births_by_column(columns, block, births, months, child_key):
            for number, row in _row_dicts(path.name, columns, first, block):
                child = children[row.get("CHILD", row.get("CHILDID", ""))]
                try:
                    born = months[row.get("DOB", "")]
                    if child_key is None:
                        births[child] = born
                    elif child:
                        births[child] = (births.get(child, (None,))[0] or child_key(child), born)
                except BadValueError as exc:
                    problems.add(
                        RowProblem(table, number, "DOB", clean_text(row.get("DOB")), str(exc))
                    )
    return births


def _births_by_column(
    columns: list[str],
    block: list[list[str]],
    births: dict[str, Any],
    months: Remembered,
    child_key: Callable[[str], str] | None,
) -> bool:
    """The block's months of birth read a column at a time; False (nothing kept) when a row
    needs attention (a blank identifier, an unreadable date, a short or long row)."""
    at = {column: index for index, column in enumerate(columns)}  # the last one, as dict()
    child_at, dob_at = at.get("CHILD", at.get("CHILDID", -1)), at.get("DOB", -1)
    if child_at < 0 or dob_at < 0 or max(map(len, block)) > len(columns):
        return False
    try:
        ids = child_id_texts(list(map(operator.itemgetter(child_at), block)))
        born = list(map(months.__getitem__, map(operator.itemgetter(dob_at), block)))
    except (BadValueError, IndexError):
        return False
    if "" in ids:
        return False
    if child_key is None:
        births.update(zip(ids, born, strict=True))
    else:
        births.update(zip(ids, zip(map(child_key, ids), born, strict=True), strict=True))
    return True


def _read_episodes(
    path: Path, episodes: _Episodes, progress: Callable[[int, int], None] | None
) -> None:
    done = 0
    for columns, first, block in _blocks(path):
        if episodes.column_readers is not None:
            episodes.take_block("Episodes", path.name, columns, first, block)
        else:
            for number, row in _row_dicts(path.name, columns, first, block):
                episodes.take("Episodes", number, row)
        done += len(block)
        if progress is not None and done % 20_000 < len(block):
            progress(done, done + 1)


def read_csv(
    paths: list[Path],
    *,
    sink: Sink,
    problems: Problems,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    tables: dict[str, Path] = {}
    for path in paths:
        kind = table_of(csv_columns(path))
        if not kind:
            raise ImportFileError(
                f"{path.name} is not an SSDA903 table: its first row has no CHILD column."
            )
        if kind in tables and kind != "other":
            raise ImportFileError(f"Two files hold the SSDA903 {kind} table: keep one.")
        tables[kind] = path
    if "episodes" not in tables:
        raise ImportFileError(
            "The SSDA903 episodes table is missing (a CSV with CHILD, DECOM, RNE, LS, DEC, REC)."
        )
    try:
        key = sink.child_key if _takes_columns(sink) else None  # type: ignore[attr-defined]
        header = _births(tables["header"], problems, "Header", key) if "header" in tables else {}
        episodes = (
            _Episodes(sink, problems, {}, header) if key else _Episodes(sink, problems, header)
        )
        _read_episodes(tables["episodes"], episodes, progress)
    except UnicodeDecodeError as exc:
        raise ImportFileError("The CSV file is not UTF-8 text: save it as CSV UTF-8.") from exc
    except csv.Error as exc:
        raise ImportFileError(f"The CSV file cannot be read ({exc}).") from exc


def read_xml(  # noqa: C901 - one streaming loop, as cin.read
    path: Path,
    *,
    sink: Sink,
    problems: Problems,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    episodes = _Episodes(sink, problems, {})
    number = 0
    root_seen = False
    try:
        with path.open("rb") as handle:
            events: Any = iterparse(handle, events=("start", "end"), forbid_dtd=True)
            for event, element in events:
                name = element.tag.rsplit("}", 1)[-1]
                if event == "start":
                    if not root_seen:
                        root_seen = True
                        if name != "EXPSSDA903":
                            raise ImportFileError("This XML file is not an SSDA903 return.")
                    continue
                if name != "CHILD" or not len(element):
                    continue
                number += 1
                headers = [s for s in element if s.tag.rsplit("}", 1)[-1].upper() == "HEADER"]
                fields = {
                    c.tag.rsplit("}", 1)[-1].upper(): clean_text(c.text)
                    for h in headers
                    for c in h
                }
                child = fields.get("CHILDID") or fields.get("CHILD", "")
                try:
                    born = birth_month(parse_date(fields.get("DOB", "")))
                except BadValueError:
                    born = None
                episodes.births[child] = born
                for sub in element:
                    if sub.tag.rsplit("}", 1)[-1].upper() != "EPISODE":
                        continue
                    row = {c.tag.rsplit("}", 1)[-1].upper(): clean_text(c.text) for c in sub}
                    row["CHILD"] = child
                    episodes.take("CHILD", number, row)
                element.clear()
                if progress is not None and number % 5_000 == 0:
                    progress(handle.tell(), max(1, path.stat().st_size))
    except ParseError as exc:
        raise ImportFileError(f"The file is not well-formed XML ({exc}).") from exc
    except DefusedXmlException as exc:
        raise ImportFileError(
            "The XML file uses features that are not allowed in a return (entities or a DTD)."
        ) from exc
    if not root_seen:
        raise ImportFileError("The file is empty.")
