from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions import services, verbs
from safeguarding.actions.models import Action, ActionPlan, ActionReminder, ActionUpdate
from safeguarding.actions.rules import EVIDENCE_MAX_BYTES
from safeguarding.actions.services import reminders
from safeguarding.actions.tests.conftest import TODAY
from safeguarding.actions.tests.factories import ActionFactory, ActionPlanFactory, edit_fields
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.concurrency import EditConflictError
from safeguarding.core.dates import add_months
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory

pytestmark = pytest.mark.django_db


def _events(verb: str) -> list[ActivityEvent]:
    return list(ActivityEvent.objects.filter(verb=verb).order_by("id"))


# --- plans ---------------------------------------------------------------------------


def test_plan_get_or_create_returns_one_plan_per_source(owner: User, frozen: Any) -> None:
    group = GroupFactory.create()

    first = services.action_plan_get_or_create_for(actor=owner, source=group, title="Plan A")
    second = services.action_plan_get_or_create_for(actor=owner, source=group, title="Other")

    assert first.pk == second.pk
    assert second.title == "Plan A"
    assert ActionPlan.objects.count() == 1
    assert first.source == group
    assert first.next_review_due == date(2025, 8, 2)
    assert len(_events(verbs.ACTION_PLAN_CREATED)) == 1


def test_plan_create_rejected_when_title_blank(owner: User) -> None:
    with pytest.raises(ValidationError):
        services.action_plan_get_or_create_for(
            actor=owner, source=GroupFactory.create(), title="  "
        )
    assert ActionPlan.objects.count() == 0


def test_plan_update_moves_next_review_with_new_cycle(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create(last_reviewed_on=date(2025, 5, 1))

    services.action_plan_update(
        actor=owner, plan=plan, expected_version=plan.version, review_every_months=3
    )

    plan.refresh_from_db()
    assert plan.review_every_months == 3
    assert plan.next_review_due == date(2025, 8, 1)


def test_add_months_keeps_to_the_end_of_short_months() -> None:
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 2) == date(2026, 1, 15)


# --- actions -------------------------------------------------------------------------


def test_action_create_numbers_within_plan_and_records_event(
    owner: User, agency_a: Agency, frozen: Any
) -> None:
    plan = ActionPlanFactory.create()

    first = services.action_create(
        actor=owner, plan=plan, description="Do one", owner_agency=agency_a, due_date=TODAY
    )
    second = services.action_create(
        actor=owner, plan=plan, description="Do two", owner_agency=agency_a, due_date=TODAY
    )

    assert (first.number, second.number) == (1, 2)
    assert second.status == Action.Status.NOT_STARTED
    assert second.original_due_date == TODAY
    events = _events(verbs.ACTION_CREATED)
    assert [e.target_id for e in events] == [str(first.pk), str(second.pk)]
    assert events[0].actor == owner


def _create_refused(actor: User, **fields: Any) -> dict[str, Any]:
    """`actor` adds an action "Do it", due today, to a new plan with `fields`; the service
    refuses it, and the errors it gives, by field, are returned."""
    with pytest.raises(ValidationError) as excinfo:
        services.action_create(
            actor=actor,
            plan=ActionPlanFactory.create(),
            description="Do it",
            due_date=TODAY,
            **fields,
        )
    return dict(excinfo.value.error_dict)


def test_action_create_rejected_when_agency_disabled(owner: User) -> None:
    agency = AgencyFactory.create(disabled_on=date(2024, 1, 1))

    assert "owner_agency" in _create_refused(owner, owner_agency=agency)
    assert Action.objects.count() == 0


def test_action_update_records_before_and_after(owner: User, frozen: Any) -> None:
    action = ActionFactory.create(due_date=date(2025, 6, 30))

    services.action_update(
        actor=owner,
        action=action,
        expected_version=action.version,
        **edit_fields(action, due_date=date(2025, 7, 31)),
    )

    action.refresh_from_db()
    assert action.due_date == date(2025, 7, 31)
    assert action.original_due_date == date(2025, 6, 30)
    assert action.due_date_moved
    assert action.version == 2
    event = _events(verbs.ACTION_UPDATED)[0]
    assert event.changes == {"due_date": {"before": "2025-06-30", "after": "2025-07-31"}}


def test_action_update_stale_version_raises_edit_conflict(owner: User, officer: User) -> None:
    action = ActionFactory.create(description="Original wording")
    stale_version = action.version
    services.action_update(
        actor=officer,
        action=action,
        expected_version=stale_version,
        **edit_fields(action, description="Their wording"),
    )

    with pytest.raises(EditConflictError) as excinfo:
        services.action_update(
            actor=owner,
            action=action,
            expected_version=stale_version,
            **edit_fields(action, description="Mine"),
        )

    assert "Someone else saved this record" in excinfo.value.messages[0]
    assert "Their wording" in excinfo.value.messages[0]
    action.refresh_from_db()
    assert action.description == "Their wording"


def test_action_update_rejects_status_change(owner: User) -> None:
    action = ActionFactory.create(status=Action.Status.ON_TRACK)

    with pytest.raises(TypeError):  # the status changes only through a progress update
        services.action_update(  # type: ignore[call-arg]
            actor=owner,
            action=action,
            expected_version=action.version,
            status=Action.Status.COMPLETE,
            **edit_fields(action),
        )
    action.refresh_from_db()
    assert action.status == Action.Status.ON_TRACK


# --- progress ------------------------------------------------------------------------


def test_progress_complete_records_completed_on_today(
    lead_a: User, agency_a: Agency, frozen: Any
) -> None:
    action = ActionFactory.create(owner_agency=agency_a, status=Action.Status.ON_TRACK)

    update = services.action_progress_add(
        actor=lead_a, action=action, note="All briefed.", status=Action.Status.COMPLETE
    )

    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETE
    assert action.completed_on == TODAY
    assert action.version == 2
    assert (update.status_before, update.status_after) == (
        Action.Status.ON_TRACK,
        Action.Status.COMPLETE,
    )
    assert update.author == lead_a
    event = _events(verbs.ACTION_PROGRESS_ADDED)[0]
    assert event.changes["status"] == {"before": "on_track", "after": "complete"}
    assert event.data == {"update_id": update.pk, "evidence": False}


def test_progress_reopen_clears_completed_on(owner: User, frozen: Any) -> None:
    action = ActionFactory.create(status=Action.Status.COMPLETE, completed_on=date(2025, 5, 1))

    services.action_progress_add(
        actor=owner, action=action, note="Audit found gaps.", status=Action.Status.AT_RISK
    )

    action.refresh_from_db()
    assert action.status == Action.Status.AT_RISK
    assert action.completed_on is None


def test_progress_rejected_when_completion_date_in_future(owner: User, frozen: Any) -> None:
    action = ActionFactory.create()

    with pytest.raises(ValidationError):
        services.action_progress_add(
            actor=owner,
            action=action,
            note="Done.",
            status=Action.Status.COMPLETE,
            completed_on=TODAY + timedelta(days=1),
        )
    assert ActionUpdate.objects.count() == 0


def test_progress_note_without_status_change_keeps_version(owner: User) -> None:
    action = ActionFactory.create(status=Action.Status.ON_TRACK)

    update = services.action_progress_add(
        actor=owner, action=action, note="Still going.", status=Action.Status.ON_TRACK
    )

    action.refresh_from_db()
    assert action.version == 1
    assert not update.status_changed


def test_progress_stores_evidence_under_a_random_name(owner: User) -> None:
    action = ActionFactory.create()
    upload = SimpleUploadedFile("briefing attendance.pdf", b"%PDF-1.4 synthetic")

    update = services.action_progress_add(
        actor=owner,
        action=action,
        note="Attached.",
        status=Action.Status.ON_TRACK,
        evidence=upload,
    )

    update.refresh_from_db()
    assert update.evidence_name == "briefing attendance.pdf"
    assert update.evidence.name.startswith("actions/evidence/")
    assert "briefing" not in update.evidence.name
    assert update.evidence.read() == b"%PDF-1.4 synthetic"
    assert _events(verbs.ACTION_PROGRESS_ADDED)[0].data["evidence"] is True


@pytest.mark.parametrize("name", ["run-me.exe", "page.html", "no-extension"])
def test_progress_rejects_unsafe_evidence(owner: User, name: str) -> None:
    action = ActionFactory.create()

    with pytest.raises(ValidationError) as excinfo:
        services.action_progress_add(
            actor=owner,
            action=action,
            note="Attached.",
            status=Action.Status.ON_TRACK,
            evidence=SimpleUploadedFile(name, b"data"),
        )
    assert "evidence" in excinfo.value.error_dict
    assert ActionUpdate.objects.count() == 0


# --- reviews -------------------------------------------------------------------------


def test_review_record_sets_next_review_and_keeps_figures(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create(review_every_months=2)
    ActionFactory.create(
        plan=plan, due_date=TODAY - timedelta(days=1), status=Action.Status.ON_TRACK
    )  # overdue
    ActionFactory.create(
        plan=plan, due_date=TODAY + timedelta(days=9), status=Action.Status.ON_TRACK
    )
    ActionFactory.create(plan=plan, status=Action.Status.COMPLETE, completed_on=TODAY)

    review = services.action_plan_review_record(
        actor=owner, plan=plan, reviewed_on=date(2025, 5, 30), notes="Good progress."
    )

    plan.refresh_from_db()
    assert plan.last_reviewed_on == date(2025, 5, 30)
    assert plan.next_review_due == date(2025, 7, 30)
    assert review.next_review_due == date(2025, 7, 30)
    assert (review.open_count, review.overdue_count, review.complete_count) == (2, 1, 1)
    event = _events(verbs.ACTION_PLAN_REVIEWED)[0]
    assert event.data["review_id"] == review.pk
    assert event.changes["next_review_due"]["after"] == "2025-07-30"


def test_review_rejected_when_date_in_future(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create()
    with pytest.raises(ValidationError):
        services.action_plan_review_record(
            actor=owner, plan=plan, reviewed_on=TODAY + timedelta(days=1)
        )


def test_review_rejected_when_before_last_review(owner: User, frozen: Any) -> None:
    plan = ActionPlanFactory.create(last_reviewed_on=date(2025, 5, 1))
    with pytest.raises(ValidationError):
        services.action_plan_review_record(actor=owner, plan=plan, reviewed_on=date(2025, 4, 1))
    assert plan.reviews.count() == 0


# --- scheduled jobs ------------------------------------------------------------------


def test_mark_overdue_changes_past_due_actions_once(frozen: Any) -> None:
    past_due = ActionFactory.create(
        due_date=TODAY - timedelta(days=1), status=Action.Status.ON_TRACK
    )
    due_today = ActionFactory.create(due_date=TODAY, status=Action.Status.ON_TRACK)
    done = ActionFactory.create(
        due_date=TODAY - timedelta(days=5), status=Action.Status.COMPLETE, completed_on=TODAY
    )

    first = services.actions_mark_overdue()
    second = services.actions_mark_overdue()

    assert (first, second) == (1, 0)
    past_due.refresh_from_db()
    due_today.refresh_from_db()
    done.refresh_from_db()
    assert past_due.status == Action.Status.OVERDUE
    assert due_today.status == Action.Status.ON_TRACK
    assert done.status == Action.Status.COMPLETE
    update = past_due.updates.get()
    assert update.author is None
    assert (update.status_before, update.status_after) == (
        Action.Status.ON_TRACK,
        Action.Status.OVERDUE,
    )
    assert [e.target_id for e in _events(verbs.ACTION_MARKED_OVERDUE)] == [str(past_due.pk)]


def test_mark_overdue_command_is_safe_to_run_twice(frozen: Any) -> None:
    ActionFactory.create(due_date=TODAY - timedelta(days=1), status=Action.Status.AT_RISK)

    call_command("actions_mark_overdue", stdout=(out := _Buffer()))
    call_command("actions_mark_overdue", stdout=(again := _Buffer()))

    assert "1 action(s) marked overdue" in out.text
    assert "0 action(s) marked overdue" in again.text


class _Buffer:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        return None


@pytest.fixture
def deliver_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deliver reminder e-mails at once instead of through the task queue (a boundary), so the
    real templates render into mail.outbox on SQLite and PostgreSQL alike."""
    from safeguarding.core.emails import email_deliver

    def _send(*, template: str, to: list[str], context: dict[str, Any]) -> None:
        email_deliver(template=template, to=to, context=context)

    monkeypatch.setattr(reminders, "email_send", _send)


def _send_reminders(today: date | None = None) -> services.ReminderResult:
    return services.actions_send_reminders(today=today)


def test_reminder_due_soon_sent_once_to_owner(
    make_user: Callable[..., User],
    deliver_now: None,
    frozen: Any,
) -> None:
    person = make_user(email="owner.person@agency.example")
    # Monday 2 June + 5 working days = Monday 9 June.
    action = ActionFactory.create(owner_person=person, due_date=date(2025, 6, 9))
    ActionFactory.create(owner_person=person, due_date=date(2025, 6, 10))  # outside the window

    first = _send_reminders()
    second = _send_reminders()

    assert (first.due_soon, first.missed, second.sent) == (1, 0, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["owner.person@agency.example"]
    assert (
        message.subject
        == f"Action {action.number} for {action.owner_agency.name} is due on 9 June 2025"
    )
    assert f"/actions/{action.pk}/" in message.body
    assert action.description not in message.body
    reminder = ActionReminder.objects.get()
    assert list(reminder.recipients.all()) == [person]
    assert len(_events(verbs.ACTION_REMINDER_SENT)) == 1


def test_reminder_window_follows_setting(
    make_user: Callable[..., User],
    deliver_now: None,
    settings: Any,
    frozen: Any,
) -> None:
    settings.ACTION_REMINDER_WORKING_DAYS = 1
    ActionFactory.create(owner_person=make_user(), due_date=date(2025, 6, 9))

    result = _send_reminders()

    assert result.sent == 0
    assert mail.outbox == []


def test_reminder_missed_goes_to_agency_leads_when_no_owner_person(
    lead_a: User,
    agency_a: Agency,
    make_user: Callable[..., User],
    deliver_now: None,
    frozen: Any,
) -> None:
    second_lead = make_user((Role.AGENCY_LEAD, agency_a))
    make_user((Role.PRACTITIONER, agency_a))  # not a lead: not reminded
    ActionFactory.create(owner_agency=agency_a, due_date=TODAY - timedelta(days=3))

    result = _send_reminders()
    again = _send_reminders()

    assert (result.missed, again.sent) == (1, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lead_a.email, second_lead.email])
    assert "3 days ago" in mail.outbox[0].body
    assert "is overdue" in mail.outbox[0].subject


def test_reminder_sent_again_for_a_new_due_date(
    owner: User,
    make_user: Callable[..., User],
    deliver_now: None,
    frozen: Any,
) -> None:
    action = ActionFactory.create(owner_person=make_user(), due_date=date(2025, 6, 4))
    _send_reminders()
    services.action_update(
        actor=owner,
        action=action,
        expected_version=action.version,
        **edit_fields(action, due_date=date(2025, 6, 6)),
    )

    result = _send_reminders()

    assert result.due_soon == 1
    assert len(mail.outbox) == 2


def test_reminder_skipped_and_retried_when_nobody_to_remind(
    run_tasks: Callable[[], int], frozen: Any
) -> None:
    ActionFactory.create(due_date=date(2025, 6, 4))

    result = _send_reminders()

    assert (result.sent, result.no_recipient) == (0, 1)
    assert ActionReminder.objects.count() == 0


def test_send_reminders_command_reports_counts(
    frozen: Any, make_user: Callable[..., User]
) -> None:
    ActionFactory.create(owner_person=make_user(), due_date=date(2025, 6, 3))

    call_command("actions_send_reminders", stdout=(out := _Buffer()))

    assert "1 due-soon and 0 missed-date reminder(s) sent" in out.text


def test_reminder_email_is_queued_after_commit(
    make_user: Callable[..., User], django_capture_on_commit_callbacks: Any, frozen: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    ActionFactory.create(owner_person=make_user(), due_date=date(2025, 6, 3))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.actions_send_reminders()

    assert len(callbacks) == 1
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "safeguarding.core.tasks.email_send_task"
    assert queued.args_kwargs["kwargs"]["template"] == "action_reminder_due_soon"


def test_plan_update_rejects_other_fields(owner: User) -> None:
    plan = ActionPlanFactory.create()

    with pytest.raises(TypeError):  # only the title and the review cycle change here
        services.action_plan_update(  # type: ignore[call-arg]
            actor=owner, plan=plan, expected_version=plan.version, source_id=1
        )


def test_action_create_rejected_when_owner_account_closed(
    owner: User, agency_a: Agency, make_user: Callable[..., User]
) -> None:
    closed = make_user(is_active=False)

    assert "owner_person" in _create_refused(owner, owner_agency=agency_a, owner_person=closed)


@pytest.mark.parametrize(
    ("note", "status", "field"),
    [("  ", Action.Status.ON_TRACK, "note"), ("Something", "finished", "status")],
)
def test_progress_rejected_without_note_or_valid_status(
    owner: User, note: str, status: str, field: str
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.action_progress_add(
            actor=owner, action=ActionFactory.create(), note=note, status=status
        )
    assert field in excinfo.value.error_dict
    assert ActionUpdate.objects.count() == 0


def test_progress_rejects_empty_and_oversized_evidence(owner: User, settings: Any) -> None:
    action = ActionFactory.create()
    empty = SimpleUploadedFile("empty.pdf", b"")
    big = SimpleUploadedFile("big.pdf", b"x" * (EVIDENCE_MAX_BYTES + 1))

    for upload in (empty, big):
        with pytest.raises(ValidationError):
            services.action_progress_add(
                actor=owner,
                action=action,
                note="n",
                status=Action.Status.ON_TRACK,
                evidence=upload,
            )
    assert ActionUpdate.objects.count() == 0
