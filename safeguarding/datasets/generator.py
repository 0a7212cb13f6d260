"""A documented, reproducible generator of synthetic returns (demo data, tests, benchmarks).

`generate(la_number=, year=, seed=, scale=)` makes one area's year of invented child-level events
with a seeded random generator (the same arguments always give the same events), and writers
turn them into the three returns: an Annex A workbook (lists 1-8), a CIN census XML file and
SSDA903 header and episodes CSV tables. Nothing here describes a real child: identifiers are
`<LA number>` followed by a running number, dates are drawn at random.

Tests count the figures straight from the events (`expected_figures`), independently of the
import and the counting code.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

from safeguarding.core.working_days import add_working_days
from safeguarding.core.years import ReportingYear


@dataclass
class Child:
    id: str
    born: date


@dataclass
class Referral:
    child: Child
    day: date
    nfa: bool
    assessments: list[tuple[date, date | None]] = field(default_factory=list)
    s47s: list[tuple[date, date | None]] = field(default_factory=list)
    plans: list[tuple[date, date | None]] = field(default_factory=list)


@dataclass
class Episode:
    child: Child
    start: date
    end: date | None
    rne: str
    legal_status: str
    rec: str


@dataclass
class Events:
    la_number: str
    year: ReportingYear
    contacts: list[tuple[Child, date]] = field(default_factory=list)
    early_help: list[tuple[Child, date, date | None]] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _cap(day: date, limit: date) -> date | None:
    return day if day <= limit else None


def generate(*, la_number: str, year: ReportingYear, seed: int, scale: int = 1) -> Events:
    """Invented events for one area and year; `scale` multiplies the volumes."""
    rng = random.Random(f"{la_number}-{year.start_year}-{seed}")  # noqa: S311 - not security
    start, end = year.start, year.end
    pool = [
        Child(f"{la_number}{n:07d}", _day(rng, end - timedelta(days=17 * 365), end))
        for n in range(1, 1500 * scale + 1)
    ]
    events = Events(la_number, year)

    def volume(base: int) -> int:
        """About `base` x scale: each area and year varies by up to 15% either way."""
        return round(base * scale * rng.uniform(0.85, 1.15))

    for _ in range(volume(900)):
        events.contacts.append((rng.choice(pool), _day(rng, start, end)))
    for _ in range(volume(220)):
        began = _day(rng, start, end)
        events.early_help.append(
            (rng.choice(pool), began, _cap(began + timedelta(rng.randint(10, 90)), end))
        )
    for _ in range(volume(420)):
        referral = Referral(rng.choice(pool), _day(rng, start, end), rng.random() < 0.12)
        if not referral.nfa:
            a_start = referral.day + timedelta(days=rng.randint(0, 4))
            referral.assessments.append(
                (a_start, _cap(add_working_days(a_start, rng.randint(8, 60)), end))
            )
            if rng.random() < 0.3:
                s_start = a_start + timedelta(days=rng.randint(0, 3))
                icpc = (
                    _cap(add_working_days(s_start, rng.randint(5, 22)), end)
                    if rng.random() < 0.5
                    else None
                )
                referral.s47s.append((s_start, icpc))
                if icpc is not None:
                    referral.plans.append(
                        (icpc, _cap(icpc + timedelta(rng.randint(60, 500)), end))
                    )
        events.referrals.append(referral)
    for _ in range(volume(60)):  # plans carried over from the year before
        earlier = _day(rng, start - timedelta(days=365), start - timedelta(days=30))
        referral = Referral(rng.choice(pool), earlier, False)
        referral.plans.append((earlier, _cap(earlier + timedelta(rng.randint(120, 700)), end)))
        events.referrals.append(referral)
    _care(rng, events, pool, volume(260))
    return events


def _care(rng: random.Random, events: Events, pool: list[Child], children: int) -> None:
    start, end = events.year.start, events.year.end
    statuses = ["C1", "C2", "C2", "J2", "E1", "V2", "V3", "V4", "L1"]
    for child in rng.sample(pool, children):
        began = _day(rng, start - timedelta(days=3 * 365), end)
        status = rng.choice(statuses)
        rne = "S"
        current = began
        while True:
            length = rng.randint(20, 600)
            stop = current + timedelta(days=length)
            if stop > end:
                events.episodes.append(Episode(child, current, None, rne, status, ""))
                break
            if rng.random() < 0.4:
                events.episodes.append(Episode(child, current, stop, rne, status, "X1"))
                current, rne = stop, "P"
                continue
            events.episodes.append(
                Episode(child, current, stop, rne, status, rng.choice(["E11", "E4A", "E13"]))
            )
            break


# --- the counting rules, applied straight to the events (for tests) ------------------------


def expected_figures(events: Events) -> dict[str, int]:
    start, end = events.year.start, events.year.end

    def in_p(day: date | None) -> bool:
        return day is not None and start <= day <= end

    referrals = [r for r in events.referrals if in_p(r.day)]
    assessments = [a for r in events.referrals for a in r.assessments]
    s47s = [s for r in events.referrals for s in r.s47s]
    plans = [(r.child.id, p) for r in events.referrals for p in r.plans]
    return {
        "contacts": sum(1 for _c, d in events.contacts if in_p(d)),
        "children_contacted": len({c.id for c, d in events.contacts if in_p(d)}),
        "early_help_started": sum(1 for _c, d, _e in events.early_help if in_p(d)),
        "referrals": len(referrals),
        "referrals_nfa": sum(1 for r in referrals if r.nfa),
        "assessments_completed": sum(1 for _s, e in assessments if in_p(e)),
        "s47_started": sum(1 for s, _i in s47s if in_p(s)),
        "icpcs_held": sum(1 for _s, i in s47s if in_p(i)),
        "cp_plans_at_31_march": len(
            {c for c, (s, e) in plans if s <= end and (e is None or e > end)}
        ),
        "children_in_care_at_31_march": len(
            {
                e.child.id
                for e in events.episodes
                if e.start <= end
                and (e.end is None or e.end > end)
                and e.legal_status not in ("V3", "V4")
            }
        ),
        "care_started": sum(1 for e in events.episodes if e.rne == "S" and in_p(e.start)),
        "care_ceased": sum(1 for e in events.episodes if in_p(e.end) and e.rec != "X1"),
    }


# --- writers -----------------------------------------------------------------------------

ANNEX_A_HEADERS = {
    1: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Date of Contact", "Contact Source"],
    2: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Assessment start date", "Assessment completion date",
        "Organisation completing assessment"],
    3: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Date of referral", "Referral Source", "Referral NFA?"],
    4: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
    5: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Date of Initial Child Protection Conference"],
    6: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "CIN Start Date"],
    7: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Child Protection Plan Start Date", "Child Protection Plan End Date"],
    8: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Date Started to be Looked After", "Child's Legal Status",
        "Date Ceased to be Looked After"],
}  # fmt: skip


def _common(child: Child) -> list[object]:
    return [child.id, "c) Not stated/recorded", "s) NOBT", child.born, ""]


def write_annex_a(events: Events, path: Path) -> Path:  # noqa: C901 - one loop a list
    workbook = Workbook(write_only=True)
    sheets = {n: workbook.create_sheet(f"List {n}") for n in range(1, 9)}
    for n, sheet in sheets.items():
        sheet.append(ANNEX_A_HEADERS[n])
    for child, day in events.contacts:
        sheets[1].append([*_common(child), day, "q) 6: Police"])
    for child, began, done in events.early_help:
        sheets[2].append([*_common(child), began, done, "Early Help Service"])
    for r in events.referrals:
        sheets[3].append(
            [*_common(r.child), r.day, "e) 2A: Schools", "a) Yes" if r.nfa else "b) No"]
        )
        for a_start, a_end in r.assessments:
            sheets[4].append([*_common(r.child), a_start, a_end])
            sheets[6].append([*_common(r.child), r.day])
        for s_start, icpc in r.s47s:
            sheets[5].append([*_common(r.child), s_start, icpc])
        for p_start, p_end in r.plans:
            sheets[7].append([*_common(r.child), p_start, p_end])
    periods: dict[str, Episode] = {}
    for episode in events.episodes:
        if episode.rne == "S" or episode.child.id not in periods:
            periods[episode.child.id] = episode
    for episode in events.episodes:
        first = periods[episode.child.id]
        if episode.end is None or episode.rec != "X1":
            sheets[8].append(
                [*_common(episode.child), first.start, episode.legal_status, episode.end]
            )
    workbook.save(path)
    return path


def _d(day: date | None) -> str:
    return day.isoformat() if day else ""


def write_cin(events: Events, path: Path) -> Path:
    by_child: dict[str, list[Referral]] = {}
    children: dict[str, Child] = {}
    for r in events.referrals:
        by_child.setdefault(r.child.id, []).append(r)
        children[r.child.id] = r.child
    with path.open("w", encoding="utf-8") as out:
        out.write(
            "<Message><Header><CollectionDetails><Collection>CIN</Collection>"
            f"<Year>{events.year.start_year + 1}</Year>"
            f"<ReferenceDate>{events.year.end.isoformat()}</ReferenceDate></CollectionDetails>"
            f"<Source><SourceLevel>L</SourceLevel><LEA>{escape(events.la_number)}</LEA></Source>"
            "</Header><Children>"
        )
        for child_id, referrals in by_child.items():
            child = children[child_id]
            out.write(
                f"<Child><ChildIdentifiers><LAchildID>{escape(child_id)}</LAchildID>"
                f"<PersonBirthDate>{_d(child.born)}</PersonBirthDate><Sex>U</Sex>"
                "</ChildIdentifiers>"
            )
            for r in referrals:
                out.write(
                    f"<CINdetails><CINreferralDate>{_d(r.day)}</CINreferralDate>"
                    f"<ReferralNFA>{'true' if r.nfa else 'false'}</ReferralNFA>"
                )
                for a_start, a_end in r.assessments:
                    out.write(
                        f"<Assessments><AssessmentActualStartDate>{_d(a_start)}"
                        "</AssessmentActualStartDate><AssessmentAuthorisationDate>"
                        f"{_d(a_end)}</AssessmentAuthorisationDate></Assessments>"
                    )
                for s_start, icpc in r.s47s:
                    out.write(
                        f"<Section47><S47ActualStartDate>{_d(s_start)}</S47ActualStartDate>"
                        f"<DateOfInitialCPC>{_d(icpc)}</DateOfInitialCPC>"
                        f"<ICPCnotRequired>{'0' if icpc else '1'}</ICPCnotRequired></Section47>"
                    )
                for p_start, p_end in r.plans:
                    out.write(
                        f"<ChildProtectionPlans><CPPstartDate>{_d(p_start)}</CPPstartDate>"
                        f"<CPPendDate>{_d(p_end)}</CPPendDate></ChildProtectionPlans>"
                    )
                out.write("</CINdetails>")
            out.write("</Child>")
        out.write("</Children></Message>")
    return path


EPISODE_HEADER = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                  "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]  # fmt: skip


def write_ssda903(events: Events, folder: Path) -> list[Path]:
    header, episodes = folder / "header.csv", folder / "episodes.csv"
    seen: set[str] = set()
    with header.open("w", newline="", encoding="utf-8") as h_out:
        writer = csv.writer(h_out)
        writer.writerow(["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"])
        for e in events.episodes:
            if e.child.id not in seen:
                seen.add(e.child.id)
                writer.writerow([e.child.id, "1", f"{e.child.born:%d/%m/%Y}", "NOBT", "", "", ""])
    with episodes.open("w", newline="", encoding="utf-8") as e_out:
        writer = csv.writer(e_out)
        writer.writerow(EPISODE_HEADER)
        for e in events.episodes:
            writer.writerow(
                [e.child.id, f"{e.start:%d/%m/%Y}", e.rne, e.legal_status, "N1", "U1", "PR1",
                 f"{e.end:%d/%m/%Y}" if e.end else "", e.rec, "", "", "", ""]
            )  # fmt: skip
    return [header, episodes]
