"""DfE Children in Need census XML (one file a year, reference date 31 March).

Read as a stream with lxml's iterparse (ADR 0014), which hands over only the header's fields and
each `<Child>` (tag filtering: the elements inside a child are read from it, never one event
each). The parser loads no DTD, expands no entity and reaches no network; a file with a DTD
(where entities are declared: "billion laughs", external entities) is refused. Both
`GenderCurrent` and the 2024+ `Sex` element are accepted (neither is stored); booleans come as
true/false or 1/0; elements of later years' modules are not errors.

The census year (from the header's ReferenceDate) decides the rules, from the one table in
`datasets.specifications`: which codes exist that year, and whether the 2026-27 pre-proceedings
and family group decision-making module is read. Records of the later layouts (that module, and
each CIN episode's referral source and closure reason) go to the optional `later` sink.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from lxml import etree

from safeguarding.datasets import specifications
from safeguarding.datasets.models import RecordKind
from safeguarding.datasets.parsers.common import (
    BadValueError,
    ImportFileError,
    ParsedRecord,
    Problems,
    Remembered,
    RowProblem,
    Sink,
    birth_month,
    child_id_text,
    clean_text,
    parse_bool,
    parse_date,
    record_columns,
)

_LOCAL: dict[str, str] = {}
_HEADER_FIELDS = frozenset({"Collection", "ReferenceDate", "LEA", "Year"})
BLOCK_CHILDREN = 1_000  # children whose records are handed over together to a column sink
_GROUPS = frozenset(
    {
        "ChildIdentifiers",
        "CINdetails",
        "Assessments",
        "Section47",
        "ChildProtectionPlans",
        specifications.PRE_PROCEEDINGS_BLOCK,
        specifications.PRE_PROCEEDINGS,
        specifications.FGDM,
    }
)
# A record as the reader keeps it until its child is known to have no problem: `ParsedRecord`'s
# fields after the kind (child identifier, or the sink's key for it when reading in blocks;
# birth month, start, end, event, flag, legal status, reason new, reason ended).
Row = tuple[str, date | None, date | None, date | None, date | None, bool | None, str, str, str]


def _local(tag: str) -> str:
    """The tag without a namespace (names are few, so they are remembered)."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1]
    return name


class _Parts:
    """An element's children read in one pass: the text of the first child of each name, and
    the children that hold others (`_GROUPS`) by name, in order."""

    __slots__ = ("groups", "texts")

    def __init__(self, element: Element | None) -> None:
        self.texts: dict[str, str | None] = {}
        self.groups: dict[str, list[Element]] = {}
        if element is None:
            return
        local, texts, groups = _LOCAL.get, self.texts, self.groups
        for child in element:
            name = local(child.tag) or _local(child.tag)
            if name in _GROUPS:
                groups.setdefault(name, []).append(child)
            elif name not in texts:
                texts[name] = child.text

    def text(self, name: str) -> str:
        return clean_text(self.texts.get(name))

    def group(self, name: str) -> list[Element]:
        return self.groups.get(name, [])


def _code(value: str | None) -> str:
    return clean_text(value).upper()


class _Reader:
    def __init__(self, sink: Sink, problems: Problems, later: Sink | None = None) -> None:
        self.sink = sink
        self.problems = problems
        self.later = later
        self.number = 0
        self.ok = True
        self.year = 0
        self.spec = specifications.CIN_SPECS[0]
        # Each distinct cell text is worked out once (dates, codes and flags repeat a great deal).
        self.dates = Remembered(parse_date)
        self.flags = Remembered(parse_bool)
        self.codes_of = Remembered(_code)
        self.records: list[tuple[str, Row]] = []
        self.later_records: list[tuple[str, Row]] = []
        # With sinks that take checked blocks (the import's store), a child's records wait here
        # by kind and go over BLOCK_CHILDREN children at a time, as columns.
        self.in_blocks = _takes_columns(sink) and (later is None or _takes_columns(later))
        self.block: dict[str, list[Row]] = {}
        self.later_block: dict[str, list[Row]] = {}
        self.block_children = 0
        self.child_key: Callable[[str], str] | None = (
            sink.child_key if self.in_blocks else None  # type: ignore[attr-defined]
        )

    def census_year(self, reference: date) -> None:
        self.year = specifications.collection_year(reference)
        self.spec = specifications.cin_spec(self.year)

    def codes(self, details: _Parts, child: str, born: date | None) -> None:
        """The episode's referral source and closure reason, checked against the year's codes;
        with a `later` sink, the episode and its pre-proceedings module as records."""
        if self.later is None and self.spec.early_help_closure_reason:
            return  # every code is valid this year and no later record is wanted
        source = self.codes_of[details.texts.get("ReferralSource")]
        reason = self.codes_of[details.texts.get("ReasonForClosure")]
        rule = f"(CIN census {specifications.year_label(self.year)} rule)"
        if source == "5D" and self.spec.early_help_referral_source != "5D":
            self.problem("ReferralSource", source, f"is not a referral source code yet {rule}")
        if reason == "RC9" and self.spec.early_help_closure_reason != "RC9":
            self.problem("ReasonForClosure", reason, f"is not a reason for closure yet {rule}")
        if self.later is None:
            return
        self.later_records.append(
            (
                specifications.LaterKind.CIN_EPISODE,
                (
                    child,
                    born,
                    self.day(details, "CINreferralDate"),
                    self.day(details, "CINclosureDate"),
                    None,
                    None,
                    "",
                    source[:4],
                    reason[:4],
                ),
            )
        )
        if self.spec.pre_proceedings:
            for block in details.group(specifications.PRE_PROCEEDINGS_BLOCK):
                self.pre_proceedings(_Parts(block), child, born)

    def pre_proceedings(self, block: _Parts, child: str, born: date | None) -> None:
        for element in block.group(specifications.PRE_PROCEEDINGS):
            item = _Parts(element)
            start = self.day(item, specifications.PRE_PROCEEDINGS_START, required=True)
            if start is not None:
                end = self.day(item, specifications.PRE_PROCEEDINGS_END)
                self.later_records.append(
                    (
                        specifications.LaterKind.PRE_PROCEEDINGS,
                        (child, born, start, end, None, None, "", "", ""),
                    )
                )
        for element in block.group(specifications.FGDM):
            item = _Parts(element)
            offered = self.day(item, specifications.FGDM_OFFERED)
            held = self.day(item, specifications.FGDM_HELD)
            if offered is not None or held is not None:
                self.later_records.append(
                    (
                        specifications.LaterKind.FGDM,
                        (child, born, offered, None, held, None, "", "", ""),
                    )
                )

    def day(self, element: _Parts, name: str, *, required: bool = False) -> date | None:
        raw = element.texts.get(name)
        try:
            value: date | None = self.dates[raw]
        except BadValueError as exc:
            self.problem(name, clean_text(raw), str(exc))
            return None
        if value is None and required:
            self.problem(name, clean_text(raw), "is blank")
        return value

    def flag(self, element: _Parts, name: str) -> bool | None:
        raw = element.texts.get(name)
        try:
            value: bool | None = self.flags[raw]
        except BadValueError as exc:
            self.problem(name, clean_text(raw), str(exc))
            return None
        return value

    def problem(self, column: str, value: str, message: str) -> None:
        self.problems.add(RowProblem("Child", self.number, column, value, message))
        self.ok = False

    def child(self, element: Element) -> None:
        self.number += 1
        self.ok = True
        parts = _Parts(element)
        ids = parts.group("ChildIdentifiers")
        identifiers = _Parts(ids[0] if ids else None)
        child = child_id_text(identifiers.texts.get("LAchildID"))
        if not child:
            self.problem("LAchildID", "", "is missing")
            return
        if self.child_key is not None:
            child = self.child_key(child)  # blocks carry the sink's key for the child
        born = birth_month(self.day(identifiers, "PersonBirthDate"))
        self.records = []
        self.later_records = []
        for details_element in parts.group("CINdetails"):
            details = _Parts(details_element)
            self.details(details, child, born)
            self.codes(details, child, born)
        if self.ok:
            self.hand_over()

    def hand_over(self) -> None:
        """The child's records, checked, to the sinks (or to the block that goes to them)."""
        if self.in_blocks:
            for kind, row in self.records:
                self.block.setdefault(kind, []).append(row)
            for kind, row in self.later_records:
                self.later_block.setdefault(kind, []).append(row)
            self.block_children += 1
            if self.block_children >= BLOCK_CHILDREN:
                self.flush()
            return
        for kind, row in self.records:
            self.sink(ParsedRecord(kind, *row))
        if self.later is not None:
            for kind, row in self.later_records:
                self.later(ParsedRecord(kind, *row))

    def flush(self) -> None:
        """The waiting block, a kind at a time, as columns (nothing when not reading in blocks)."""
        for block, sink in ((self.block, self.sink), (self.later_block, self.later)):
            for kind, rows in block.items():
                sink.columns(record_columns(kind, rows))  # type: ignore[union-attr]
            block.clear()
        self.block_children = 0

    def details(self, details: _Parts, child: str, born: date | None) -> None:
        records = self.records
        referral = self.day(details, "CINreferralDate", required=True)
        records.append(
            (
                RecordKind.REFERRAL,
                (child, born, referral, None, None, self.flag(details, "ReferralNFA"), "", "", ""),
            )
        )
        for element in details.group("Assessments"):
            assessment = _Parts(element)
            start = self.day(assessment, "AssessmentActualStartDate")
            if start is not None:
                end = self.day(assessment, "AssessmentAuthorisationDate")
                records.append(
                    (RecordKind.ASSESSMENT, (child, born, start, end, None, None, "", "", ""))
                )
        for element in details.group("Section47"):
            s47 = _Parts(element)
            start = self.day(s47, "S47ActualStartDate")
            if start is not None:
                event = self.day(s47, "DateOfInitialCPC")
                flag = self.flag(s47, "ICPCnotRequired")
                records.append(
                    (RecordKind.SECTION_47, (child, born, start, None, event, flag, "", "", ""))
                )
        for element in details.group("ChildProtectionPlans"):
            plan = _Parts(element)
            start = self.day(plan, "CPPstartDate")
            if start is not None:
                end = self.day(plan, "CPPendDate")
                records.append(
                    (RecordKind.CP_PLAN, (child, born, start, end, None, None, "", "", ""))
                )


def _takes_columns(sink: Sink) -> bool:
    return callable(getattr(sink, "columns", None)) and callable(getattr(sink, "child_key", None))


def read(  # noqa: C901 - one streaming loop; splitting it hides the order of events
    path: Path,
    *,
    sink: Sink,
    problems: Problems,
    la_number: str,
    period_end: date,
    progress: Callable[[int, int], None] | None = None,
    later: Sink | None = None,
) -> None:
    reader = _Reader(sink, problems, later)
    header: dict[str, str] = {}
    total = max(1, path.stat().st_size)
    name = ""
    try:
        with path.open("rb") as handle:
            if _PROLOG_DTD.match(_prolog(handle.read(_PROLOG_BYTES))):
                raise ImportFileError(_REFUSED)
            handle.seek(0)
            events: Any = etree.iterparse(handle, events=("end",), tag=_TAGS, **PARSER_SETTINGS)
            local = _LOCAL.get
            checked = False
            for _event, element in events:
                if not checked:
                    _refuse_a_dtd(element)
                    checked = True
                name = local(element.tag) or _local(element.tag)
                if name in _HEADER_FIELDS:
                    header[name] = clean_text(element.text)
                elif name == "Header":
                    _check_header(header, la_number=la_number, period_end=period_end)
                    reader.census_year(period_end)
                elif name == "Child":
                    if "ReferenceDate" not in header:
                        raise ImportFileError("The census has no <Header> before its children.")
                    reader.child(element)
                    element.clear()
                    while element.getprevious() is not None:  # the children read before
                        del element.getparent()[0]
                    if progress is not None and reader.number % 5_000 == 0:
                        progress(handle.tell(), total)
            root = events.root
    except etree.XMLSyntaxError as exc:
        raise ImportFileError(f"The file is not well-formed XML ({exc}).") from exc
    if root is not None:
        _refuse_a_dtd(root)
        name = _local(root.tag)
    if name != "Message":  # the root
        raise ImportFileError(
            "This XML file is not a Children in Need census (it does not start with <Message>)."
        )
    if "ReferenceDate" not in header:
        raise ImportFileError("The census has no <Header> with a <ReferenceDate>.")
    reader.flush()
    if progress is not None:
        progress(total, total)


# lxml's parser for a return: no DTD loaded, no entity expanded, no network, no comments or
# processing instructions among an element's children, libxml2's size limits kept (ADR 0014).
PARSER_SETTINGS: dict[str, Any] = {
    "load_dtd": False,
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
_TAGS = [f"{{*}}{name}" for name in (*sorted(_HEADER_FIELDS), "Header", "Child")]
_REFUSED = "The XML file uses features that are not allowed in a return (entities or a DTD)."


# A document type declaration after the XML declaration, comments and processing instructions:
# found before parsing, so a file whose entities libxml2 would stop on (amplification) gets the
# same message as any other file with a DTD.
_PROLOG_DTD = re.compile(r"(?:\s|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL)
_PROLOG_BYTES = 65_536


def _prolog(head: bytes) -> str:
    """The file's first bytes as text enough to see its markup (UTF-16 by its mark, else read
    byte for byte: the markup is ASCII in UTF-8 and the single-byte encodings)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace").lstrip("\ufeff")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


def _refuse_a_dtd(element: Any) -> None:
    """A document type declaration (where entities would be declared) is refused, as
    defusedxml's `forbid_dtd` did: nothing in it is loaded or expanded before this."""
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise ImportFileError(_REFUSED)


def _check_header(header: dict[str, str], *, la_number: str, period_end: date) -> None:
    if header.get("Collection", "").upper() not in ("CIN", ""):
        raise ImportFileError(
            f"This is a '{header['Collection']}' collection, not the Children in Need census."
        )
    try:
        reference = parse_date(header.get("ReferenceDate", ""))
    except BadValueError:
        reference = None
    if reference is None:
        raise ImportFileError("The census header has no readable <ReferenceDate>.")
    if reference != period_end:
        raise ImportFileError(
            f"The census is for the year ending {reference:%d/%m/%Y}, not {period_end:%d/%m/%Y}: "
            "check the year you chose."
        )
    lea = header.get("LEA", "")
    if lea and lea != la_number:
        raise ImportFileError(
            f"The census is from local authority {lea}, not this area's LA number {la_number}."
        )
