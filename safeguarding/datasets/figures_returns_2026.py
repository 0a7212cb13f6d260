"""Figures from the later return layouts: the CIN census 2026-27 pre-proceedings and family
group decision-making module, early help and family help (CIN referral source 5D, closure reason
RC9, from 2023-24), and Annex A lists 9-10 (care leavers, adoption).

Each figure is computed from parsed records (`ParsedRecord`, kinds in
`specifications.LaterKind`) or, once the kinds are stored, the same records as `ReturnRecord`s
(a child is told apart by `child_id` or `child_hash`), for a reporting year P = 1 April ..
31 March and the snapshot D = 31 March. They are counts, exact for analysts; publishing goes
through `datasets.conventions` (suppression symbols, whole-number percentages).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from safeguarding.core.years import ReportingYear
from safeguarding.datasets.models import ReturnRecord
from safeguarding.datasets.parsers.common import ParsedRecord
from safeguarding.datasets.specifications import LaterKind

# The figures, in the order a table shows them: key -> (label, source).
LATER_FIGURES: dict[str, tuple[str, str]] = {
    "pre_proceedings_at_end": (
        "Children in pre-proceedings at 31 March",
        "CIN census 2026-27 on",
    ),
    "pre_proceedings_started": (
        "Children who started pre-proceedings in the year",
        "CIN census 2026-27 on",
    ),
    "fgdm_offered": ("Family group decision-making meetings offered", "CIN census 2026-27 on"),
    "fgdm_held": ("Family group decision-making meetings held", "CIN census 2026-27 on"),
    "referrals_from_early_help": (
        "Referrals from early help (source 5D)",
        "CIN census 2023-24 on",
    ),
    "closed_to_early_help": (
        "Episodes closed after assessment and referred to early help (RC9)",
        "CIN census 2023-24 on",
    ),
    "care_leavers": ("Care leavers", "Annex A List 9"),
    "care_leavers_in_touch": (
        "Care leavers the local authority is in touch with",
        "Annex A List 9",
    ),
    "care_leavers_suitable": ("Care leavers in suitable accommodation", "Annex A List 9"),
    "children_adopted": ("Children adopted in the year", "Annex A List 10"),
    "adopters_approved": ("Adopters approved in the year", "Annex A List 11"),
}


Record = ParsedRecord | ReturnRecord


def _who(record: Record) -> str:
    return record.child_id if isinstance(record, ParsedRecord) else record.child_hash


def _in(day: date | None, year: ReportingYear) -> bool:
    return day is not None and year.start <= day <= year.end


def _of(records: Iterable[Record], kind: str) -> list[Record]:
    return [record for record in records if record.kind == kind]


def pre_proceedings_at(records: Iterable[Record], day: date) -> int:
    """Children in pre-proceedings on `day`: started on or before it, not ended by it."""
    return len(
        {
            _who(r)
            for r in _of(records, LaterKind.PRE_PROCEEDINGS)
            if r.start is not None and r.start <= day and (r.end is None or r.end > day)
        }
    )


def pre_proceedings_started(records: Iterable[Record], year: ReportingYear) -> int:
    """Children with a pre-proceedings start in the year (a child counted once)."""
    return len({_who(r) for r in _of(records, LaterKind.PRE_PROCEEDINGS) if _in(r.start, year)})


def fgdm_offered(records: Iterable[Record], year: ReportingYear) -> int:
    """Family group decision-making meetings offered in the year (each meeting counted)."""
    return sum(1 for r in _of(records, LaterKind.FGDM) if _in(r.start, year))


def fgdm_held(records: Iterable[Record], year: ReportingYear) -> int:
    return sum(1 for r in _of(records, LaterKind.FGDM) if _in(r.event, year))


def referrals_from_early_help(records: Iterable[Record], year: ReportingYear) -> int:
    return sum(
        1
        for r in _of(records, LaterKind.CIN_EPISODE)
        if r.reason_new == "5D" and _in(r.start, year)
    )


def closed_to_early_help(records: Iterable[Record], year: ReportingYear) -> int:
    return sum(
        1
        for r in _of(records, LaterKind.CIN_EPISODE)
        if r.reason_ended == "RC9" and _in(r.end, year)
    )


def care_leavers(records: Iterable[Record]) -> tuple[int, int, int]:
    """(care leavers, in touch, in suitable accommodation): distinct young people on List 9, a
    snapshot at the date the list was run. In touch = the code Yes; suitable = Suitable."""
    leavers = _of(records, LaterKind.CARE_LEAVER)
    return (
        len({_who(r) for r in leavers}),
        len({_who(r) for r in leavers if r.flag}),
        len({_who(r) for r in leavers if r.reason_ended == "S"}),
    )


def children_adopted(records: Iterable[Record], year: ReportingYear) -> int:
    """Children with an adoption order dated in the year (a child counted once)."""
    return len({_who(r) for r in _of(records, LaterKind.ADOPTION) if _in(r.event, year)})


def adopters_approved(records: Iterable[Record], year: ReportingYear) -> int:
    """Adopters approved in the year: stage 2 ended (two-stage process) or application approved."""
    return len(
        {
            _who(r)
            for r in _of(records, LaterKind.ADOPTER)
            if _in(r.start, year) or _in(r.event, year)
        }
    )


def later_figures(records: Iterable[Record], year: ReportingYear) -> dict[str, int]:
    """Every figure of LATER_FIGURES for the year, from one list of records."""
    kept = list(records)
    leavers, in_touch, suitable = care_leavers(kept)
    return {
        "pre_proceedings_at_end": pre_proceedings_at(kept, year.end),
        "pre_proceedings_started": pre_proceedings_started(kept, year),
        "fgdm_offered": fgdm_offered(kept, year),
        "fgdm_held": fgdm_held(kept, year),
        "referrals_from_early_help": referrals_from_early_help(kept, year),
        "closed_to_early_help": closed_to_early_help(kept, year),
        "care_leavers": leavers,
        "care_leavers_in_touch": in_touch,
        "care_leavers_suitable": suitable,
        "children_adopted": children_adopted(kept, year),
        "adopters_approved": adopters_approved(kept, year),
    }
