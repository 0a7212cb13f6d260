"""assurance: staff run audits, section 11, surveys and scrutiny; agency leads see and answer
their agency's parts; read-only roles read and never write.

An assigned auditor sees the audit and completes their case; each audit step (add cases,
moderate, complete) answers 403 when the audit's status does not allow it. Answering a survey
by its public link needs no account."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ANY_ROLE,
    FORBIDDEN,
    GONE,
    LEAD,
    NOT_FOUND,
    OK,
    READ_ONLY,
    READERS_AND_LEAD,
    STAFF,
    STAFF_AND_READERS,
    STAFF_READ,
    STAFF_WRITE,
    STAFF_WRITE_LEAD_REFUSED,
    Case,
    Filler,
    action,
    expect,
    on_each,
    pk,
    public,
    public_page,
    read_page,
    same,
)


def build(world: Any) -> None:
    """A survey form (for the form builder); an open and a closed survey; a Section 11 cycle
    with a return from agency A and one from agency B; an audit agency A takes part in (with a
    case, planned) and a moderated one only agency B takes part in (with a case assigned to
    agency B's person);
    agency A's and agency B's performance commentaries; a scrutiny report; a professional
    difference."""
    import datetime as dt

    from safeguarding.assurance import services
    from safeguarding.assurance.models import Audit, FormTemplate, Question, Section11Return
    from safeguarding.assurance.tests.factories import (
        ProfessionalDifferenceFactory,
        ScrutinyReportFactory,
        SurveyFactory,
        audit_make,
        commentary_make,
        cycle,
        open_survey,
        survey_form,
    )

    records = world.records
    records["asr_form"] = form = survey_form()
    records["asr_question"] = Question.objects.filter(section__form_version__template=form).first()
    records["asr_survey_open"] = open_survey(
        opens_on=dt.date(2020, 1, 1), closes_on=dt.date(2099, 12, 31)
    )
    records["asr_survey_closed"] = SurveyFactory.create(form=survey_form())
    s11 = cycle(agencies=[world.agency_a, world.agency_b])
    records["asr_cycle"] = s11
    records["asr_return_a"] = Section11Return.objects.get(cycle=s11, agency=world.agency_a)
    records["asr_return_b"] = Section11Return.objects.get(cycle=s11, agency=world.agency_b)
    tool = survey_form(purpose=FormTemplate.Purpose.AUDIT_TOOL, with_comment=False)
    for name, agency, auditor in (
        ("a", world.agency_a, None),
        ("b", world.agency_b, world.person_b),
    ):
        records[f"asr_audit_{name}"] = audit = audit_make(
            [agency], title=f"Matrix audit {name}", kind=Audit.Kind.SINGLE_AGENCY, tool=tool
        )
        records[f"asr_case_{name}"] = services.audit_case_add(
            actor=None, audit=audit, case_reference="QA-1", agency=agency, auditor=auditor
        )
        if name == "b":
            # Agency B's audit has been moderated: no more cases; moderation and completion.
            Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.MODERATED)
        records[f"asr_commentary_{name}"] = commentary_make(world.priority, agency)
    records["asr_scrutiny"] = ScrutinyReportFactory.create()
    records["asr_difference"] = ProfessionalDifferenceFactory.create(
        raised_by_agency=world.agency_a, with_agency=world.agency_b
    )


def _kind(kind: str) -> Filler:
    return lambda w: {"kind": kind}


def _public_id(name: str) -> Filler:
    return lambda w: {"public_id": str(w.records[name].public_id)}


ENTRIES: dict[str, tuple[Case, ...]] = {
    "assurance:audit_create": (same("no object", STAFF_WRITE_LEAD_REFUSED),),
    "assurance:audit_list": (read_page("no object", READERS_AND_LEAD),),
    "assurance:commentary_create": (
        same("no object", expect(NOT_FOUND, (STAFF | {LEAD}, OK), (READ_ONLY, FORBIDDEN))),
    ),
    "assurance:commentary_list": (read_page("no object", READERS_AND_LEAD),),
    "assurance:difference_create": (same("no object", STAFF_WRITE),),
    "assurance:difference_list": (read_page("no object", STAFF_AND_READERS),),
    "assurance:form_create": (same("no object", STAFF_WRITE),),
    "assurance:form_list": (read_page("no object", STAFF_AND_READERS),),
    "assurance:overview": (read_page("no object", READERS_AND_LEAD),),
    "assurance:scrutiny_list": (read_page("no object", STAFF_AND_READERS),),
    "assurance:scrutiny_report_create": (same("no object", STAFF_WRITE),),
    "assurance:section11_cycle_create": (same("no object", STAFF_WRITE_LEAD_REFUSED),),
    "assurance:section11_cycle_list": (read_page("no object", READERS_AND_LEAD),),
    "assurance:survey_create": (same("no object", STAFF_WRITE),),
    "assurance:survey_list": (read_page("no object", STAFF_AND_READERS),),
}


ALL_VIEW = expect(NOT_FOUND, (STAFF | READ_ONLY, OK))
MANAGE = expect(NOT_FOUND, (STAFF, OK), (READ_ONLY, FORBIDDEN))
# Agency A's records: its lead sees them and changes what the agency writes; staff take the
# partnership's steps (moderation, review) and the lead gets 403 there.
AGENCY_A_VIEW = expect(NOT_FOUND, (STAFF | READ_ONLY | {LEAD}, OK))
AGENCY_A_EDIT = expect(NOT_FOUND, (STAFF | {LEAD}, OK), (READ_ONLY, FORBIDDEN))
AGENCY_A_STAFF = expect(NOT_FOUND, (STAFF, OK), (READ_ONLY | {LEAD}, FORBIDDEN))
# A step the audit's status does not allow now: 403 for everyone who sees the audit.
AGENCY_A_NOT_NOW = expect(NOT_FOUND, (STAFF | READ_ONLY | {LEAD}, FORBIDDEN))
NOT_NOW = expect(NOT_FOUND, (STAFF | READ_ONLY, FORBIDDEN))


SURVEYS = (("open survey", "asr_survey_open"), ("closed survey", "asr_survey_closed"))
# Agency A's record and agency B's, as (label, record) each.
RETURNS = (("agency A's return", "asr_return_a"), ("agency B's return", "asr_return_b"))
AUDITS = (
    ("agency A's planned audit", "asr_audit_a"),
    ("agency B's moderated audit", "asr_audit_b"),
)
COMMENTARIES = (
    ("agency A's commentary", "asr_commentary_a"),
    ("agency B's commentary", "asr_commentary_b"),
)


ENTRIES.update(
    {
        "assurance:work_list": (
            read_page(
                "Section 11 returns", expect(NOT_FOUND, (LEAD, OK)), _kind("section-11-returns")
            ),
            # Everyone with a role has a (perhaps empty) list of audit cases assigned to them.
            read_page("audit cases", ANY_ROLE, _kind("audit-cases")),
            read_page("to review", STAFF_READ, _kind("to-review")),
            read_page("no such list", GONE, _kind("no-such-list")),
        ),
        **{
            f"assurance:{name}": tuple(
                read_page(label, ALL_VIEW, fill=pk(record)) for label, record in SURVEYS
            )
            for name in ("survey_detail", "survey_export", "survey_hours")
        },
        **{
            f"assurance:{name}": tuple(
                same(label, MANAGE, pk(record)) for label, record in SURVEYS
            )
            for name in ("survey_update", "survey_links_issue")
        },
        # The links are how invited people answer: only staff download them.
        "assurance:survey_links_export": tuple(
            read_page(label, MANAGE, fill=pk(record)) for label, record in SURVEYS
        ),
        "assurance:survey_burst_exclude": (
            same(
                "open survey, an hour",
                MANAGE,
                lambda w: {"pk": w.asr_survey_open.pk, "hour": "2026010112"},
            ),
            same(
                "open survey, not an hour",
                expect(NOT_FOUND, (READ_ONLY, FORBIDDEN)),
                lambda w: {"pk": w.asr_survey_open.pk, "hour": "x"},
            ),
        ),
        # Public: the link is the permission (a closed survey's link answers 410 Gone).
        "assurance:survey_answer": (
            same("open survey", public(), _public_id("asr_survey_open")),
            same("no such survey", public(NOT_FOUND), lambda w: {"public_id": "no-such-survey"}),
        ),
        "assurance:survey_thanks": (
            public_page("open survey", _public_id("asr_survey_open")),
            public_page("no such survey", lambda w: {"public_id": "no-such-survey"}, NOT_FOUND),
        ),
        "assurance:form_detail": (read_page("survey form", ALL_VIEW, pk("asr_form")),),
        "assurance:form_section_add": (same("survey form", MANAGE, pk("asr_form")),),
        "assurance:form_question_add": (same("survey form", MANAGE, pk("asr_form")),),
        "assurance:form_question_update": (same("question", MANAGE, pk("asr_question")),),
        "assurance:form_question_remove": (action("question", MANAGE, pk("asr_question")),),
        "assurance:section11_cycle_detail": (
            read_page("cycle with agency A's return", AGENCY_A_VIEW, pk("asr_cycle")),
        ),
        "assurance:section11_return_detail": on_each(read_page, RETURNS, AGENCY_A_VIEW, ALL_VIEW),
        **{
            f"assurance:{name}": on_each(same, RETURNS, AGENCY_A_EDIT, MANAGE)
            for name in ("section11_return_edit", "section11_return_submit")
        },
        **{
            f"assurance:{name}": on_each(same, RETURNS, AGENCY_A_STAFF, MANAGE)
            for name in (
                "section11_return_moderate",
                "section11_return_challenge",
                "section11_return_feedback",
            )
        },
        **{
            f"assurance:{name}": on_each(read_page, AUDITS, AGENCY_A_VIEW, ALL_VIEW)
            for name in ("audit_detail", "audit_report")
        },
        "assurance:audit_case_add": on_each(same, AUDITS, AGENCY_A_STAFF, NOT_NOW),
        "assurance:audit_finding_add": on_each(same, AUDITS, AGENCY_A_STAFF, MANAGE),
        **{
            f"assurance:{name}": on_each(same, AUDITS, AGENCY_A_NOT_NOW, MANAGE)
            for name in ("audit_moderate", "audit_complete")
        },
        "assurance:audit_case_complete": (
            same("agency A's audit's case", AGENCY_A_STAFF, pk("asr_case_a")),
            same("moderated audit's case", NOT_NOW, pk("asr_case_b")),
        ),
        "assurance:commentary_detail": on_each(read_page, COMMENTARIES, AGENCY_A_VIEW, ALL_VIEW),
        **{
            f"assurance:{name}": on_each(same, COMMENTARIES, AGENCY_A_STAFF, MANAGE)
            for name in ("commentary_review", "commentary_board_response")
        },
        "assurance:scrutiny_report_detail": (
            read_page("scrutiny report", ALL_VIEW, pk("asr_scrutiny")),
        ),
        **{
            f"assurance:{name}": (same("scrutiny report", MANAGE, pk("asr_scrutiny")),)
            for name in ("scrutiny_assessment_add", "scrutiny_recommendation_action")
        },
        "assurance:difference_update": (
            same("agency A's difference with agency B", MANAGE, pk("asr_difference")),
        ),
    }
)
