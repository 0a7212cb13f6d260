"""DfE Children in Need census XML (one file a year, reference date 31 March).

Read as a stream (defusedxml's iterparse: no entity expansion, no external references). Both
`GenderCurrent` and the 2024+ `Sex` element are accepted (neither is stored); booleans come as
true/false or 1/0; elements of later years' modules are not errors.

The census year (from the header's ReferenceDate) decides the rules, from the one table in
`datasets.specifications`: which codes exist that year, and whether the 2026-27 pre-proceedings
and family group decision-making module is read. Records of the later layouts (that module, and
each CIN episode's referral source and closure reason) go to the optional `later` sink.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from safeguarding.datasets import specifications
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
    def __init__(self, sink: Sink, problems: Problems, later: Sink | None = None) -> None:
        self.sink = sink
        self.problems = problems
        self.later = later
        self.number = 0
        self.ok = True
        self.year = 0
        self.spec = specifications.CIN_SPECS[0]
        self.later_records: list[ParsedRecord] = []

    def census_year(self, reference: date) -> None:
        self.year = specifications.collection_year(reference)
        self.spec = specifications.cin_spec(self.year)

    def codes(self, details: Element, child: str, born: date | None) -> None:
        """The episode's referral source and closure reason, checked against the year's codes;
        with a `later` sink, the episode and its pre-proceedings module as records."""
        if self.later is None and self.spec.early_help_closure_reason:
            return  # every code is valid this year and no later record is wanted
        source = _child_text(details, "ReferralSource").upper()
        reason = _child_text(details, "ReasonForClosure").upper()
        rule = f"(CIN census {specifications.year_label(self.year)} rule)"
        if source == "5D" and self.spec.early_help_referral_source != "5D":
            self.problem("ReferralSource", source, f"is not a referral source code yet {rule}")
        if reason == "RC9" and self.spec.early_help_closure_reason != "RC9":
            self.problem("ReasonForClosure", reason, f"is not a reason for closure yet {rule}")
        if self.later is None:
            return
        self.later_records.append(
            ParsedRecord(
                specifications.LaterKind.CIN_EPISODE,
                child,
                born,
                start=self.day(details, "CINreferralDate"),
                end=self.day(details, "CINclosureDate"),
                reason_new=source[:4],
                reason_ended=reason[:4],
            )
        )
        if self.spec.pre_proceedings:
            for block in _children(details, specifications.PRE_PROCEEDINGS_BLOCK):
                self.pre_proceedings(block, child, born)

    def pre_proceedings(self, block: Element, child: str, born: date | None) -> None:
        for item in _children(block, specifications.PRE_PROCEEDINGS):
            start = self.day(item, specifications.PRE_PROCEEDINGS_START, required=True)
            if start is not None:
                self.later_records.append(
                    ParsedRecord(
                        specifications.LaterKind.PRE_PROCEEDINGS,
                        child,
                        born,
                        start=start,
                        end=self.day(item, specifications.PRE_PROCEEDINGS_END),
                    )
                )
        for item in _children(block, specifications.FGDM):
            offered = self.day(item, specifications.FGDM_OFFERED)
            held = self.day(item, specifications.FGDM_HELD)
            if offered is not None or held is not None:
                self.later_records.append(
                    ParsedRecord(
                        specifications.LaterKind.FGDM, child, born, start=offered, event=held
                    )
                )

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
        self.later_records = []
        for details in _children(element, "CINdetails"):
            records.extend(self.details(details, child, born))
            self.codes(details, child, born)
        if self.ok:
            for record in records:
                self.sink(record)
            if self.later is not None:
                for record in self.later_records:
                    self.later(record)

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
    later: Sink | None = None,
) -> None:
    reader = _Reader(sink, problems, later)
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
                    reader.census_year(period_end)
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
