"""DfE Children in Need census XML (one file a year, reference date 31 March).

Read as a stream (defusedxml's iterparse: no entity expansion, no external references). Both
`GenderCurrent` and the 2024+ `Sex` element are accepted (neither is stored); booleans come as
true/false or 1/0; elements of later years' modules are not errors.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from safeguarding.datasets.models import RecordKind
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
    parse_bool,
    parse_date,
)

_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    """The tag without a namespace (names are few, so they are remembered)."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1]
    return name


def _child_text(element: Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return clean_text(child.text)
    return ""


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


class _Reader:
    def __init__(self, sink: Sink, problems: Problems) -> None:
        self.sink = sink
        self.problems = problems
        self.number = 0
        self.ok = True

    def day(self, element: Element, name: str, *, required: bool = False) -> date | None:
        raw = _child_text(element, name)
        try:
            value = parse_date(raw)
        except BadValueError as exc:
            self.problem(name, raw, str(exc))
            return None
        if value is None and required:
            self.problem(name, raw, "is blank")
        return value

    def flag(self, element: Element, name: str) -> bool | None:
        raw = _child_text(element, name)
        try:
            return parse_bool(raw)
        except BadValueError as exc:
            self.problem(name, raw, str(exc))
            return None

    def problem(self, column: str, value: str, message: str) -> None:
        self.problems.add(RowProblem("Child", self.number, column, value, message))
        self.ok = False

    def child(self, element: Element) -> None:
        self.number += 1
        self.ok = True
        ids = _children(element, "ChildIdentifiers")
        identifiers = ids[0] if ids else Element("ChildIdentifiers")
        child = child_id_text(_child_text(identifiers, "LAchildID"))
        if not child:
            self.problem("LAchildID", "", "is missing")
            return
        born = birth_month(self.day(identifiers, "PersonBirthDate"))
        records: list[ParsedRecord] = []
        for details in _children(element, "CINdetails"):
            records.extend(self.details(details, child, born))
        if self.ok:
            for record in records:
                self.sink(record)

    def details(self, details: Element, child: str, born: date | None) -> list[ParsedRecord]:
        out = [
            ParsedRecord(
                RecordKind.REFERRAL,
                child,
                born,
                start=self.day(details, "CINreferralDate", required=True),
                flag=self.flag(details, "ReferralNFA"),
            )
        ]
        for assessment in _children(details, "Assessments"):
            start = self.day(assessment, "AssessmentActualStartDate")
            if start is not None:
                out.append(
                    ParsedRecord(
                        RecordKind.ASSESSMENT,
                        child,
                        born,
                        start=start,
                        end=self.day(assessment, "AssessmentAuthorisationDate"),
                    )
                )
        for s47 in _children(details, "Section47"):
            start = self.day(s47, "S47ActualStartDate")
            if start is not None:
                out.append(
                    ParsedRecord(
                        RecordKind.SECTION_47,
                        child,
                        born,
                        start=start,
                        event=self.day(s47, "DateOfInitialCPC"),
                        flag=self.flag(s47, "ICPCnotRequired"),
                    )
                )
        for plan in _children(details, "ChildProtectionPlans"):
            start = self.day(plan, "CPPstartDate")
            if start is not None:
                out.append(
                    ParsedRecord(
                        RecordKind.CP_PLAN,
                        child,
                        born,
                        start=start,
                        end=self.day(plan, "CPPendDate"),
                    )
                )
        return out


def read(  # noqa: C901 - one streaming loop; splitting it hides the order of events
    path: Path,
    *,
    sink: Sink,
    problems: Problems,
    la_number: str,
    period_end: date,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    reader = _Reader(sink, problems)
    header: dict[str, str] = {}
    total = max(1, path.stat().st_size)
    name = ""
    try:
        with path.open("rb") as handle:
            events: Any = iterparse(handle, events=("end",), forbid_dtd=True)
            for _event, element in events:
                name = _local(element.tag)
                if name in ("Collection", "ReferenceDate", "LEA", "Year"):
                    header[name] = clean_text(element.text)
                elif name == "Header":
                    _check_header(header, la_number=la_number, period_end=period_end)
                elif name == "Child":
                    if "ReferenceDate" not in header:
                        raise ImportFileError("The census has no <Header> before its children.")
                    reader.child(element)
                    element.clear()
                    if progress is not None and reader.number % 5_000 == 0:
                        progress(handle.tell(), total)
    except ParseError as exc:
        raise ImportFileError(f"The file is not well-formed XML ({exc}).") from exc
    except DefusedXmlException as exc:
        raise ImportFileError(
            "The XML file uses features that are not allowed in a return (entities or a DTD)."
        ) from exc
    if name != "Message":  # the last element to end is the root
        raise ImportFileError(
            "This XML file is not a Children in Need census (it does not start with <Message>)."
        )
    if "ReferenceDate" not in header:
        raise ImportFileError("The census has no <Header> with a <ReferenceDate>.")
    if progress is not None:
        progress(total, total)


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
