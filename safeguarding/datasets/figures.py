"""The counting rules: every figure, its rule and its source, computed from stored records.

Year P = 1 April .. 31 March, snapshot D = 31 March (reference/data-returns.md section 4).
Each figure family reads one return, chosen in order of preference from the area's current
imports that overlap the year; the figure records which return (and import) it came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

from django.db import connection, transaction
from django.db.models import Count, DateField, Exists, Func, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from safeguarding.core.working_days import add_working_days
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import specifications
from safeguarding.datasets.figures_returns_2026 import LATER_FIGURES
from safeguarding.datasets.models import ImportBatch, RecordKind, ReturnKind, ReturnRecord
from safeguarding.partnership.models import Area

SHORT_BREAKS = ("V3", "V4")
ASSESSMENT_WORKING_DAYS = 45
ICPC_WORKING_DAYS = 15
COUNTING_WORK_MEM = "64MB"
# Raise when a counting rule changes: stored figures of an older version are recomputed
# (manage.py figures_recompute) and every stored figure records the version it was made by.
RULES_VERSION = 2  # 2: the later layouts' figures (issue #19)
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Family:
    key: str
    label: str
    record_kind: str
    sources: tuple[str, ...]
    # The optional part of the layout the records come from (specifications.PART_*): an import
    # without it gives no figure (x), never 0.
    part: str = ""
    # A snapshot taken when the list was run (Annex A List 9): only an import ending on the
    # year's 31 March gives the year's figure.
    run_date_snapshot: bool = False

    @property
    def source_labels(self) -> list[str]:
        return [str(ReturnKind(s).label) for s in self.sources]


FAMILIES: dict[str, Family] = {
    f.key: f
    for f in (
        Family("contacts", "Contacts", RecordKind.CONTACT, (ReturnKind.ANNEX_A,)),
        Family("early_help", "Early help", RecordKind.EARLY_HELP, (ReturnKind.ANNEX_A,)),
        Family(
            "referrals", "Referrals", RecordKind.REFERRAL, (ReturnKind.CIN, ReturnKind.ANNEX_A)
        ),
        Family(
            "assessments",
            "Single assessments",
            RecordKind.ASSESSMENT,
            (ReturnKind.CIN, ReturnKind.ANNEX_A),
        ),
        Family(
            "s47",
            "Section 47 enquiries",
            RecordKind.SECTION_47,
            (ReturnKind.CIN, ReturnKind.ANNEX_A),
        ),
        Family(
            "cp",
            "Child protection plans",
            RecordKind.CP_PLAN,
            (ReturnKind.CIN, ReturnKind.ANNEX_A),
        ),
        Family(
            "care",
            "Children in care",
            RecordKind.CARE_EPISODE,
            (ReturnKind.SSDA903, ReturnKind.ANNEX_A),
        ),
        Family(
            "pre_proceedings",
            "Pre-proceedings",
            RecordKind.PRE_PROCEEDINGS,
            (ReturnKind.CIN,),
            specifications.PART_PRE_PROCEEDINGS,
        ),
        Family(
            "fgdm",
            "Family group decision-making",
            RecordKind.FGDM,
            (ReturnKind.CIN,),
            specifications.PART_PRE_PROCEEDINGS,
        ),
        Family(
            "family_help",
            "Early help and family help",
            RecordKind.CIN_EPISODE,
            (ReturnKind.CIN,),
            specifications.PART_EARLY_HELP_CODES,
        ),
        Family(
            "care_leavers",
            "Care leavers",
            RecordKind.CARE_LEAVER,
            (ReturnKind.ANNEX_A,),
            specifications.PART_LIST_9,
            run_date_snapshot=True,
        ),
        Family(
            "adoption",
            "Adoption",
            RecordKind.ADOPTION,
            (ReturnKind.ANNEX_A,),
            specifications.PART_LIST_10,
        ),
        Family(
            "adopters",
            "Adopters",
            RecordKind.ADOPTER,
            (ReturnKind.ANNEX_A,),
            specifications.PART_LIST_11,
        ),
    )
}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    family: str
    rule: str
    in_annual_report: bool = False
    by_quarter: bool = False
    is_snapshot: bool = False
    rated: bool = True  # a rate per 10,000 children aged 0-17 means something
    in_later_report: bool = False  # the report's table of the later layouts' figures


def _later(key: str, family: str, rule: str, **flags: bool) -> Figure:
    """A figure of the later layouts, labelled as figures_returns_2026.LATER_FIGURES has it."""
    return Figure(key, LATER_FIGURES[key][0], family, rule, rated=False, **flags)


FIGURES: tuple[Figure, ...] = (
    Figure(
        "contacts", "Contacts", "contacts", "Rows with a date of contact in the year.", True, True
    ),
    Figure(
        "children_contacted",
        "Children contacted",
        "contacts",
        "Distinct children with a contact in the year.",
    ),
    Figure(
        "referrals",
        "Referrals",
        "referrals",
        "Referrals with a referral date in the year.",
        True,
        True,
    ),
    Figure(
        "referrals_nfa",
        "Referrals with no further action",
        "referrals",
        "Referrals in the year marked no further action (NFA).",
    ),
    Figure(
        "re_referrals",
        "Re-referrals within 12 months",
        "referrals",
        "Referrals in the year for a child with an earlier referral on or after the same date "
        "12 months before (exactly 12 months counts), found across all of the area's imports.",
    ),
    Figure(
        "assessments_completed",
        "Single assessments completed",
        "assessments",
        "Assessments with an authorisation date in the year (as DfE publishes).",
        True,
        True,
    ),
    Figure(
        "assessments_started",
        "Single assessments started",
        "assessments",
        "Assessments with a start date in the year.",
        by_quarter=True,
    ),
    Figure(
        "assessments_within_45_days",
        "Assessments completed within 45 working days",
        "assessments",
        "Assessments completed in the year whose authorisation date is no more than 45 working "
        "days (England and Wales bank holidays excluded) after the start date.",
    ),
    Figure(
        "early_help_started",
        "Early help assessments initiated",
        "early_help",
        "Early help assessments with a start date in the year (the cohort is defined by each "
        "local authority, so this is not comparable across areas).",
        True,
        True,
    ),
    Figure(
        "s47_started",
        "Section 47 enquiries started",
        "s47",
        "Section 47 enquiries started in the year (no return holds a completion date, so "
        "enquiries are counted when they start, as DfE's 'section 47s in the year').",
        True,
        True,
    ),
    Figure(
        "icpcs_held",
        "Initial child protection conferences held",
        "s47",
        "Initial child protection conferences dated in the year.",
    ),
    Figure(
        "icpcs_within_15_days",
        "Conferences within 15 working days of the strategy discussion",
        "s47",
        "Conferences held in the year no more than 15 working days after the strategy "
        "discussion (the section 47 start).",
    ),
    Figure(
        "cp_plans_at_31_march",
        "Children on a child protection plan at 31 March",
        "cp",
        "Distinct children with a plan started on or before 31 March and not ended by then "
        "(a plan ending on 31 March itself is not counted).",
        True,
        is_snapshot=True,
    ),
    Figure(
        "cp_plans_started",
        "Child protection plans started",
        "cp",
        "Plans with a start date in the year.",
        by_quarter=True,
    ),
    Figure(
        "children_in_care_at_31_march",
        "Children in care at 31 March",
        "care",
        "Distinct children with an episode of care open at 31 March (started on or before it, "
        "ceased after it or not at all), excluding short breaks (legal status V3 and V4).",
        True,
        is_snapshot=True,
    ),
    Figure(
        "care_started",
        "Periods of care started",
        "care",
        "SSDA903: episodes with reason for new episode S dated in the year. Annex A List 8: "
        "the date the child started to be looked after is in the year.",
        by_quarter=True,
    ),
    Figure(
        "care_ceased",
        "Periods of care ceased",
        "care",
        "SSDA903: episodes ceasing in the year with a reason other than X1 (X1 ends an episode "
        "while the child stays in care). Annex A List 8: the date care ceased is in the year.",
        by_quarter=True,
    ),
    _later(
        "pre_proceedings_at_end",
        "pre_proceedings",
        "Distinct children with a pre-proceedings start on or before 31 March and no end, or an "
        "end after it (CIN census 2026-27 on).",
        is_snapshot=True,
        in_later_report=True,
    ),
    _later(
        "pre_proceedings_started",
        "pre_proceedings",
        "Distinct children with a pre-proceedings start in the year (CIN census 2026-27 on).",
        by_quarter=True,
        in_later_report=True,
    ),
    _later(
        "fgdm_offered",
        "fgdm",
        "Family group decision-making meetings offered in the year, each meeting counted "
        "(CIN census 2026-27 on).",
        by_quarter=True,
        in_later_report=True,
    ),
    _later(
        "fgdm_held",
        "fgdm",
        "Family group decision-making meetings held in the year, each meeting counted (CIN "
        "census 2026-27 on).",
        by_quarter=True,
        in_later_report=True,
    ),
    _later(
        "referrals_from_early_help",
        "family_help",
        "Children in need episodes with referral source 5D (early help) and a referral date in "
        "the year (CIN census 2023-24 on).",
        by_quarter=True,
        in_later_report=True,
    ),
    _later(
        "closed_to_early_help",
        "family_help",
        "Children in need episodes closed in the year with reason RC9 (closed after assessment, "
        "referred to early help) (CIN census 2023-24 on).",
        by_quarter=True,
        in_later_report=True,
    ),
    _later(
        "care_leavers",
        "care_leavers",
        "Distinct young people on Annex A List 9, from an import ending on 31 March (the list is "
        "a snapshot on the day it was run).",
        is_snapshot=True,
    ),
    _later(
        "care_leavers_in_touch",
        "care_leavers",
        "Care leavers on List 9 whose local authority is in touch with them (the code Yes; "
        "Rhom, NREQ and Refu are not).",
        is_snapshot=True,
        in_later_report=True,
    ),
    _later(
        "care_leavers_suitable",
        "care_leavers",
        "Care leavers on List 9 in accommodation recorded as Suitable.",
        is_snapshot=True,
        in_later_report=True,
    ),
    _later(
        "children_adopted",
        "adoption",
        "Distinct children on Annex A List 10 with an adoption order dated in the year.",
        by_quarter=True,
        in_later_report=True,
    ),
    _later(
        "adopters_approved",
        "adopters",
        "Distinct adopters on Annex A List 11 with stage 2 ended or the application approved in "
        "the year.",
        by_quarter=True,
    ),
)
FIGURE_BY_KEY = {f.key: f for f in FIGURES}
REPORT_FIGURES = tuple(f for f in FIGURES if f.in_annual_report)
LATER_REPORT_FIGURES = tuple(f for f in FIGURES if f.in_later_report)


@dataclass(frozen=True)
class FigureValue:
    key: str
    value: int | None
    source: str = ""
    batch_id: int | None = None
    partial: bool = False


def quarters(year: ReportingYear) -> list[tuple[date, date]]:
    y = year.start_year
    return [
        (date(y, 4, 1), date(y, 6, 30)),
        (date(y, 7, 1), date(y, 9, 30)),
        (date(y, 10, 1), date(y, 12, 31)),
        (date(y + 1, 1, 1), date(y + 1, 3, 31)),
    ]


@lru_cache(maxsize=4096)
def _due(start: date, days: int) -> date:
    return add_working_days(start, days)


def _open_at(day: date) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gt=day))


def family_values(
    family: Family,
    records: QuerySet[ReturnRecord],
    *,
    kind: str,
    start: date,
    end: date,
    history: QuerySet[ReturnRecord] | None = None,
) -> dict[str, int]:
    """The figures of one family from one return's records, for the days start..end (end is
    the snapshot date for the 'at 31 March' figures)."""
    in_p = Q(start__gte=start, start__lte=end)
    if family.key == "contacts":
        # One pass: contacts per child, then the children and the sum of their contacts.
        per_child = records.filter(in_p).values("child_hash").annotate(n=Count("pk"))
        counted = per_child.aggregate(contacts=Coalesce(Sum("n"), 0), children=Count("child_hash"))
        return {"contacts": counted["contacts"], "children_contacted": counted["children"]}
    if family.key == "early_help":
        return {"early_help_started": records.filter(in_p).count()}
    if family.key == "referrals":
        return _referrals(records, start=start, end=end, history=history)
    if family.key == "assessments":
        completed = list(records.filter(end__gte=start, end__lte=end).values_list("start", "end"))
        return {
            "assessments_completed": len(completed),
            "assessments_started": records.filter(in_p).count(),
            "assessments_within_45_days": sum(
                1
                for s, e in completed
                if s is not None and e is not None and e <= _due(s, ASSESSMENT_WORKING_DAYS)
            ),
        }
    if family.key == "s47":
        held = list(records.filter(event__gte=start, event__lte=end).values_list("start", "event"))
        return {
            "s47_started": records.filter(in_p).count(),
            "icpcs_held": len(held),
            "icpcs_within_15_days": sum(
                1
                for s, e in held
                if s is not None and e is not None and e <= _due(s, ICPC_WORKING_DAYS)
            ),
        }
    if family.key == "cp":
        return {
            "cp_plans_at_31_march": records.filter(_open_at(end))
            .values("child_hash")
            .distinct()
            .count(),
            "cp_plans_started": records.filter(in_p).count(),
        }
    if family.key == "care":
        return _care(records, kind=kind, start=start, end=end)
    return _later_values(family, records, start=start, end=end)


def _children(records: QuerySet[ReturnRecord]) -> int:
    return records.values("child_hash").distinct().count()


def _later_values(
    family: Family, records: QuerySet[ReturnRecord], *, start: date, end: date
) -> dict[str, int]:
    """The later layouts' figures (the same rules as figures_returns_2026, in the database)."""
    in_p = Q(start__gte=start, start__lte=end)
    event_in_p = Q(event__gte=start, event__lte=end)
    if family.key == "pre_proceedings":
        return {
            "pre_proceedings_at_end": _children(records.filter(_open_at(end))),
            "pre_proceedings_started": _children(records.filter(in_p)),
        }
    if family.key == "fgdm":
        return records.aggregate(
            fgdm_offered=Count("pk", filter=in_p), fgdm_held=Count("pk", filter=event_in_p)
        )
    if family.key == "family_help":
        return records.aggregate(
            referrals_from_early_help=Count("pk", filter=in_p & Q(reason_new="5D")),
            closed_to_early_help=Count(
                "pk", filter=Q(end__gte=start, end__lte=end, reason_ended="RC9")
            ),
        )
    if family.key == "care_leavers":
        return {
            "care_leavers": _children(records),
            "care_leavers_in_touch": _children(records.filter(flag=True)),
            "care_leavers_suitable": _children(records.filter(reason_ended="S")),
        }
    if family.key == "adoption":
        return {"children_adopted": _children(records.filter(event_in_p))}
    return {"adopters_approved": _children(records.filter(in_p | event_in_p))}


def _care(records: QuerySet[ReturnRecord], *, kind: str, start: date, end: date) -> dict[str, int]:
    at_d = (
        records.filter(_open_at(end))
        .exclude(legal_status__in=SHORT_BREAKS)
        .values("child_hash")
        .distinct()
        .count()
    )
    started = records.filter(start__gte=start, start__lte=end)
    ceased = records.filter(end__gte=start, end__lte=end)
    if kind == ReturnKind.SSDA903:
        started = started.filter(reason_new="S")
        ceased = ceased.exclude(reason_ended="X1")
    return {
        "children_in_care_at_31_march": at_d,
        "care_started": started.count(),
        "care_ceased": ceased.count(),
    }


class YearBefore(Func):
    """The same day a year earlier, in the database; 29 February gives 28 February."""

    output_field = DateField()
    template = "CAST((%(expressions)s - INTERVAL '1 year') AS date)"  # PostgreSQL keeps 28 Feb

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # SQLite keeps dates as 'YYYY-MM-DD' text; no '%' here (query logging formats with %)
        template = (
            "CASE WHEN substr(%(expressions)s, 6, 5) = '02-29' "
            "THEN date(%(expressions)s, '-1 year', '-1 day') "
            "ELSE date(%(expressions)s, '-1 year') END"
        )
        return self.as_sql(compiler, connection, template=template, **extra)


def _referrals(
    records: QuerySet[ReturnRecord],
    *,
    start: date,
    end: date,
    history: QuerySet[ReturnRecord] | None,
) -> dict[str, int]:
    """A referral in the period is a re-referral when the same child has another referral (in
    any of the area's current imports of the return) on or after the same day a year before
    and before the referral's own day."""
    in_period = records.filter(start__gte=start, start__lte=end)
    counts = in_period.aggregate(
        referrals=Count("pk"), referrals_nfa=Count("pk", filter=Q(flag=True))
    )
    source = history if history is not None else records
    count = re_referrals_in_database if connection.vendor == "postgresql" else re_referrals_here
    return {
        "referrals": counts["referrals"],
        "referrals_nfa": counts["referrals_nfa"],
        "re_referrals": count(in_period, source, start=start, end=end),
    }


def re_referrals_in_database(
    in_period: QuerySet[ReturnRecord], source: QuerySet[ReturnRecord], *, start: date, end: date
) -> int:
    """PostgreSQL: one semi-join (hashed on the child, with fresh statistics after each
    import)."""
    earlier = source.filter(
        child_hash=OuterRef("child_hash"),
        start__lt=OuterRef("start"),
        start__gte=YearBefore(OuterRef("start")),
    )
    return in_period.filter(Exists(earlier)).count()


def re_referrals_here(
    in_period: QuerySet[ReturnRecord], source: QuerySet[ReturnRecord], *, start: date, end: date
) -> int:
    """The same rule in Python, for SQLite (the first-run demo), which would compare every pair
    of referrals: the period's referrals and the year before them are read once."""
    in_year = list(in_period.values_list("child_hash", "start"))
    children = {child for child, _day in in_year}
    earlier: dict[str, set[date]] = defaultdict(set)
    for child, day in source.filter(start__gte=_year_before(start), start__lte=end).values_list(
        "child_hash", "start"
    ):
        if child in children and day is not None:
            earlier[child].add(day)
    return sum(
        1
        for child, day in in_year
        if day is not None and any(_year_before(day) <= other < day for other in earlier[child])
    )


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _pick_batch(area: Area, family: Family, year: ReportingYear) -> ImportBatch | None:
    candidates = list(
        ImportBatch.objects.filter(
            area=area,
            status=ImportBatch.Status.CURRENT,
            kind__in=family.sources,
            period_start__lte=year.end,
            period_end__gte=year.start,
        )
    )
    if family.part:  # only an import whose file carried the part gives its figures
        candidates = [b for b in candidates if family.part in b.parts]
    if not candidates:
        return None

    def rank(batch: ImportBatch) -> tuple[int, int, int, int]:
        covers = batch.period_start <= year.start and batch.period_end >= year.end
        return (
            family.sources.index(batch.kind),
            0 if covers else 1,
            -batch.period_end.toordinal(),
            -batch.pk,
        )

    return min(candidates, key=rank)


def history_for(area: Area, family: Family, kind: str) -> QuerySet[ReturnRecord]:
    """Every current import's records of the family's kind for the area (re-referrals look
    back across imports)."""
    return ReturnRecord.objects.filter(
        batch__area=area,
        batch__status=ImportBatch.Status.CURRENT,
        batch__kind=kind,
        kind=family.record_kind,
    )


def _room_to_count(compute: Callable[P, R]) -> Callable[P, R]:
    """On PostgreSQL the figures' queries get more working memory than the server's default
    (4 MB), for their transaction only: counting the distinct children among 400,000 contacts
    then hashes in memory instead of sorting on disk."""

    @wraps(compute)
    def counted(*args: P.args, **kwargs: P.kwargs) -> R:
        if connection.vendor != "postgresql":
            return compute(*args, **kwargs)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{COUNTING_WORK_MEM}'")
            return compute(*args, **kwargs)

    return counted


@_room_to_count
def area_figures(area: Area, year: ReportingYear) -> dict[str, FigureValue]:
    values: dict[str, FigureValue] = {}
    for family in FAMILIES.values():
        batch = _pick_batch(area, family, year)
        members = [f for f in FIGURES if f.family == family.key]
        if batch is None:
            values.update({f.key: FigureValue(f.key, None) for f in members})
            continue
        computed = _counted_at_check(batch, family, year)
        if computed is None:
            computed = family_values(
                family,
                ReturnRecord.objects.filter(batch=batch, kind=family.record_kind),
                kind=batch.kind,
                start=year.start,
                end=year.end,
                history=history_for(area, family, batch.kind),
            )
        partial = not (batch.period_start <= year.start and batch.period_end >= year.end)
        for figure in members:
            value: int | None = computed[figure.key]
            if figure.is_snapshot and batch.period_end < year.end:
                value = None
            if family.run_date_snapshot and batch.period_end != year.end:
                value = None
            values[figure.key] = FigureValue(
                figure.key, value, batch.get_kind_display(), batch.pk, partial
            )
    return values


# The families whose figures read other imports' records too (re-referrals look back across
# the area's imports): what one import counted alone at its check is not theirs to reuse.
_READS_OTHER_IMPORTS = {"referrals"}


def kept_counts(counts: dict[int, dict[str, int]]) -> dict[str, Any]:
    """What an import keeps of its check's counts (`ImportBatch.check_figures["figures"]`, ADR
    0016): the figures it gave alone for each of its years, with the counting rules' version."""
    return {
        "figures": {
            "rules_version": RULES_VERSION,
            "years": {str(year): values for year, values in counts.items()},
        }
    }


def _counted_at_check(
    batch: ImportBatch, family: Family, year: ReportingYear
) -> dict[str, int] | None:
    """The family's figures for the year as the import's check counted them from the same
    records by the same rules (stored records never change), or None when they must be counted:
    the family reads other imports, the check kept no counts (an older import) or counted by
    other rules, or it did not count this family for this year."""
    if family.key in _READS_OTHER_IMPORTS:
        return None
    kept = batch.check_figures.get("figures") if batch.check_figures else None
    if not kept or kept.get("rules_version") != RULES_VERSION:
        return None
    values = kept["years"].get(str(year.start_year))
    keys = [f.key for f in FIGURES if f.family == family.key]
    if values is None or any(key not in values for key in keys):
        return None
    return {key: values[key] for key in keys}


@_room_to_count
def batch_figures(batch: ImportBatch, year: ReportingYear) -> dict[str, int]:
    """The figures one import alone gives for a year (to compare a re-import with the last)."""
    out: dict[str, int] = {}
    for family in FAMILIES.values():
        if batch.kind not in family.sources or (family.part and family.part not in batch.parts):
            continue
        if family.run_date_snapshot and batch.period_end != year.end:
            continue
        records = ReturnRecord.objects.filter(batch=batch, kind=family.record_kind)
        out.update(family_values(family, records, kind=batch.kind, start=year.start, end=year.end))
    return out


# The by-quarter figures' rules as family_values has them, each as the rows it counts in the
# days start..end ("rows": each row counted; "children": distinct children), so a family's four
# quarters are counted in one query.
_STARTED = {
    "contacts", "referrals", "assessments_started", "early_help_started", "s47_started",
    "cp_plans_started", "fgdm_offered",
}  # fmt: skip


def quarter_rule(key: str, kind: str, start: date, end: date) -> tuple[Q, bool]:
    """The rows a by-quarter figure counts for the days start..end, and whether it counts
    distinct children (True) or rows (False); the same rules as family_values."""
    started = Q(start__gte=start, start__lte=end)
    ended = Q(end__gte=start, end__lte=end)
    held = Q(event__gte=start, event__lte=end)
    ssda903 = kind == ReturnKind.SSDA903
    rules: dict[str, tuple[Q, bool]] = {
        "assessments_completed": (ended, False),
        "care_started": (started & Q(reason_new="S") if ssda903 else started, False),
        "care_ceased": (ended & ~Q(reason_ended="X1") if ssda903 else ended, False),
        "pre_proceedings_started": (started, True),
        "fgdm_held": (held, False),
        "referrals_from_early_help": (started & Q(reason_new="5D"), False),
        "closed_to_early_help": (ended & Q(reason_ended="RC9"), False),
        "children_adopted": (held, True),
        "adopters_approved": (started | held, True),
    }
    if key in _STARTED:
        return started, False
    return rules[key]


@_room_to_count
def area_quarter_figures(area: Area, year: ReportingYear) -> dict[str, list[int | None]]:
    """Counts of the event-dated figures for each quarter of the year: one query a family
    (every figure of the family for every quarter its import covers)."""
    out: dict[str, list[int | None]] = {f.key: [] for f in FIGURES if f.by_quarter}
    spans = quarters(year)
    for family in FAMILIES.values():
        keys = [f.key for f in FIGURES if f.family == family.key and f.by_quarter]
        if not keys:
            continue
        batch = _pick_batch(area, family, year)
        covered = [
            batch is not None and batch.period_start <= q_start and batch.period_end >= q_end
            for q_start, q_end in spans
        ]
        counted: dict[str, int] = {}
        if batch is not None and any(covered):
            counts: dict[str, Count] = {}
            for key in keys:
                for number, (q_start, q_end) in enumerate(spans):
                    if covered[number]:
                        rule, children = quarter_rule(key, batch.kind, q_start, q_end)
                        counts[f"q{number}_{key}"] = Count(
                            "child_hash" if children else "pk", distinct=children, filter=rule
                        )
            records = ReturnRecord.objects.filter(batch=batch, kind=family.record_kind)
            counted = records.aggregate(**counts)
        for key in keys:
            out[key] = [
                counted[f"q{number}_{key}"] if covered[number] else None
                for number in range(len(spans))
            ]
    return out


def rate_per_10k(count: int | None, population: int | None) -> Decimal | None:
    """Per 10,000 children aged 0-17, to one decimal place, rounded half up."""
    if count is None or not population:
        return None
    return (Decimal(count) * 10_000 / Decimal(population)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
