"""The demo partnership's governance: appointments under the 2018 model (2020-21) and the 2023
model (now), the agencies in the arrangements, two versions of the arrangements, funding, a
year of meetings of every group in 2020-21 and in the current year (attendance by agency,
decisions, actions, the Section 11 escalation to the executive board), and the priorities plan
with its evidence and quarterly progress.

Every person is invented. Idempotent: each record is looked up by its natural key first.
Writes go through the services, so the demo has an activity log.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TextIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.core.demo import aware_at, say
from safeguarding.core.years import ReportingYear
from safeguarding.governance import services
from safeguarding.governance.models import (
    Appointment,
    ArrangementsDocument,
    ArrangementsMember,
    Attendance,
    BudgetLine,
    Escalation,
    EvidenceLink,
    GroupPapersPolicy,
    Meeting,
    PriorityPlan,
    PriorityProgress,
)
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership import services as partnership_services
from safeguarding.partnership.demo import demo_email
from safeguarding.partnership.models import Agency, Group, GroupMembership, Priority

EXEC = "Executive Safeguarding Partnership Board"
BOARD = "Safeguarding Children Partnership Board"
QEG = "Quality & Effectiveness Group"
CSPR = "Child Safeguarding Practice Review subgroup"
TRAINING = "Training & Development subgroup"
EXPLOITATION = "Exploitation Strategic Group"
NEGLECT_TF = "Neglect tools task and finish group"
CSA_TF = "Child sexual abuse task and finish group"
CDOP = "Child Death Overview Panel"

LA_C = "Cambridgeshire County Council"
LA_P = "Peterborough City Council"
HEALTH = "Clinical Commissioning Group"  # renamed Integrated Care Board in 2022
POLICE = "Cambridgeshire Constabulary"

# Agency seats on each group.
SEATS: dict[str, list[str]] = {
    EXEC: [LA_C, LA_P, HEALTH, POLICE, "Public Health", "Healthwatch"],
    BOARD: [
        "Children Social Care",
        HEALTH,
        POLICE,
        "Education",
        "Cambridgeshire and Peterborough Foundation Trust",
        "Cambridgeshire Community Services",
        "National Probation Service",
        "Voluntary sector representatives",
    ],
    QEG: ["Children Social Care", HEALTH, POLICE, "Education"],
    CSPR: ["Children Social Care", HEALTH, POLICE],
    TRAINING: ["Children Social Care", HEALTH, "Education", "Cambridgeshire Community Services"],
    EXPLOITATION: ["Children Social Care", POLICE, "YOS", "Education"],
    NEGLECT_TF: ["Children Social Care", HEALTH, "Cambridgeshire Community Services"],
    CSA_TF: ["Children Social Care", POLICE, HEALTH, "Education"],
}
# Meetings a year (the boards and standing subgroups quarterly; task and finish groups less).
MEETINGS_A_YEAR = dict.fromkeys(SEATS, 4) | {NEGLECT_TF: 3, CSA_TF: 3}
RESTRICTED = [CSPR, CDOP]

# (role, name, job title, agency or None, from, to)
APPOINTMENTS: list[tuple[str, str, str, str | None, date, date | None]] = [
    (
        "safeguarding_partner",
        "Robin Demo-Partner",
        "Executive Director, People and Communities",
        LA_C,
        date(2019, 6, 29),
        date(2024, 9, 30),
    ),
    (
        "safeguarding_partner",
        "Robin Demo-Partner",
        "Executive Director, People and Communities",
        LA_P,
        date(2019, 6, 29),
        date(2024, 9, 30),
    ),
    (
        "safeguarding_partner",
        "Sky Demo-Nurse",
        "Chief Nurse",
        HEALTH,
        date(2019, 6, 29),
        date(2024, 9, 30),
    ),
    (
        "safeguarding_partner",
        "Lee Demo-Constable",
        "Assistant Chief Constable",
        POLICE,
        date(2019, 6, 29),
        date(2024, 9, 30),
    ),
    ("chair", "Nat Demo-Chair", "Independent chair", None, date(2019, 6, 29), date(2024, 9, 30)),
    ("scrutineer", "Kit Demo-Scrutiny", "Independent scrutineer", None, date(2020, 11, 1), None),
    ("lead_partner", "Ari Demo-Executive", "Chief Executive", LA_C, date(2024, 10, 1), None),
    ("lead_partner", "Bo Demo-Executive", "Chief Executive", LA_P, date(2024, 10, 1), None),
    (
        "lead_partner",
        "Cy Demo-Executive",
        "Chief Executive, Integrated Care Board",
        HEALTH,
        date(2024, 10, 1),
        None,
    ),
    ("lead_partner", "Dani Demo-Chief", "Chief Constable", POLICE, date(2024, 10, 1), None),
    (
        "delegated_partner",
        "Eden Demo-Director",
        "Director of Children's Services",
        LA_C,
        date(2024, 10, 1),
        None,
    ),
    (
        "delegated_partner",
        "Eden Demo-Director",
        "Director of Children's Services",
        LA_P,
        date(2024, 10, 1),
        None,
    ),
    ("delegated_partner", "Sky Demo-Nurse", "Chief Nurse", HEALTH, date(2024, 10, 1), None),
    (
        "delegated_partner",
        "Lee Demo-Constable",
        "Assistant Chief Constable",
        POLICE,
        date(2024, 10, 1),
        None,
    ),
    ("chair", "Fen Demo-Chair", "Partnership chair", None, date(2024, 10, 1), None),
]

RELEVANT = [
    "Cambridgeshire and Peterborough Foundation Trust",
    "Cambridgeshire Community Services",
    "East of England Ambulance Service",
    "National Probation Service",
    "CAFCASS",
    "Cambridgeshire Fire and Rescue",
    "Healthwatch",
    "Voluntary sector representatives",
]
EDUCATION = ["Primary School", "Secondary School", "Further Education"]

DECISIONS = {
    EXEC: [
        "Agreed the partnership's response to the pandemic for the quarter.",
        "Agreed the budget and each partner's contribution for the year.",
        "Agreed the independent scrutineer's plan for the year.",
        "Agreed the yearly report for publication.",
    ],
    BOARD: [
        "Agreed the priorities plan's milestones for the quarter.",
        "Agreed to promote the resolving professional differences policy.",
        "Agreed the refreshed safer sleeping campaign with the CDOP.",
        "Agreed the training offer for next year.",
    ],
}

PLANS = {
    1: (
        "Neglect is the most common reason children in our area need a child protection plan.",
        "A task and finish group chooses one assessment tool; the training subgroup trains "
        "practitioners; the QEG audits neglect cases.",
    ),
    2: (
        "Children and parents do not always know the risks of child sexual abuse.",
        "Surveys of children, parents and professionals; a task and finish group writes the "
        "strategy; webinars for practitioners.",
    ),
    3: (
        "Children are exploited by criminal gangs, including county lines.",
        "A mostly dedicated coordinator maps hotspots; the delivery group runs the plan; "
        "training on the exploitation risk assessment tool.",
    ),
    4: (
        "Learning from case reviews must change practice, not sit in reports.",
        "Briefings, workshops, the database of learning and the learning lessons course.",
    ),
}
RAGS = ["amber", "amber", "green", "green"]


def _agency(name: str) -> Agency | None:
    return (
        Agency.objects.filter(name=name).first() or Agency.objects.filter(names__name=name).first()
    )


def _group(name: str) -> Group | None:
    return Group.objects.filter(name=name).first()


def seed(*, stdout: TextIO | None = None) -> None:
    officer = User.objects.filter(email=demo_email("officer")).first()
    if _group(EXEC) is None or officer is None:
        say(stdout, "Governance: no partnership groups or officer (run the partnership seed).")
        return
    _seed_appointments()
    _seed_members()
    _seed_documents()
    _seed_funding()
    _seed_seats(officer)
    today = timezone.localdate()
    for year in (ReportingYear(2020), ReportingYear.containing(today)):
        _seed_meetings(officer, year, today)
    _seed_upcoming(officer, today)
    _seed_escalation(officer)
    _seed_priorities(officer, today)
    say(stdout, "Governance: arrangements, meetings, priorities and funding seeded.")


def _seed_appointments() -> None:
    for role, name, job, agency_name, start, end in APPOINTMENTS:
        agency = _agency(agency_name) if agency_name else None
        if agency_name and agency is None:
            continue
        if Appointment.objects.filter(role=role, agency=agency, started_on=start).exists():
            continue
        services.appointment_create(
            actor=None,
            role=role,
            holder_name=name,
            job_title=job,
            agency=agency,
            started_on=start,
            ended_on=end,
        )


def _seed_members() -> None:
    for names, kind, joined in (
        (RELEVANT, ArrangementsMember.Kind.RELEVANT, date(2019, 6, 29)),
        (EDUCATION, ArrangementsMember.Kind.RELEVANT, date(2019, 6, 29)),
        (EDUCATION, ArrangementsMember.Kind.EDUCATION, date(2026, 9, 1)),
    ):
        for name in names:
            agency = _agency(name)
            if (
                agency is None
                or ArrangementsMember.objects.filter(agency=agency, kind=kind).exists()
            ):
                continue
            services.arrangements_member_add(
                actor=None, agency=agency, kind=kind, joined_on=joined
            )


def _seed_documents() -> None:
    today = timezone.localdate()
    versions = [
        (
            "2019",
            "Multi-agency safeguarding arrangements",
            date(2019, 6, 29),
            date(2019, 6, 29),
            date(2020, 6, 29),
            Appointment.Role.SAFEGUARDING_PARTNER,
        ),
        (
            "2024",
            "Multi-agency safeguarding arrangements under Working Together 2023",
            date(2024, 11, 20),
            date(2024, 12, 1),
            today + timedelta(days=45),
            Appointment.Role.LEAD_PARTNER,
        ),
    ]
    for label, title, signed, published, review_due, signer_role in versions:
        if ArrangementsDocument.objects.filter(version_label=label).exists():
            continue
        document = services.arrangements_document_create(
            actor=None,
            version_label=label,
            title=title,
            summary="The three safeguarding partners (the local authorities, the police and "
            "health) lead the arrangements together, with the relevant agencies named below. "
            "The executive board holds the arrangements to account; the partnership board and "
            "its subgroups do the work; an independent scrutineer tells the partners how well "
            "it works for children and families.",
            review_due_on=review_due,
            agreed_on=signed,
            file=SimpleUploadedFile(
                "arrangements.pdf", b"%PDF-1.4\n% synthetic demo arrangements\n"
            ),
        )
        for appointment in Appointment.objects.filter(role=signer_role).order_by("pk"):
            if appointment.overlaps(signed, signed):
                services.arrangements_document_sign(
                    actor=None, document=document, appointment=appointment, signed_on=signed
                )
        services.arrangements_document_publish(
            actor=None, document=document, published_on=published
        )


def _seed_funding() -> None:
    today = timezone.localdate()
    shares = [(LA_C, 120000), (LA_P, 80000), (HEALTH, 90000), (POLICE, 60000)]
    spending = [
        (BudgetLine.Category.BUSINESS_UNIT, 210000, "Partnership team"),
        (BudgetLine.Category.SCRUTINY, 25000, "Independent scrutineer"),
        (BudgetLine.Category.REVIEWS, 55000, "Independent reviewers and panel costs"),
        (BudgetLine.Category.TRAINING, 45000, "Multi-agency training programme"),
    ]
    for year in (ReportingYear(2020), ReportingYear.containing(today)):
        uplift = Decimal("1.00") if year.start_year == 2020 else Decimal("1.12")
        for name, amount in shares:
            agency = _agency(name)
            if agency is None or agency.contributions.filter(year_start=year.start_year).exists():
                continue
            agreed = (Decimal(amount) * uplift).quantize(Decimal("1"))
            received = agreed if year.start_year == 2020 else (agreed / 2).quantize(Decimal("1"))
            services.funding_contribution_record(
                actor=None,
                agency=agency,
                year_start=year.start_year,
                agreed=agreed,
                received=received,
            )
        for category, amount, text in spending:
            if BudgetLine.objects.filter(year_start=year.start_year, category=category).exists():
                continue
            services.budget_line_record(
                actor=None,
                year_start=year.start_year,
                category=category,
                amount=(Decimal(amount) * uplift).quantize(Decimal("1")),
                description=text,
            )


def _seed_policies() -> None:
    for name in RESTRICTED:
        group = _group(name)
        if group is not None and not GroupPapersPolicy.objects.filter(group=group).exists():
            services.group_papers_policy_set(
                actor=None, group=group, restricted=True, papers_working_days=5
            )


def _seed_seats(officer: User) -> None:
    _seed_policies()
    panel = User.objects.filter(email=demo_email("review.panel")).first()
    scrutineer = User.objects.filter(email=demo_email("scrutineer")).first()
    for name, agencies in SEATS.items():
        group = _group(name)
        if group is None:
            continue
        for agency_name in agencies:
            agency = _agency(agency_name)
            if agency is None or group.memberships.filter(agency=agency).exists():
                continue
            partnership_services.group_membership_add(
                actor=None, group=group, agency=agency, started_on=date(2019, 6, 29)
            )
        people = [(officer, GroupMembership.GroupRole.SECRETARIAT)]
        if name == CSPR and panel is not None:
            people.append((panel, GroupMembership.GroupRole.MEMBER))
        if name == BOARD and scrutineer is not None:
            people.append((scrutineer, GroupMembership.GroupRole.ADVISER))
        for person, role in people:
            if not group.memberships.filter(person=person).exists():
                partnership_services.group_membership_add(
                    actor=None,
                    group=group,
                    person=person,
                    role=role,
                    started_on=date(2019, 6, 29),
                )


def _second_tuesday(year: int, month: int) -> date:
    day = date(year, month, 8)
    return day + timedelta(days=(1 - day.weekday()) % 7)


def _meeting(officer: User, group: Group, day: date, hour: int) -> Meeting:
    starts = aware_at(day, hour)
    existing = Meeting.objects.filter(group=group, starts_at=starts).first()
    if existing is not None:
        return existing
    return services.meeting_schedule(
        actor=officer,
        group=group,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        location="Online" if day.year in (2020, 2021) else "Partnership offices, meeting room 2",
        online_link="https://meetings.example/partnership",
    )


# Attendance pattern per seat (deterministic): mostly present, some apologies or a deputy.
PATTERN = ["present", "present", "present", "deputy", "present", "apologies", "present", "absent"]


def _seed_meetings(officer: User, year: ReportingYear, today: date) -> None:
    months = [6, 9, 12, 3]
    for index, (name, per_year) in enumerate(MEETINGS_A_YEAR.items()):
        group = _group(name)
        if group is None:
            continue
        for number, month in enumerate(months[:per_year]):
            calendar_year = year.start_year + (1 if month < 4 else 0)
            day = _second_tuesday(calendar_year, month) + timedelta(days=index % 3)
            if day >= today:
                continue
            meeting = _meeting(officer, group, day, 10 if index % 2 else 14)
            _seed_record(officer, meeting, name, number, index)


def _seed_record(officer: User, meeting: Meeting, name: str, number: int, index: int) -> None:
    if meeting.attendances.exists():
        return
    seats = list(meeting.group.memberships.all().order_by("pk"))
    entries = []
    for position, seat in enumerate(seats):
        status = "present" if seat.person_id else PATTERN[(number * 3 + position + index) % 8]
        entries.append(
            services.AttendanceEntry(
                seat, status, "Deputy (synthetic)" if status == Attendance.Status.DEPUTY else ""
            )
        )
    services.meeting_attendance_record(actor=officer, meeting=meeting, entries=entries)
    texts = DECISIONS.get(name)
    if texts:
        item = services.agenda_item_add(
            actor=officer, meeting=meeting, title="Decisions for the partners", purpose="decision"
        )
        services.decision_record(
            actor=officer, meeting=meeting, text=texts[number % len(texts)], agenda_item=item
        )
    if name in (NEGLECT_TF, CSA_TF, BOARD) and number < 2:
        owner = seats[0].agency if seats and seats[0].agency else None
        if owner is not None:
            action = services.meeting_action_record(
                actor=officer,
                meeting=meeting,
                description=f"Report back on the {meeting.group.short_name or name} work stream.",
                owner_agency=owner,
                due_date=timezone.localtime(meeting.starts_at).date() + timedelta(days=60),
            )
            action_services.action_progress_add(
                actor=officer,
                action=action,
                note="Reported to the next meeting.",
                status=Action.Status.COMPLETE,
                completed_on=timezone.localtime(meeting.starts_at).date() + timedelta(days=50),
            )


def _seed_upcoming(officer: User, today: date) -> None:
    """One meeting still to come for the boards and standing subgroups; the executive board's
    papers are already late, so the "papers late" card has something to show."""
    for offset, name in enumerate([EXEC, BOARD, QEG, CSPR, TRAINING, EXPLOITATION]):
        group = _group(name)
        if group is None:
            continue
        if Meeting.objects.filter(group=group, starts_at__gt=timezone.now()).exists():
            continue
        day = today + timedelta(days=3 + offset * 9)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        meeting = _meeting(officer, group, day, 10)
        services.agenda_item_add(
            actor=officer,
            meeting=meeting,
            title="Minutes and actions of the last meeting",
            purpose="information",
        )
        if name == BOARD:
            item = services.agenda_item_add(
                actor=officer,
                meeting=meeting,
                title="Priorities: quarterly progress",
                purpose="discussion",
            )
            services.paper_upload(
                actor=officer,
                meeting=meeting,
                agenda_item=item,
                title="Priorities progress",
                file=SimpleUploadedFile("priorities-progress.pdf", b"%PDF-1.4\n% demo paper\n"),
            )


def _seed_escalation(officer: User) -> None:
    """The Section 11 finding on assessment tools, escalated by the QEG to the executive
    board (its next meeting), which set up the neglect tools task and finish group."""
    qeg, executive, tools = _group(QEG), _group(EXEC), _group(NEGLECT_TF)
    if qeg is None or executive is None or Escalation.objects.filter(to_group=executive).exists():
        return
    september = aware_at(_second_tuesday(2020, 9), 14)
    from_meeting = (
        Meeting.objects.filter(group=qeg, starts_at__date__gte=september.date())
        .order_by("starts_at")
        .first()
    )
    if from_meeting is None:
        return
    escalation = services.escalation_raise(
        actor=officer,
        from_meeting=from_meeting,
        to_group=executive,
        summary="Section 11 audit: professionals' understanding and use of safeguarding "
        "assessment tools is the main area for improvement across agencies.",
        raised_at=from_meeting.ends_at,
    )
    if tools is not None:
        services.escalation_outcome_record(
            actor=officer, escalation=escalation, outcome_group=tools
        )


def _seed_priorities(officer: User, today: date) -> None:
    current = ReportingYear.containing(today)
    for priority in Priority.objects.all():
        what, how = PLANS.get(priority.number, ("", ""))
        if what and not PriorityPlan.objects.filter(priority=priority).exists():
            services.priority_plan_save(actor=officer, priority=priority, what_it_is=what, how=how)
        for year in (ReportingYear(2020), current):
            for quarter in range(1, 5):
                y = year.start_year
                quarter_end = [
                    date(y, 7, 1),
                    date(y, 10, 1),
                    date(y + 1, 1, 1),
                    date(y + 1, 4, 1),
                ][quarter - 1]
                if (
                    quarter_end > today
                    or PriorityProgress.objects.filter(
                        priority=priority, year_start=year.start_year, quarter=quarter
                    ).exists()
                ):
                    continue
                services.priority_progress_record(
                    actor=officer,
                    priority=priority,
                    year_start=year.start_year,
                    quarter=quarter,
                    rag=RAGS[(quarter + priority.number) % 4],
                    narrative=f"Quarter {quarter}: the lead group reported on its plan; "
                    "see the linked evidence.",
                )
        _seed_evidence(officer, priority)


def _seed_evidence(officer: User, priority: Priority) -> None:
    if EvidenceLink.objects.filter(priority=priority).exists():
        return
    records: list[object] = []
    if priority.lead_group is not None:
        meetings = Meeting.objects.filter(group=priority.lead_group)
        records += list(meetings.order_by("starts_at")[:4])
        records += [d for m in meetings for d in m.decisions.all()]
        plan = ActionPlan.objects.filter(
            source_type__model="group", source_id=priority.lead_group.pk
        ).first()
        if plan is not None:
            records.append(plan)
    if priority.number == 1:
        records += list(ActionPlan.objects.filter(title__icontains="neglect"))
    if priority.number == 4:
        records += list(LearningPoint.objects.all()[:5])
    for record in records:
        services.evidence_link(actor=officer, priority=priority, record=record)  # type: ignore[arg-type]
