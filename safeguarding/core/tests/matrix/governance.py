"""governance: every role reads; staff change; the arrangements are public.

A group's meetings are seen by staff, its members and (unless the group is restricted) the
read-only roles; run by staff and the group's chair or business support; a restricted group's
papers are seen only by people with a seat on it in person (docs/roles.md, "Governance")."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANY_ROLE,
    CASE_REVIEW_PANEL,
    FORBIDDEN,
    LEAD,
    NO_ROLE,
    NOT_FOUND,
    OK,
    PRACTITIONER,
    READ_ONLY,
    STAFF,
    STAFF_ONLY,
    Case,
    action,
    expect,
    on_each,
    pk,
    public_page,
    read_page,
    same,
)


def build(world: Any) -> None:
    """Three groups and a meeting of each: agency A's open group (agency A has a seat, the
    practitioner chairs it in person), agency B's open group (the world's `group`), and a
    restricted group (the case review panel member has a seat in person), each meeting with a
    paper; an archived group; a priority led by agency A's group; an appointment; a draft and a
    published arrangements document."""
    import datetime as dt

    from safeguarding.governance import services
    from safeguarding.governance.models import Appointment, ArrangementsDocument
    from safeguarding.governance.tests import files
    from safeguarding.governance.tests.factories import (
        GroupMembershipFactory,
        GroupPapersPolicyFactory,
        MeetingFactory,
    )
    from safeguarding.partnership.models import GroupMembership
    from safeguarding.partnership.tests.factories import GroupFactory, PriorityFactory

    records = world.records
    admin = world.users[ADMIN]
    records["gov_group_a"] = group_a = GroupFactory.create()
    GroupMembershipFactory.create(group=group_a, agency=world.agency_a)
    GroupMembershipFactory.create(
        group=group_a, person=world.users[PRACTITIONER], role=GroupMembership.GroupRole.CHAIR
    )
    records["gov_group_restricted"] = restricted = GroupFactory.create()
    GroupPapersPolicyFactory.create(group=restricted)
    GroupMembershipFactory.create(group=restricted, person=world.users[CASE_REVIEW_PANEL])
    records["gov_group_archived"] = GroupFactory.create(archived_at=timezone.now())
    for name, group in (("a", group_a), ("b", world.group), ("restricted", restricted)):
        records[f"gov_meeting_{name}"] = meeting = MeetingFactory.create(group=group)
        records[f"gov_paper_{name}"] = services.paper_upload(
            actor=admin, meeting=meeting, title="Paper", file=files.pdf()
        )
    records["gov_priority_a"] = PriorityFactory.create(lead_group=group_a)
    records["gov_appointment"] = services.appointment_create(
        actor=admin,
        role=Appointment.Role.CHAIR,
        holder_name="Synthetic Chair",
        started_on=dt.date(2020, 1, 1),
    )
    records["gov_document_draft"] = services.arrangements_document_create(
        actor=admin,
        version_label="2.0",
        title="Draft arrangements",
        summary="Our arrangements.",
        review_due_on=dt.date(2030, 1, 1),
    )
    records["gov_document_published"] = published = services.arrangements_document_create(
        actor=admin,
        version_label="1.0",
        title="Published arrangements",
        file=files.pdf("arrangements.pdf"),
        summary="Our arrangements.",
        review_due_on=dt.date(2030, 1, 1),
    )
    # Published without the three sign-offs the service asks for: only its visibility matters.
    ArrangementsDocument.objects.filter(pk=published.pk).update(published_on=dt.date(2021, 1, 1))


ENTRIES: dict[str, tuple[Case, ...]] = {
    "governance:appointment_create": (same("no object", STAFF_ONLY),),
    "governance:arrangements": (read_page("no object", ANY_ROLE),),
    "governance:arrangements_document_create": (same("no object", STAFF_ONLY),),
    "governance:arrangements_member_add": (same("no object", STAFF_ONLY),),
    "governance:arrangements_public": (public_page("no object"),),
    "governance:budget_line_record": (same("no object", STAFF_ONLY),),
    "governance:figures": (read_page("no object", ANY_ROLE),),
    "governance:funding": (read_page("no object", ANY_ROLE),),
    "governance:funding_contribution_record": (same("no object", STAFF_ONLY),),
    "governance:home": (read_page("no object", ANY_ROLE),),
    "governance:meeting_list": (read_page("no object", ANY_ROLE),),
    "governance:priority_list": (read_page("no object", ANY_ROLE),),
}


# A meeting of agency A's group (agency A has a seat: its lead sees; the practitioner chairs
# it in person: they run it), of agency B's open group, of the restricted group (the case review
# panel member sits on it in person: they see it and its papers but do not run it; staff run
# the meeting but never see its papers).
SEE_A = expect(NOT_FOUND, (STAFF | READ_ONLY | {LEAD, PRACTITIONER}, OK))
SEE_B = expect(NOT_FOUND, (STAFF | READ_ONLY, OK))
SEE_R = expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL}, OK))
RUN_A = expect(NOT_FOUND, (STAFF | {PRACTITIONER}, OK), (READ_ONLY | {LEAD}, FORBIDDEN))
RUN_B = expect(NOT_FOUND, (STAFF, OK), (READ_ONLY, FORBIDDEN))
RUN_R = expect(NOT_FOUND, (STAFF, OK), ({CASE_REVIEW_PANEL}, FORBIDDEN))
PAPERS_RUN_R = expect(NOT_FOUND, ({CASE_REVIEW_PANEL}, FORBIDDEN))
PAPER_R = expect(NOT_FOUND, ({CASE_REVIEW_PANEL}, OK))
GONE = expect(NOT_FOUND)

# Anyone with a role reads the arrangements and priorities; staff change them; a priority's
# progress is also written by an in-person member of its lead group.
READ = expect(OK, ({NO_ROLE}, NOT_FOUND))
MANAGE = expect(FORBIDDEN, (STAFF, OK), ({NO_ROLE}, NOT_FOUND))
PROGRESS_A = expect(FORBIDDEN, (STAFF | {PRACTITIONER}, OK), ({NO_ROLE}, NOT_FOUND))

MEETINGS = (
    ("agency A's group's meeting", "gov_meeting_a"),
    ("agency B's group's meeting", "gov_meeting_b"),
    ("restricted group's meeting", "gov_meeting_restricted"),
)
GROUPS = (
    ("agency A's group", "gov_group_a"),
    ("agency B's group", "group"),
    ("restricted group", "gov_group_restricted"),
    ("archived group", "gov_group_archived"),
)
PRIORITIES = (
    ("priority led by agency A's group", "gov_priority_a"),
    ("priority without a lead group", "priority"),
)


def _meeting_forms() -> tuple[Case, ...]:
    return on_each(same, MEETINGS, RUN_A, RUN_B, RUN_R)


def _meeting_actions() -> tuple[Case, ...]:
    return on_each(action, MEETINGS, RUN_A, RUN_B, RUN_R)


def _meeting_reads() -> tuple[Case, ...]:
    return on_each(read_page, MEETINGS, SEE_A, SEE_B, SEE_R)


def _papers_forms(make: Any) -> tuple[Case, ...]:
    return on_each(make, MEETINGS, RUN_A, RUN_B, PAPERS_RUN_R)


GOVERNANCE_ENTRIES: dict[str, tuple[Case, ...]] = {
    **{
        f"governance:{name}": _meeting_forms()
        for name in (
            "agenda_item_add",
            "decision_record",
            "escalation_raise",
            "meeting_action_record",
            "meeting_attendance",
            "meeting_cancel",
            "meeting_minutes",
            "meeting_reschedule",
        )
    },
    "governance:meeting_invitations_send": _meeting_actions(),
    "governance:meeting_detail": _meeting_reads(),
    "governance:meeting_calendar": _meeting_reads(),
    "governance:paper_upload": _papers_forms(same),
    "governance:papers_publish": _papers_forms(same),
    "governance:paper_download": (
        read_page("agency A's group's paper", SEE_A, pk("gov_paper_a")),
        read_page("agency B's group's paper", SEE_B, pk("gov_paper_b")),
        read_page("restricted group's paper", PAPER_R, pk("gov_paper_restricted")),
    ),
    "governance:group_meetings": on_each(read_page, GROUPS, SEE_A, SEE_B, SEE_R, GONE),
    "governance:meeting_schedule": on_each(same, GROUPS, RUN_A, RUN_B, RUN_R, GONE),
    "governance:priority_detail": on_each(read_page, PRIORITIES, READ, READ),
    "governance:priority_progress_add": on_each(same, PRIORITIES, PROGRESS_A, MANAGE),
    **{
        f"governance:{name}": on_each(same, PRIORITIES, MANAGE, MANAGE)
        for name in ("priority_plan_edit", "evidence_link")
    },
    "governance:appointment_end": (same("appointment", MANAGE, pk("gov_appointment")),),
    **{
        f"governance:{name}": (
            same("draft version", MANAGE, pk("gov_document_draft")),
            same("published version", MANAGE, pk("gov_document_published")),
        )
        for name in ("arrangements_document_sign", "arrangements_document_publish")
    },
    # Public: a published version's file, for anyone; a draft is not found.
    "governance:arrangements_document_download": (
        public_page("published version", pk("gov_document_published")),
        public_page("draft version", pk("gov_document_draft"), NOT_FOUND),
    ),
}
ENTRIES.update(GOVERNANCE_ENTRIES)
