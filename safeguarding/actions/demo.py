"""A synthetic demo action plan for the Quality & Effectiveness Group (idempotent).

Agencies are the demo partnership's public bodies; the wording of every action is invented and
names nobody. Later issues add the case review action plans.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TextIO

from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions import services
from safeguarding.actions.models import Action
from safeguarding.core.demo import say
from safeguarding.partnership.demo import demo_email
from safeguarding.partnership.models import Agency, Group

GROUP_NAME = "Quality & Effectiveness Group"
PLAN_TITLE = "Multi-agency neglect audit: action plan (demo)"

# (agency, owner e-mail local part or None, action, measure, due in days, [(status, note)])
ACTIONS: list[tuple[str, str | None, str, str, int, list[tuple[str, str]]]] = [
    (
        "Cambridgeshire Constabulary",
        "agency.lead",
        "Brief all response officers on recognising neglect at domestic incidents and on "
        "making a referral to the front door.",
        "90% of response officers briefed; referral quality checked in the next dip sample.",
        30,
        [(Action.Status.ON_TRACK, "Briefing pack agreed; sessions booked for all four shifts.")],
    ),
    (
        "Children Social Care",
        None,
        "Add the neglect assessment tool to the single assessment template.",
        "The tool is used in at least 80% of assessments where neglect is a concern.",
        -10,
        [(Action.Status.ON_TRACK, "Template change requested from the systems team.")],
    ),
    (
        "Cambridgeshire Community Services",
        None,
        "Health visitors record the neglect tool score at every universal contact where "
        "neglect is suspected.",
        "Audit of twenty records shows the score recorded.",
        14,
        [
            (
                Action.Status.AT_RISK,
                "Recording field delayed by a system upgrade; workaround in place.",
            )
        ],
    ),
    (
        "Education",
        None,
        "Designated safeguarding leads attend the neglect tool workshop.",
        "Attendance from every secondary school.",
        -20,
        [
            (Action.Status.ON_TRACK, "Workshop dates circulated to all schools."),
            (
                Action.Status.COMPLETE,
                "All secondary schools attended; evaluation summary attached.",
            ),
        ],
    ),
    (
        "Cambridgeshire Constabulary",
        None,
        "Review the neglect flag on police records with the multi-agency safeguarding hub.",
        "Agreed flagging guidance published.",
        75,
        [],
    ),
]


def seed(*, stdout: TextIO | None = None) -> None:
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        say(stdout, f"Actions: no '{GROUP_NAME}' group, so no demo action plan.")
        return
    officer = User.objects.filter(email=demo_email("officer")).first()
    if officer is None:
        say(stdout, "Actions: no demo business unit officer, so no demo action plan.")
        return
    plan = services.action_plan_get_or_create_for(actor=officer, source=group, title=PLAN_TITLE)
    if plan.actions.exists():
        say(stdout, "Actions: demo action plan already there.")
        return
    today = timezone.localdate()
    for agency_name, owner_local, text, measure, due_in, updates in ACTIONS:
        agency = Agency.objects.filter(name=agency_name).first()
        if agency is None:
            continue
        owner = User.objects.filter(email=demo_email(owner_local)).first() if owner_local else None
        action = services.action_create(
            actor=officer,
            plan=plan,
            description=text,
            success_measure=measure,
            owner_agency=agency,
            owner_person=owner,
            due_date=today + timedelta(days=due_in),
        )
        for status, note in updates:
            completed = (
                today + timedelta(days=due_in) if status == Action.Status.COMPLETE else None
            )
            services.action_progress_add(
                actor=owner or officer,
                action=action,
                note=note,
                status=status,
                completed_on=completed,
            )
    say(stdout, f"Actions: demo action plan '{PLAN_TITLE}' ready.")
