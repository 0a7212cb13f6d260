from __future__ import annotations

import pytest
from django.core.management import call_command

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.years import ReportingYear
from safeguarding.governance import reporting
from safeguarding.governance.models import (
    Attendance,
    Decision,
    Escalation,
    EvidenceLink,
    Meeting,
)
from safeguarding.partnership.models import Group

pytestmark = pytest.mark.django_db


def test_demo_seeds_both_years_and_is_idempotent(demo_seeded: None) -> None:
    counts = (
        Meeting.objects.count(),
        Attendance.objects.count(),
        Decision.objects.count(),
        EvidenceLink.objects.count(),
        ActivityEvent.objects.count(),
    )
    call_command("demo_seed", "--quiet-sign-ins")
    assert (
        Meeting.objects.count(),
        Attendance.objects.count(),
        Decision.objects.count(),
        EvidenceLink.objects.count(),
        ActivityEvent.objects.count(),
    ) == counts

    year = ReportingYear(2020)
    figures = reporting.governance_figures(year)
    held = {row.group: row.meetings for row in figures.meetings}
    assert held["Executive Safeguarding Partnership Board"] == 4
    assert held["Safeguarding Children Partnership Board"] == 4
    roles = {(a.role, a.agency_name) for a in figures.appointments}
    assert (
        "Safeguarding partner (Working Together 2018)",
        "Clinical Commissioning Group",
    ) in roles
    assert not any(a.role == "Lead safeguarding partner" for a in figures.appointments)
    current = reporting.appointments_in_year(ReportingYear(2025))
    assert ("Lead safeguarding partner", "Integrated Care Board") in {
        (a.role, a.agency_name) for a in current
    }
    escalation = Escalation.objects.get(to_group__name="Executive Safeguarding Partnership Board")
    assert escalation.to_group.name == "Executive Safeguarding Partnership Board"
    assert escalation.agenda_item is not None
    assert escalation.agenda_item.meeting.starts_at > escalation.from_meeting.starts_at
    assert escalation.agenda_item.meeting.starts_at.year == 2020
    assert "Neglect tools task and finish group" in {e.outcome_group for e in figures.escalations}
    assert figures.funding.total_agreed > 0
    assert figures.attendance_by_agency
    assert Group.objects.get(
        name="Child Safeguarding Practice Review subgroup"
    ).papers_policy.restricted
