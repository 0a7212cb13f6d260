"""Which layout and which rules each year's return follows: the one place they are written down.

Each return has a table of specifications keyed by the collection year (the year ending
31 March Y is `Y`; the CIN census 2026-27 is year 2027). The specification in force for a year is
the latest one that starts on or before it, so a year without changes needs no entry. Readers ask
`cin_spec(year)` / `ssda903_spec(year)`; nothing else in the code decides by year.

Sources: the Department for Education's CIN census and SSDA903 guides for each collection year
(gov.uk "Children in need census" and "Children looked after return" guidance), and Ofsted's
Annex A template. Where this table holds our reading rather than a published line, the module
guide (docs/modules/datasets.md, "Return layouts by year") marks it [inferred].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar


def collection_year(day: date) -> int:
    """The collection year a day belongs to: 1 April Y-1 .. 31 March Y is year Y."""
    return day.year + 1 if day.month >= 4 else day.year


def year_label(year: int) -> str:
    """2027 -> '2026-27'."""
    return f"{year - 1}-{year % 100:02d}"


# --- new record kinds (each fits ReturnRecord.kind's 10 characters) ----------------------------
class LaterKind:
    """Kinds of record the later layouts add: a reader hands them to its `later` sink, which
    the import sets to its store (the same values are `RecordKind`s: a test keeps them equal)."""

    PRE_PROCEEDINGS = "pre_proc"  # start, end
    FGDM = "fgdm"  # start = offered, event = held
    CIN_EPISODE = "cin_ep"  # start = referral, end = closure; reason_new = source, reason_ended
    CARE_LEAVER = "leaver"  # flag = in touch; reason_new = in-touch code; reason_ended = S/U
    ADOPTION = "adoption"  # start = decision to place, event = adoption order date
    ADOPTER = "adopter"  # start = approval, end = left the process


# --- optional parts of a layout (ImportBatch.parts) -------------------------------------------
# A figure read from a part a file did not carry is not available (x), never 0.
PART_PRE_PROCEEDINGS = "pre_proceedings"  # the census's PreProceedingsandFGDM module (2026-27)
PART_EARLY_HELP_CODES = "early_help_codes"  # referral source 5D, closure reason RC9 (2023-24)
PART_LIST_9 = "list_9"  # Annex A care leavers
PART_LIST_10 = "list_10"  # Annex A adoption
PART_LIST_11 = "list_11"  # Annex A adopters


def annex_a_parts(lists_read: list[int]) -> list[str]:
    return [f"list_{number}" for number in lists_read]


# --- Children in Need census --------------------------------------------------------------------
@dataclass(frozen=True)
class CinSpec:
    first_year: int
    sex_element: str  # the child's sex (not stored; both names are accepted every year)
    pre_proceedings: bool  # the PreProceedingsandFGDM module is read
    early_help_referral_source: str  # "" before the code existed
    early_help_closure_reason: str
    note: str


# Element names of the 2026-27 module [inferred: see the module guide].
PRE_PROCEEDINGS_BLOCK = "PreProceedingsandFGDM"
PRE_PROCEEDINGS = "PreProceedings"
PRE_PROCEEDINGS_START = "PreProceedingsStartDate"
PRE_PROCEEDINGS_END = "PreProceedingsEndDate"
FGDM = "FGDM"
FGDM_OFFERED = "FGDMOfferedDate"
FGDM_HELD = "FGDMHeldDate"

CIN_SPECS: tuple[CinSpec, ...] = (
    CinSpec(2008, "GenderCurrent", False, "", "", "The census as first read (to 2022-23)."),
    CinSpec(
        2024,
        "GenderCurrent",
        False,
        "5D",
        "RC9",
        "2023-24: referral source 5D (early help) and closure reason RC9 (closed after "
        "assessment, referred to early help) added.",
    ),
    CinSpec(2025, "Sex", False, "5D", "RC9", "2024-25: GenderCurrent renamed Sex."),
    CinSpec(
        2027,
        "Sex",
        True,
        "5D",
        "RC9",
        "2026-27: the pre-proceedings and family group decision-making module added.",
    ),
)


def cin_spec(year: int) -> CinSpec:
    return _in_force(CIN_SPECS, year)


def cin_parts(year: int) -> list[str]:
    """The optional parts a census of the collection year carries (its layout decides)."""
    spec = cin_spec(year)
    parts = [PART_EARLY_HELP_CODES] if spec.early_help_referral_source else []
    return parts + ([PART_PRE_PROCEEDINGS] if spec.pre_proceedings else [])


# --- SSDA903 ----------------------------------------------------------------------------------
# Placement types (PLACE) and providers (PLACE_PROVIDER) as the 2023-24 guide lists them.
PLACEMENT_CODES = frozenset(
    {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
     "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"}
)  # fmt: skip
PROVIDER_CODES = frozenset({"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"})


@dataclass(frozen=True)
class CodeEnds:
    """A code no longer valid for episodes starting on or after `from_day`."""

    code: str
    from_day: date
    why: str


@dataclass(frozen=True)
class Ssda903Spec:
    first_year: int
    placement_codes: frozenset[str] | None  # None: not checked (years before the table)
    provider_codes: frozenset[str] | None
    placement_ends: tuple[CodeEnds, ...]
    sex_read: bool  # the header's SEX column is part of the layout
    tables: tuple[str, ...]  # tables the layout has beyond header and episodes (accepted)
    note: str


P2_ENDS = CodeEnds(
    "P2",
    date(2023, 10, 28),
    "independent living (P2) is not a placement for a looked-after child from 28/10/2023",
)

# Tables a layout has beyond header and episodes: each layout adds to the one before.
TABLES_BEFORE_2024 = (
    "UASC",
    "Missing",
    "OC2",
    "OC3",
    "Reviews",
    "AD1",
    "PlacedAdoption",
    "PrevPerm",
)
TABLES_2024 = (*TABLES_BEFORE_2024, "SocialWorkerEpisodes")
TABLES_2027 = (*TABLES_2024, "DeprivationOfLiberty")

SSDA903_SPECS: tuple[Ssda903Spec, ...] = (
    Ssda903Spec(
        2000,
        None,
        None,
        (),
        False,
        TABLES_BEFORE_2024,
        "Before 2023-24: codes are not checked (the return carries old episodes).",
    ),
    Ssda903Spec(
        2024,
        PLACEMENT_CODES,
        PROVIDER_CODES,
        (P2_ENDS,),
        False,
        TABLES_2024,
        "2023-24: the social worker episodes table; P2 ends on 28/10/2023.",
    ),
    Ssda903Spec(
        2025,
        PLACEMENT_CODES,
        PROVIDER_CODES,
        (P2_ENDS,),
        True,
        TABLES_2024,
        "2024-25: the child's sex (SEX) collected in the header.",
    ),
    Ssda903Spec(
        2027,
        PLACEMENT_CODES,
        PROVIDER_CODES,
        (P2_ENDS,),
        True,
        TABLES_2027,
        "2026-27: the deprivation of liberty orders table.",
    ),
)


def ssda903_spec(year: int) -> Ssda903Spec:
    return _in_force(SSDA903_SPECS, year)


def placement_problem(place: str, provider: str, *, start: date) -> tuple[str, str] | None:
    """(column, message) when an episode's codes break the rules of the year it starts in."""
    year = collection_year(start)
    spec = ssda903_spec(year)
    rule = f"(SSDA903 {year_label(year)} rule)"
    if spec.placement_codes is not None and place and place not in spec.placement_codes:
        return "PLACE", f"is not a placement code {rule}"
    for ends in spec.placement_ends:
        if place == ends.code and start >= ends.from_day:
            return "PLACE", f"is not valid: {ends.why} {rule}"
    if spec.provider_codes is not None and provider and provider not in spec.provider_codes:
        return "PLACE_PROVIDER", f"is not a placement provider code {rule}"
    return None


# --- Ofsted Annex A ---------------------------------------------------------------------------
ANNEX_A_REQUIRED_LISTS = tuple(range(1, 9))
ANNEX_A_OPTIONAL_LISTS = (9, 10, 11)  # read when present; older workbooks without them import


_Spec = TypeVar("_Spec", CinSpec, Ssda903Spec)


def _in_force(specs: tuple[_Spec, ...], year: int) -> _Spec:
    found = specs[0]
    for spec in specs:
        if spec.first_year <= year:
            found = spec
    return found
