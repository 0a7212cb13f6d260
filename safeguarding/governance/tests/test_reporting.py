from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions.tests.factories import ActionFactory
from safeguarding.core.years import ReportingYear
from safeguarding.governance import cards, reporting, services
from safeguarding.governance.models import Attendance, BudgetLine
from safeguarding.governance.tests.factories import GroupMembershipFactory, MeetingFactory
from safeguarding.partnership.models import Group, GroupMembership
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory, PriorityFactory

pytestmark = pytest.mark.django_db

YEAR = ReportingYear(2020)


def _held(group: Group, day: date, statuses: list[str], seats: list[GroupMembership]) -> None:
    starts = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    meeting = MeetingFactory.create(
        group=group, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    services.meeting_attendance_record(
        actor=None,
        meeting=meeting,
        entries=[
            services.AttendanceEntry(seat, status, "Deputy" if status == "deputy" else "")
            for seat, status in zip(seats, statuses, strict=True)
        ],
    )
    services.decision_record(actor=None, meeting=meeting, text="Agreed.")


def test_attendance_figures_match_a_count_by_hand() -> None:
    group = GroupFactory.create(name="Board")
    police, health = AgencyFactory.create(name="Police A"), AgencyFactory.create(name="Health B")
    seats = [
        GroupMembershipFactory.create(group=group, agency=police),
        GroupMembershipFactory.create(group=group, agency=health),
    ]
    _held(group, date(2020, 6, 9), ["present", "apologies"], seats)
    _held(group, date(2020, 9, 8), ["deputy", "present"], seats)
    _held(group, date(2021, 6, 8), ["absent", "absent"], seats)  # another year

    by_group = reporting.attendance_by_group(YEAR)
    by_agency = {row.name: row for row in reporting.attendance_by_agency(YEAR)}
    in_year = Attendance.objects.filter(
        meeting__starts_at__date__gte=YEAR.start, meeting__starts_at__date__lte=YEAR.end
    )
    assert [(r.name, r.expected, r.attended) for r in by_group] == [
        ("Board", in_year.count(), in_year.filter(status__in=["present", "deputy"]).count())
    ]
    assert (by_agency["Police A"].expected, by_agency["Police A"].attended) == (2, 2)
    assert (by_agency["Health B"].attended, by_agency["Health B"].percent) == (1, 50)
    assert reporting.meetings_held(YEAR)[0].meetings == 2
    assert len(reporting.decisions_in_year(YEAR)) == 2


@pytest.mark.parametrize("agencies", [2, 6])
def test_attendance_by_agency_takes_three_queries_however_many_agencies(
    agencies: int, django_assert_num_queries
) -> None:
    group = GroupFactory.create(name="Board")
    seats = [
        GroupMembershipFactory.create(group=group, agency=AgencyFactory.create())
        for _ in range(agencies)
    ]
    _held(group, date(2020, 6, 9), ["present"] * agencies, seats)
    with django_assert_num_queries(3):  # the seats, the agencies, their names
        rows = reporting.attendance_by_agency(YEAR)
    assert len(rows) == agencies
    with django_assert_num_queries(1):
        assert reporting.attendance_by_group(YEAR)[0].expected == agencies


def test_restricted_groups_decisions_are_left_out_of_the_report() -> None:
    group = GroupFactory.create()
    services.group_papers_policy_set(
        actor=None, group=group, restricted=True, papers_working_days=5
    )
    seat = GroupMembershipFactory.create(group=group, agency=AgencyFactory.create())
    _held(group, date(2020, 6, 9), ["present"], [seat])
    assert reporting.decisions_in_year(YEAR) == []
    assert reporting.meetings_held(YEAR)[0].meetings == 1


def test_funding_totals() -> None:
    for amount in (100, 250):
        services.funding_contribution_record(
            actor=None,
            agency=AgencyFactory.create(),
            year_start=2020,
            agreed=Decimal(amount),
            received=Decimal(amount - 50),
        )
    services.budget_line_record(
        actor=None, year_start=2020, category=BudgetLine.Category.SCRUTINY, amount=Decimal(90)
    )
    figures = reporting.funding_figures(YEAR)
    assert (figures.total_agreed, figures.total_received, figures.total_spent) == (
        Decimal(350),
        Decimal(250),
        Decimal(90),
    )


def test_priority_tokens_for_narratives() -> None:
    priority = PriorityFactory.create(period_start=date(2020, 1, 1), period_end=date(2021, 12, 31))
    services.evidence_link(actor=None, priority=priority, record=ActionFactory.create())
    figures = reporting.governance_figures(YEAR)
    assert figures.tokens[f"priority.{priority.number}.actions"] == 1
    assert figures.tokens[f"priority.{priority.number}.actions_done"] == 0
    assert reporting.report_section(YEAR).key == "governance"


def test_papers_late_card_for_staff_only(owner: User, make_user: Callable[..., User]) -> None:
    MeetingFactory.create(papers_due_on=timezone.localdate() - timedelta(days=1))
    card = cards.papers_late_card(owner)
    assert card is not None
    assert card.count == 1
    assert cards.papers_late_card(make_user(Role.SCRUTINEER)) is None


def test_reminder_command_is_safe_to_run_twice(owner: User) -> None:
    MeetingFactory.create(papers_due_on=timezone.localdate() - timedelta(days=1))
    first, second = StringIO(), StringIO()
    call_command("governance_send_reminders", stdout=first)
    call_command("governance_send_reminders", stdout=second)
    assert first.getvalue().startswith("1 papers-late")
    assert second.getvalue().startswith("0 papers-late")
