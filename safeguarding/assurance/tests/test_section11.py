"""Section 11: returns, submission, moderation, carry-forward, the partnership summary, agency
scoping, and deadline reminders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.assurance import selectors, services, verbs
from safeguarding.assurance.cards import section11_returns_card
from safeguarding.assurance.models import Section11Reminder, Section11Return, Section11Score
from safeguarding.assurance.tests.factories import (
    commentary_make,
    cycle,
    earlier_cycle,
    standard_set,
)
from safeguarding.core.concurrency import EditConflictError
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def _self_assess(ret: Section11Return, scores: dict[str, int]) -> None:
    services.section11_return_save(
        actor=None,
        section11_return=ret,
        expected_version=None,
        scores={
            s.pk: {"self_score": scores[s.standard.key], "evidence": "Policy (synthetic)."}
            for s in ret.scores.select_related("standard")
        },
    )


def _moderate(ret: Section11Return, scores: dict[str, int]) -> None:
    services.section11_return_moderate(
        actor=None,
        section11_return=ret,
        expected_version=None,
        moderated={
            s.pk: (scores[s.standard.key], "") for s in ret.scores.select_related("standard")
        },
    )


def _complete(ret: Section11Return, scores: dict[str, int]) -> None:
    _self_assess(ret, scores)
    services.section11_return_submit(actor=None, section11_return=ret)
    _moderate(ret, scores)


def test_a_cycle_is_kept_under_its_reporting_year_however_it_was_typed() -> None:
    agencies = AgencyFactory.create_batch(1)
    assert cycle(agencies=agencies, label="2022/23").year_label == "2022-23"
    with pytest.raises(ValidationError) as raised:
        cycle(agencies=agencies, label="2022")
    assert "year_label" in raised.value.message_dict
    assert selectors.section11_cycle_list().count() == 1


def test_opening_a_cycle_makes_a_draft_return_per_agency_and_freezes_the_standards() -> None:
    agencies = AgencyFactory.create_batch(3)

    c = cycle(agencies=agencies)

    assert c.returns.count() == 3
    assert set(c.returns.values_list("status", flat=True)) == {Section11Return.Status.DRAFT}
    assert Section11Score.objects.filter(section11_return__cycle=c).count() == 3 * 2
    assert c.standard_set.is_frozen


def test_submit_refused_until_every_standard_has_a_self_score() -> None:
    c = cycle(agencies=[AgencyFactory.create()])
    ret = c.returns.get()
    first = ret.scores.first()
    assert first is not None
    services.section11_return_save(
        actor=None,
        section11_return=ret,
        expected_version=None,
        scores={first.pk: {"self_score": 2}},
    )

    with pytest.raises(ValidationError, match="1 missing"):
        services.section11_return_submit(actor=None, section11_return=ret)

    ret.refresh_from_db()
    assert ret.status == Section11Return.Status.DRAFT


def test_submitted_return_cannot_be_changed_by_the_agency() -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()
    _self_assess(ret, {"leadership": 2, "tools": 1})
    services.section11_return_submit(actor=None, section11_return=ret)

    with pytest.raises(ValidationError, match="submitted"):
        _self_assess(ret, {"leadership": 3, "tools": 3})

    assert sorted(s.self_score or 0 for s in ret.scores.all()) == [1, 2]


def test_stale_self_assessment_is_refused() -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()
    stale = ret.version
    _self_assess(ret, {"leadership": 2, "tools": 1})

    with pytest.raises(EditConflictError):
        services.section11_return_save(
            actor=None, section11_return=ret, expected_version=stale, scores={}
        )


def test_moderation_refused_before_submission() -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()

    with pytest.raises(ValidationError, match="not submitted"):
        _moderate(ret, {"leadership": 2, "tools": 2})


def test_moderation_needs_every_standard() -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()
    _self_assess(ret, {"leadership": 3, "tools": 2})
    services.section11_return_submit(actor=None, section11_return=ret)
    first = ret.scores.first()
    assert first is not None

    with pytest.raises(ValidationError, match="every standard"):
        services.section11_return_moderate(
            actor=None, section11_return=ret, expected_version=None, moderated={first.pk: (2, "")}
        )


def test_moderation_records_scores_comments_and_status(officer) -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()
    _self_assess(ret, {"leadership": 3, "tools": 2})
    services.section11_return_submit(actor=None, section11_return=ret)
    scores = {s.standard.key: s for s in ret.scores.select_related("standard")}

    services.section11_return_moderate(
        actor=officer,
        section11_return=ret,
        expected_version=ret.version,
        moderated={
            scores["leadership"].pk: (2, "Evidence was for one team only."),
            scores["tools"].pk: (1, ""),
        },
    )

    ret.refresh_from_db()
    assert ret.status == Section11Return.Status.MODERATED
    assert ret.moderated_by == officer
    leadership = Section11Score.objects.get(pk=scores["leadership"].pk)
    assert (leadership.self_score, leadership.moderated_score) == (3, 2)
    assert leadership.moderation_comment == "Evidence was for one team only."
    assert leadership.final_score == 2
    assert ActivityEvent.objects.filter(
        verb=verbs.SECTION11_RETURN_MODERATED, actor=officer
    ).exists()


def test_challenge_and_feedback_recorded_after_submission_with_an_action_plan() -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()
    with pytest.raises(ValidationError):
        services.section11_challenge_record(
            actor=None,
            section11_return=ret,
            expected_version=None,
            challenge_on=dt.date(2020, 12, 1),
            challenge_attendees="Chair",
            challenge_notes="N",
        )
    _self_assess(ret, {"leadership": 2, "tools": 1})
    services.section11_return_submit(actor=None, section11_return=ret)

    services.section11_challenge_record(
        actor=None,
        section11_return=ret,
        expected_version=None,
        challenge_on=dt.date(2020, 12, 1),
        challenge_attendees="QEG chair, agency lead",
        challenge_notes="Discussed assessment tools.",
    )
    services.section11_feedback_record(
        actor=None, section11_return=ret, expected_version=None, feedback="Good progress."
    )
    plan = services.section11_action_plan(actor=None, section11_return=ret)

    ret.refresh_from_db()
    assert ret.challenge_on == dt.date(2020, 12, 1)
    assert ret.feedback == "Good progress."
    assert plan.source == ret


def test_previous_cycle_scores_are_carried_forward_by_standard_key() -> None:
    agency, other = AgencyFactory.create(), AgencyFactory.create()
    form = standard_set()
    earlier = earlier_cycle(agencies=[agency, other], form=form)
    _complete(earlier.returns.get(agency=agency), {"leadership": 1, "tools": 0})
    _complete(earlier.returns.get(agency=other), {"leadership": 3, "tools": 3})
    section = selectors.form_version_latest(template=form).sections.get()
    services.form_question_add(
        actor=None,
        section=section,
        key="priorities",
        text="Priorities",
        kind="rating",
        choices=["0", "1", "2", "3"],
    )
    later = cycle(agencies=[agency], form=form, previous=earlier)

    carried = selectors.section11_carry_forward(section11_return=later.returns.get())

    assert later.standard_set.number == 2
    assert carried == {"leadership": 1, "tools": 0}


def test_no_carry_forward_without_a_previous_cycle() -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()

    assert selectors.section11_carry_forward(section11_return=ret) == {}


def test_summary_distribution_improvement_and_agencies_not_submitted() -> None:
    a, b, c_agency = (
        AgencyFactory.create(name="Alpha"),
        AgencyFactory.create(name="Beta"),
        AgencyFactory.create(name="Gamma"),
    )
    form = standard_set()
    earlier = earlier_cycle(agencies=[a, b], form=form)
    _complete(earlier.returns.get(agency=a), {"leadership": 1, "tools": 1})
    _complete(earlier.returns.get(agency=b), {"leadership": 1, "tools": 2})
    later = cycle(agencies=[a, b, c_agency], form=form, previous=earlier)
    _complete(later.returns.get(agency=a), {"leadership": 2, "tools": 0})
    _complete(later.returns.get(agency=b), {"leadership": 3, "tools": 1})

    summary = selectors.section11_summary(cycle=later)

    by_key = {s.key: s for s in summary.standards}
    assert by_key["leadership"].distribution == [
        ("0: not met", 0),
        ("1: partly met", 0),
        ("2: mostly met", 1),
        ("3: fully met", 1),
    ]
    assert (by_key["leadership"].mean, by_key["leadership"].previous_mean) == (
        Decimal("2.50"),
        Decimal("1.00"),
    )
    assert by_key["leadership"].improved
    assert not by_key["tools"].improved
    assert [s.key for s in summary.improved] == ["leadership"]
    assert summary.main_area_for_improvement is not None
    assert summary.main_area_for_improvement.key == "tools"
    assert summary.not_submitted == ["Gamma"]
    assert (summary.returns, summary.submitted) == (3, 2)


def test_agency_lead_sees_only_their_own_agencys_returns(make_user) -> None:
    mine, theirs = AgencyFactory.create(), AgencyFactory.create()
    c = cycle(agencies=[mine, theirs])
    lead = make_user((Role.AGENCY_LEAD, mine))

    returns = selectors.section11_return_list_for_user(user=lead)

    assert list(returns) == [c.returns.get(agency=mine)]


# --- reminders -------------------------------------------------------------------------


def _lead_cycle(make_user, *, deadline: dt.date) -> tuple[Section11Return, str]:
    agency = AgencyFactory.create()
    lead = make_user((Role.AGENCY_LEAD, agency))
    c = cycle(agencies=[agency], opens_on=dt.date(2020, 9, 1), deadline=deadline)
    return c.returns.get(), lead.email


def test_due_soon_reminder_goes_to_the_agency_lead_once(
    make_user, run_tasks, django_capture_on_commit_callbacks
) -> None:
    ret, email = _lead_cycle(make_user, deadline=dt.date(2020, 11, 27))  # a Friday

    with django_capture_on_commit_callbacks(execute=True):
        too_early = services.section11_send_reminders(today=dt.date(2020, 11, 12))
        first = services.section11_send_reminders(today=dt.date(2020, 11, 13))  # 10 working days
        again = services.section11_send_reminders(today=dt.date(2020, 11, 16))
    run_tasks()

    assert (too_early.due_soon, first.due_soon, again.due_soon) == (0, 1, 0)
    assert [m.to for m in mail.outbox] == [[email]]
    assert "27 November 2020" in mail.outbox[0].body
    assert Section11Reminder.objects.get().kind == Section11Reminder.Kind.DUE_SOON


def test_overdue_reminder_after_the_deadline(
    make_user, run_tasks, django_capture_on_commit_callbacks
) -> None:
    ret, email = _lead_cycle(make_user, deadline=dt.date(2020, 11, 27))

    with django_capture_on_commit_callbacks(execute=True):
        on_deadline = services.section11_send_reminders(today=dt.date(2020, 11, 27))
        after = services.section11_send_reminders(today=dt.date(2020, 11, 30))
        after_again = services.section11_send_reminders(today=dt.date(2020, 12, 1))
    run_tasks()

    assert (on_deadline.overdue, after.overdue, after_again.overdue) == (0, 1, 0)
    assert sorted(ret.reminders.values_list("kind", flat=True)) == ["due_soon", "overdue"]
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Reminder", "Overdue"]
    assert all(m.to == [email] for m in mail.outbox)


def test_no_reminder_once_submitted(
    make_user, run_tasks, django_capture_on_commit_callbacks
) -> None:
    ret, _email = _lead_cycle(make_user, deadline=dt.date(2020, 11, 27))
    _self_assess(ret, {"leadership": 2, "tools": 2})
    services.section11_return_submit(actor=None, section11_return=ret)

    with django_capture_on_commit_callbacks(execute=True):
        result = services.section11_send_reminders(today=dt.date(2020, 12, 1))
    run_tasks()

    assert (result.due_soon, result.overdue) == (0, 0)
    assert mail.outbox == []


def test_my_work_card_lists_the_leads_open_returns_with_deadline(make_user) -> None:
    ret, _email = _lead_cycle(make_user, deadline=dt.date(2020, 11, 27))
    lead = make_user((Role.AGENCY_LEAD, ret.agency))

    card = section11_returns_card(lead)

    assert card is not None
    assert card.count == 1
    assert card.items[0].due == "27 November 2020"
    assert card.items[0].tag == "Overdue"  # the real today is long after 2020


def test_my_work_card_absent_for_people_who_lead_no_agency(officer) -> None:
    assert section11_returns_card(officer) is None


def test_staff_card_lists_returns_to_moderate_and_open_escalations(officer) -> None:
    from safeguarding.assurance.cards import assurance_review_card
    from safeguarding.partnership.tests.factories import PriorityFactory

    submitted, draft = cycle(agencies=AgencyFactory.create_batch(2)).returns.order_by("pk")
    _self_assess(submitted, {"leadership": 2, "tools": 2})
    services.section11_return_submit(actor=None, section11_return=submitted)
    commentary_make(PriorityFactory.create(), draft.agency, escalation="Tools are not used.")

    card = assurance_review_card(officer)

    assert card is not None
    assert [item.text.split(":")[0] for item in card.items] == [
        "Moderate",
        "Board response awaited",
    ]
    assert card.items[0].text.endswith(submitted.agency.name)


def test_staff_card_absent_for_agency_leads(make_user) -> None:
    from safeguarding.assurance.cards import assurance_review_card

    assert assurance_review_card(make_user((Role.AGENCY_LEAD, AgencyFactory.create()))) is None
