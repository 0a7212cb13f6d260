"""Figures for the annual report's governance and priorities parts, for a ReportingYear.

Plain functions returning typed values, computed from the records every time:

* appointments_in_year(year) -> list[AppointmentRow]: who held each role during the year (the
  2018 safeguarding partners and the CCG in 2020-21; the 2023 lead and delegated partners and
  the ICB later), agencies named as they were then
* meetings_held(year) -> list[GroupCount]: meetings held per group (cancelled ones excluded)
* attendance_by_group(year) / attendance_by_agency(year) -> list[AttendanceRate]: seats expected
  and seats attended (present or a deputy sent), the scrutineer's evidence of engagement
* decisions_in_year(year) -> list[DecisionRow]; escalations_in_year(year) -> list[EscalationRow]
* funding_figures(year) -> FundingFigures: contributions (agreed, received) and spending lines
* priorities_in_year(year) -> list[PriorityFigures]: each priority overlapping the year, its
  plan, latest progress and evidence figures, with narrative tokens
  `priority.<number>.<figure token>` (e.g. `priority.1.actions_done`)
* report_section(year) -> ReportSection: all of it, for `annual_reports` (template
  `governance/report_section.html`).

Restricted groups' meetings count in the figures (numbers only, never their papers or
minutes): the figures are de-identified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.safestring import mark_safe

from safeguarding.core.reporting import (
    AttendanceRate,
    ReportSection,
    attendance_rates,
)
from safeguarding.core.years import ReportingYear
from safeguarding.governance import selectors
from safeguarding.governance.evidence import Figure
from safeguarding.governance.models import (
    Attendance,
    BudgetLine,
    Decision,
    Escalation,
    FundingContribution,
    Meeting,
    PriorityProgress,
)
from safeguarding.governance.selectors import AppointmentRow
from safeguarding.partnership.governance import governance_svg
from safeguarding.partnership.models import Agency, Priority
from safeguarding.partnership.selectors import agency_name_on, group_tree


def _held(year: ReportingYear) -> Q:
    return Q(cancelled=False, starts_at__date__gte=year.start, starts_at__date__lte=year.end)


def appointments_in_year(year: ReportingYear) -> list[AppointmentRow]:
    return selectors.appointments_between(start=year.start, end=year.end)


@dataclass(frozen=True)
class GroupCount:
    group: str
    meetings: int


def meetings_held(year: ReportingYear) -> list[GroupCount]:
    rows = (
        Meeting.objects.filter(_held(year))
        .values("group__name", "group__display_order")
        .annotate(n=Count("id"))
        .order_by("group__display_order", "group__name")
    )
    return [GroupCount(group=row["group__name"], meetings=row["n"]) for row in rows]


def _attendances(year: ReportingYear) -> QuerySet[Attendance]:
    """The seats of the year's meetings held, read as plain values (no ordering, no models)."""
    return Attendance.objects.filter(
        meeting__cancelled=False,
        meeting__starts_at__date__gte=year.start,
        meeting__starts_at__date__lte=year.end,
    ).order_by()


def attendance_by_group(year: ReportingYear) -> list[AttendanceRate]:
    rows = _attendances(year).values_list("meeting__group__name", "status")
    return attendance_rates([(name, status in Attendance.ATTENDED) for name, status in rows])


def attendance_by_agency(year: ReportingYear) -> list[AttendanceRate]:
    """Per agency (named as at the end of the year); seats held by named people only are
    left out. Three queries however many agencies: the seats, the agencies, their names."""
    rows = list(_attendances(year).filter(agency__isnull=False).values_list("agency_id", "status"))
    agencies = Agency.objects.filter(pk__in={pk for pk, _status in rows}).prefetch_related("names")
    names = {agency.pk: agency_name_on(agency=agency, day=year.end) for agency in agencies}
    return attendance_rates([(names[pk], status in Attendance.ATTENDED) for pk, status in rows])


@dataclass(frozen=True)
class DecisionRow:
    group: str
    date: str
    text: str


def decisions_in_year(year: ReportingYear) -> list[DecisionRow]:
    """Decisions of the year's meetings; a restricted group's decisions are left out."""
    decisions = Decision.objects.filter(
        Q(meeting__group__papers_policy__isnull=True)
        | Q(meeting__group__papers_policy__restricted=False),
        meeting__cancelled=False,
        meeting__starts_at__date__gte=year.start,
        meeting__starts_at__date__lte=year.end,
    ).select_related("meeting__group")
    return [
        DecisionRow(
            group=d.meeting.group.name, date=f"{d.meeting.starts_at:%d %B %Y}", text=d.text
        )
        for d in decisions.order_by("meeting__starts_at", "number")
    ]


@dataclass(frozen=True)
class EscalationRow:
    from_group: str
    to_group: str
    raised_on: str
    summary: str
    heard_on: str
    outcome_group: str


def escalations_in_year(year: ReportingYear) -> list[EscalationRow]:
    escalations = Escalation.objects.filter(
        raised_at__date__gte=year.start, raised_at__date__lte=year.end
    ).select_related("from_meeting__group", "to_group", "agenda_item__meeting", "outcome_group")
    return [
        EscalationRow(
            from_group=e.from_meeting.group.name,
            to_group=e.to_group.name,
            raised_on=f"{e.raised_at:%d %B %Y}",
            summary=e.summary,
            heard_on=f"{e.agenda_item.meeting.starts_at:%d %B %Y}" if e.agenda_item else "",
            outcome_group=e.outcome_group.name if e.outcome_group else "",
        )
        for e in escalations.order_by("raised_at")
    ]


@dataclass(frozen=True)
class ContributionRow:
    agency: str
    agreed: Decimal
    received: Decimal


@dataclass(frozen=True)
class SpendingRow:
    category: str
    description: str
    amount: Decimal


@dataclass(frozen=True)
class FundingFigures:
    contributions: list[ContributionRow]
    spending: list[SpendingRow]
    total_agreed: Decimal
    total_received: Decimal
    total_spent: Decimal


def funding_figures(year: ReportingYear) -> FundingFigures:
    contributions = FundingContribution.objects.filter(year_start=year.start_year).select_related(
        "agency"
    )
    lines = BudgetLine.objects.filter(year_start=year.start_year)
    totals = contributions.aggregate(agreed=Sum("agreed"), received=Sum("received"))
    return FundingFigures(
        contributions=[
            ContributionRow(
                agency=agency_name_on(agency=c.agency, day=year.end),
                agreed=c.agreed,
                received=c.received,
            )
            for c in contributions.prefetch_related("agency__names")
        ],
        spending=[
            SpendingRow(
                category=line.get_category_display(),
                description=line.description,
                amount=line.amount,
            )
            for line in lines
        ],
        total_agreed=totals["agreed"] or Decimal("0"),
        total_received=totals["received"] or Decimal("0"),
        total_spent=lines.aggregate(total=Sum("amount"))["total"] or Decimal("0"),
    )


@dataclass(frozen=True)
class PriorityFigures:
    number: int
    title: str
    what_it_is: str
    what_we_will_do: str
    how: str
    what_success_looks_like: str
    lead_group: str
    latest_progress: PriorityProgress | None
    figures: list[Figure] = field(default_factory=list)

    @property
    def tokens(self) -> dict[str, int]:
        """Narrative tokens: {"priority.1.actions_done": 3, ...}."""
        return {f"priority.{self.number}.{f.token}": f.value for f in self.figures}


def priorities_in_year(year: ReportingYear) -> list[PriorityFigures]:
    priorities = (
        Priority.objects.filter(period_start__lte=year.end, period_end__gte=year.start)
        .select_related("lead_group")
        .order_by("number")
    )
    result = []
    for priority in priorities:
        plan = selectors.priority_plan(priority=priority)
        latest = (
            PriorityProgress.objects.filter(priority=priority, year_start__lte=year.start_year)
            .order_by("-year_start", "-quarter")
            .first()
        )
        result.append(
            PriorityFigures(
                number=priority.number,
                title=priority.title,
                what_it_is=plan.what_it_is if plan else "",
                what_we_will_do=priority.what_we_will_do,
                how=plan.how if plan else "",
                what_success_looks_like=priority.what_success_looks_like,
                lead_group=priority.lead_group.name if priority.lead_group else "",
                latest_progress=latest,
                figures=selectors.priority_figure_list(priority=priority),
            )
        )
    return result


@dataclass(frozen=True)
class GovernanceFigures:
    year: ReportingYear
    appointments: list[AppointmentRow]
    meetings: list[GroupCount]
    attendance_by_group: list[AttendanceRate]
    attendance_by_agency: list[AttendanceRate]
    decisions: list[DecisionRow]
    escalations: list[EscalationRow]
    funding: FundingFigures
    priorities: list[PriorityFigures]
    drawing: str  # the governance structure (partnership.governance), safe SVG markup

    @property
    def tokens(self) -> dict[str, int]:
        tokens = {
            "governance.meetings": sum(g.meetings for g in self.meetings),
            "governance.decisions": len(self.decisions),
            "governance.escalations": len(self.escalations),
        }
        for priority in self.priorities:
            tokens.update(priority.tokens)
        return tokens


def governance_figures(year: ReportingYear) -> GovernanceFigures:
    return GovernanceFigures(
        year=year,
        appointments=appointments_in_year(year),
        meetings=meetings_held(year),
        attendance_by_group=attendance_by_group(year),
        attendance_by_agency=attendance_by_agency(year),
        decisions=decisions_in_year(year),
        escalations=escalations_in_year(year),
        funding=funding_figures(year),
        priorities=priorities_in_year(year),
        drawing=mark_safe(  # noqa: S308 - built from escaped text by partnership.governance
            governance_svg(group_tree(), title_id="governance-report-title")
        ),
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="governance",
        title="Governance, priorities and funding",
        template="governance/report_section.html",
        figures=governance_figures(year),
    )
