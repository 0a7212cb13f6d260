"""The retention schedule: what is due, legal holds, anonymising, published figures kept,
and the dry run changing nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from io import StringIO

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Model

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record
from safeguarding.assurance import reporting as assurance_reporting
from safeguarding.assurance.models import Answer, Response
from safeguarding.core.years import ReportingYear
from safeguarding.retention import registry, selectors, services, verbs
from safeguarding.retention.models import LegalHold, RetentionRun
from safeguarding.retention.tests.factories import answered_survey, attended_booking
from safeguarding.training import reporting as training_reporting
from safeguarding.training.models import Certificate, Evaluation, TrainingBooking

pytestmark = pytest.mark.django_db

BEFORE_DUE = dt.datetime(2025, 5, 1, 9, tzinfo=dt.UTC)  # < 6 years after the session
AFTER_DUE = dt.datetime(2025, 7, 1, 9, tzinfo=dt.UTC)  # > 6 years after; survey + 3 years
YEAR_2019 = ReportingYear(2019)
YEAR_2020 = ReportingYear(2020)


def _status(key: str, day: dt.date) -> selectors.PolicyStatus:
    return selectors.policy_status(policy=registry.policy_get(key), as_of=day)


def _hold(owner: User, record: Model, review_on: dt.date) -> LegalHold:
    return services.legal_hold_place(
        actor=owner,
        content_type_id=ContentType.objects.get_for_model(record).pk,
        object_id=record.pk,
        reason="A synthetic claim about the 2019 course.",
        review_on=review_on,
    )


def test_every_record_type_has_a_policy() -> None:
    keys = {policy.key for policy in registry.policy_list()}

    assert keys >= {
        "training.bookings",
        "assurance.survey_responses",
        "activity_log.events",
        "child_deaths.files",
        "case_reviews.files",
        "datasets.return_records",
    }


def test_booking_not_due_before_six_years(make_user: Callable[..., User]) -> None:
    attended_booking(learner=make_user())

    assert _status("training.bookings", BEFORE_DUE.date()).due == 0
    assert _status("training.bookings", AFTER_DUE.date()).due == 1


def test_apply_anonymises_due_bookings_and_keeps_the_counts(
    make_user: Callable[..., User],
) -> None:
    learner = make_user()
    booking = attended_booking(learner=learner)
    recent = attended_booking(learner=learner, starts_at=dt.datetime(2021, 6, 1, tzinfo=dt.UTC))

    with time_machine.travel(AFTER_DUE, tick=False):
        run, outcomes = services.retention_apply(actor=None, as_of=AFTER_DUE.date())

    booking.refresh_from_db()
    assert booking.learner is None
    assert booking.attendance == TrainingBooking.Attendance.ATTENDED
    evaluation = Evaluation.objects.get(booking=booking)
    assert (evaluation.comments, evaluation.answers, evaluation.rating) == ("", {}, 4)
    # Certificates stay (counted in the yearly figures; the learner may still need them).
    assert Certificate.objects.filter(booking=booking).exists()
    # The recent booking is not due yet.
    recent.refresh_from_db()
    assert recent.learner == learner
    assert Certificate.objects.filter(booking=recent).exists()
    training = next(o for o in outcomes if o.policy.key == "training.bookings")
    assert (training.due, training.held, training.processed) == (1, 0, 1)
    assert run.results.get(policy_key="training.bookings").processed == 1


def test_yearly_training_figures_unchanged_after_applying(
    make_user: Callable[..., User],
) -> None:
    for _ in range(3):
        attended_booking(learner=make_user())
    before = training_reporting.report_figures(YEAR_2019)

    services.retention_apply(actor=None, as_of=AFTER_DUE.date())

    assert TrainingBooking.objects.filter(learner__isnull=False).count() == 0
    assert training_reporting.report_figures(YEAR_2019) == before


def test_held_booking_is_not_anonymised(owner: User, make_user: Callable[..., User]) -> None:
    held = attended_booking(learner=make_user())
    free = attended_booking(learner=make_user())
    with time_machine.travel(dt.datetime(2025, 6, 20, tzinfo=dt.UTC), tick=False):
        _hold(owner, held.session, dt.date(2026, 1, 1))  # the session: its bookings are held

    assert _status("training.bookings", AFTER_DUE.date()).held == 1
    services.retention_apply(actor=None, as_of=AFTER_DUE.date())

    held.refresh_from_db()
    free.refresh_from_db()
    assert held.learner is not None
    assert Evaluation.objects.get(booking=held).comments
    assert free.learner is None


def test_released_hold_no_longer_holds(owner: User, make_user: Callable[..., User]) -> None:
    booking = attended_booking(learner=make_user())
    with time_machine.travel(dt.datetime(2025, 6, 20, tzinfo=dt.UTC), tick=False):
        hold = _hold(owner, booking, dt.date(2026, 1, 1))
        services.legal_hold_release(actor=owner, hold=hold, reason="The claim was withdrawn.")

    services.retention_apply(actor=None, as_of=AFTER_DUE.date())

    booking.refresh_from_db()
    assert booking.learner is None
    assert ActivityEvent.objects.filter(verb=verbs.LEGAL_HOLD_RELEASED).count() == 1


def test_hold_needs_a_reason_a_future_review_and_a_real_record(owner: User) -> None:
    content_type = ContentType.objects.get_for_model(TrainingBooking)
    with pytest.raises(ValidationError, match="no record"):
        services.legal_hold_place(
            actor=owner,
            content_type_id=content_type.pk,
            object_id=999,
            reason="x",
            review_on=dt.date(2999, 1, 1),
        )
    user_type = ContentType.objects.get_for_model(User)
    with pytest.raises(ValidationError, match="no record"):
        services.legal_hold_place(
            actor=owner,
            content_type_id=user_type.pk,
            object_id=owner.pk,
            reason="x",
            review_on=dt.date(2999, 1, 1),
        )


def test_survey_answers_anonymised_and_published_figures_unchanged() -> None:
    survey = answered_survey()
    before = assurance_reporting.survey_figures(YEAR_2020)
    assert _status("assurance.survey_responses", dt.date(2023, 12, 1)).due == 0

    services.retention_apply(actor=None, as_of=dt.date(2024, 1, 2))

    assert Response.objects.filter(survey=survey).count() == 6
    comments = Answer.objects.filter(question__key="comment")
    assert set(comments.values_list("value", flat=True)) == {""}
    assert assurance_reporting.survey_figures(YEAR_2020) == before
    assert before[0].respondents == 6
    assert before[0].key_findings[0].percent == 67


def test_dry_run_changes_nothing(make_user: Callable[..., User]) -> None:
    booking = attended_booking(learner=make_user())
    answered_survey()
    events = ActivityEvent.objects.count()
    out = StringIO()

    with time_machine.travel(AFTER_DUE, tick=False):
        call_command("retention_apply", stdout=out)

    booking.refresh_from_db()
    assert booking.learner is not None
    assert not Answer.objects.filter(question__key="comment", value="").exists()
    assert not RetentionRun.objects.exists()
    assert ActivityEvent.objects.count() == events
    assert "Training bookings and evaluations: 1 due, 0 held, 1 would be removed" in (
        out.getvalue()
    )


def test_apply_command_logs_one_summary_event_per_type_without_content(
    make_user: Callable[..., User],
) -> None:
    attended_booking(learner=make_user())
    out = StringIO()

    with time_machine.travel(AFTER_DUE, tick=False):
        call_command("retention_apply", "--apply", "--batch-size", "1", stdout=out)

    events = ActivityEvent.objects.filter(verb=verbs.RETENTION_APPLIED)
    assert events.count() == len(registry.policy_list())
    training = events.get(data__record_type="training.bookings")
    assert training.data == {
        "record_type": "training.bookings",
        "action": "anonymise",
        "due": 1,
        "held": 0,
        "processed": 1,
    }
    assert "Child Q" not in str(list(events.values()))
    assert "Training bookings and evaluations: 1 due, 0 held, 1 removed" in out.getvalue()


def test_batches_process_everything(make_user: Callable[..., User]) -> None:
    for _ in range(5):
        attended_booking(learner=make_user())

    _run, outcomes = services.retention_apply(actor=None, as_of=AFTER_DUE.date(), batch_size=2)

    training = next(o for o in outcomes if o.policy.key == "training.bookings")
    assert training.processed == 5
    assert not TrainingBooking.objects.filter(learner__isnull=False).exists()


def test_activity_log_is_kept_and_its_chain_still_verifies(make_user: Callable[..., User]) -> None:
    with time_machine.travel(dt.datetime(2017, 1, 5, tzinfo=dt.UTC), tick=False):
        event_record(actor=make_user(), verb="synthetic.old_event")
    events = ActivityEvent.objects.count()

    assert _status("activity_log.events", AFTER_DUE.date()).due >= 1
    services.retention_apply(actor=None, as_of=AFTER_DUE.date())

    assert ActivityEvent.objects.filter(verb="synthetic.old_event").exists()
    assert ActivityEvent.objects.count() > events  # only the summary events were added
    out = StringIO()
    call_command("activity_log_verify", stdout=out)
    assert "Activity log intact" in out.getvalue()


def test_kept_policies_have_nothing_due() -> None:
    for key in ("child_deaths.files", "case_reviews.files", "datasets.return_records"):
        status = _status(key, dt.date(2099, 1, 1))
        assert (status.years, status.due, status.policy.action) == (
            None,
            0,
            registry.Action.KEEP,
        )


def test_held_survey_keeps_its_answers(owner: User) -> None:
    held = answered_survey()
    free = answered_survey()
    with time_machine.travel(dt.datetime(2023, 12, 1, tzinfo=dt.UTC), tick=False):
        _hold(owner, held, dt.date(2024, 6, 1))

    services.retention_apply(actor=None, as_of=dt.date(2024, 1, 2))

    comments = Answer.objects.filter(question__key="comment")
    assert "" not in set(comments.filter(response__survey=held).values_list("value", flat=True))
    assert set(comments.filter(response__survey=free).values_list("value", flat=True)) == {""}


# --- each batch and its summary event in one transaction -----------------------------------


def test_each_batch_is_written_with_its_summary_event(make_user: Callable[..., User]) -> None:
    for _ in range(3):
        attended_booking(learner=make_user())

    run, _outcomes = services.retention_apply(actor=None, as_of=AFTER_DUE.date(), batch_size=2)

    batches = ActivityEvent.objects.filter(
        verb=verbs.RETENTION_BATCH_APPLIED, data__record_type="training.bookings"
    ).order_by("pk")
    assert [event.data["processed"] for event in batches] == [2, 1]
    assert all(event.target_id == str(run.pk) for event in batches)
    assert run.results.get(policy_key="training.bookings").processed == 3


def test_a_failed_summary_event_rolls_back_its_batch(
    make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        attended_booking(learner=make_user())
    real_event_record = event_record
    written: list[int] = []

    def event_record_failing_on_second_batch(**kwargs: object) -> object:
        if kwargs.get("verb") == verbs.RETENTION_BATCH_APPLIED:
            written.append(1)
            if len(written) == 2:
                raise RuntimeError("the activity log is unavailable")
        return real_event_record(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(services, "event_record", event_record_failing_on_second_batch)

    with pytest.raises(RuntimeError):
        services.retention_apply(actor=None, as_of=AFTER_DUE.date(), batch_size=2)

    # The first batch (2 bookings) is anonymised with its event; the second batch's
    # anonymisation was rolled back with its event: its booking still names its learner.
    assert TrainingBooking.objects.filter(learner__isnull=True).count() == 2
    assert TrainingBooking.objects.filter(learner__isnull=False).count() == 1
    events = ActivityEvent.objects.filter(verb=verbs.RETENTION_BATCH_APPLIED)
    assert [event.data["processed"] for event in events] == [2]
    result = RetentionRun.objects.get().results.get(policy_key="training.bookings")
    assert result.processed == 2
    assert RetentionRun.objects.get().finished_at is None


def test_a_failed_batch_writes_no_summary_event(
    make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    attended_booking(learner=make_user())
    policy = registry.policy_get("training.bookings")
    assert policy.process is not None
    real_process = policy.process

    def process_then_fail(pks: list[int]) -> int:
        real_process(pks)  # the anonymisation runs, then the batch fails
        raise RuntimeError("disk full")

    failing = dataclasses.replace(policy, process=process_then_fail)
    monkeypatch.setattr(registry, "policy_list", lambda: [failing])

    with pytest.raises(RuntimeError):
        services.retention_apply(actor=None, as_of=AFTER_DUE.date(), batch_size=10)

    assert TrainingBooking.objects.filter(learner__isnull=False).count() == 1
    assert not ActivityEvent.objects.filter(verb=verbs.RETENTION_BATCH_APPLIED).exists()
