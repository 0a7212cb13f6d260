"""Evaluation, certificate gating, verification (forged and revoked codes rejected), the PDF,
the impact survey, briefings, validation and the training needs survey."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils.html import escape

from safeguarding.accounts.models import User
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import PriorityFactory
from safeguarding.training import rules, selectors, services
from safeguarding.training.codes import certificate_code_new
from safeguarding.training.models import (
    BriefingDailyViews,
    Certificate,
    CourseValidation,
    TrainingBooking,
    TrainingSession,
)
from safeguarding.training.tests.factories import (
    BriefingFactory,
    CourseValidationFactory,
    validation_changes_request,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended(session: TrainingSession, learner: User, owner: User, frozen: Any) -> TrainingBooking:
    booking = services.booking_create(actor=learner, session=session)
    frozen.move_to(datetime(2025, 6, 12, 11, 0, tzinfo=UTC))
    return services.attendance_mark(
        actor=owner, booking=booking, attendance=TrainingBooking.Attendance.ATTENDED
    )


def _evaluate(booking: TrainingBooking, learner: User) -> None:
    services.evaluation_submit(
        actor=learner, booking=booking, met_needs=True, delivery_right=True, rating=5
    )


# --- evaluation and certificate gating ----------------------------------------------------


def test_no_certificate_until_the_evaluation_is_done(
    attended: TrainingBooking, learner: User
) -> None:
    assert not Certificate.objects.filter(booking=attended).exists()

    _evaluate(attended, learner)

    certificate = Certificate.objects.get(booking=attended)
    assert certificate.learner == learner
    assert certificate.completed_on == date(2025, 6, 12)
    assert certificate.title == attended.session.course.title


def test_evaluation_rejected_when_not_attended(session: TrainingSession, learner: User) -> None:
    booking = services.booking_create(actor=learner, session=session)
    with pytest.raises(ValidationError, match="attendance is recorded"):
        _evaluate(booking, learner)
    assert Certificate.objects.count() == 0


def test_evaluation_rejected_from_someone_else(
    attended: TrainingBooking, make_practitioner: Callable[..., User]
) -> None:
    with pytest.raises(ValidationError, match="Only the person"):
        _evaluate(attended, make_practitioner())


def test_evaluation_only_once(attended: TrainingBooking, learner: User) -> None:
    _evaluate(attended, learner)
    with pytest.raises(ValidationError, match="already evaluated"):
        _evaluate(attended, learner)
    assert Certificate.objects.count() == 1


def test_evaluation_rating_must_be_1_to_5(attended: TrainingBooking, learner: User) -> None:
    with pytest.raises(ValidationError):
        services.evaluation_submit(
            actor=learner, booking=attended, met_needs=True, delivery_right=True, rating=6
        )


# --- verification -------------------------------------------------------------------------


def test_genuine_code_verifies_even_typed_loosely(
    attended: TrainingBooking, learner: User
) -> None:
    _evaluate(attended, learner)
    code = Certificate.objects.get().code

    found = selectors.certificate_find(code=code.lower().replace("-", " "))

    assert found is not None
    assert found.learner == learner
    assert not found.is_revoked


def test_forged_code_is_rejected(attended: TrainingBooking, learner: User) -> None:
    _evaluate(attended, learner)
    genuine = Certificate.objects.get().code
    forged = certificate_code_new()
    assert forged != genuine

    tampered = genuine[:-1] + ("A" if genuine[-1] != "A" else "B")

    assert selectors.certificate_find(code=forged) is None
    assert selectors.certificate_find(code=tampered) is None
    assert selectors.certificate_find(code="") is None
    assert selectors.certificate_find(code=genuine + "A") is None


def test_revoked_certificate_no_longer_verifies(
    attended: TrainingBooking, learner: User, owner: User, client: Any
) -> None:
    _evaluate(attended, learner)
    certificate = Certificate.objects.get()

    services.certificate_revoke(actor=owner, certificate=certificate, reason="Issued in error")

    response = client.get(f"/training/certificates/verify/{certificate.code}/")
    assert "has been revoked" in response.content.decode()
    assert "is genuine" not in response.content.decode()
    with pytest.raises(ValidationError, match="already revoked"):
        services.certificate_revoke(actor=owner, certificate=certificate, reason="again")


def test_codes_are_unique_and_unguessable() -> None:
    codes = {certificate_code_new() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(c) == 19 and c.count("-") == 3 for c in codes)


def test_certificate_pdf_carries_code_and_verification_address(
    attended: TrainingBooking, learner: User
) -> None:
    _evaluate(attended, learner)
    certificate = Certificate.objects.get()

    url = "https://platform.example/verify/"
    html = services.certificate_html(certificate=certificate, verify_url=url)
    pdf = services.certificate_pdf(certificate=certificate, verify_url=url)

    assert certificate.code in html
    assert url in html
    assert escape(learner.display_name) in html
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")


# --- impact survey --------------------------------------------------------------------------


def test_impact_survey_sent_three_months_after_once(
    attended: TrainingBooking,
    frozen: Any,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert services.impact_surveys_send() == 0
        frozen.move_to(datetime(2025, 9, 11, 9, 0, tzinfo=UTC))  # 91 days after 12 June
        call_command("training_impact_surveys_send")
        assert services.impact_surveys_send() == 0
    mail.outbox.clear()
    run_tasks()

    surveys = [m for m in mail.outbox if "changed your practice" in m.subject]
    assert len(surveys) == 1
    assert f"/training/bookings/{attended.pk}/impact/" in surveys[0].body


def test_impact_response_needs_how_when_practice_changed(
    attended: TrainingBooking, learner: User
) -> None:
    with pytest.raises(ValidationError):
        services.impact_response_submit(
            actor=learner, booking=attended, practice_changed=True, how=" ", examples=""
        )
    response = services.impact_response_submit(
        actor=learner,
        booking=attended,
        practice_changed=True,
        how="I use the neglect tool.",
        examples="",
    )
    assert response.practice_changed


# --- briefings ------------------------------------------------------------------------------


def test_briefing_views_counted_per_day(frozen: Any) -> None:
    briefing = BriefingFactory.create()
    for _ in range(3):
        services.briefing_view_count(briefing=briefing)
    frozen.shift(timedelta(days=1))
    services.briefing_view_count(briefing=briefing)

    rows = list(BriefingDailyViews.objects.order_by("day").values_list("day", "views"))
    assert rows == [(date(2025, 6, 2), 3), (date(2025, 6, 3), 1)]


def test_briefing_complete_needs_right_answers_and_issues_certificate(learner: User) -> None:
    briefing = BriefingFactory.create()
    with pytest.raises(ValidationError, match="question 1"):
        services.briefing_complete(
            actor=learner, briefing=briefing, answers={"q1": "Yes"}, rating=4
        )

    completion = services.briefing_complete(
        actor=learner, briefing=briefing, answers={"q1": "No"}, rating=4, feedback="Useful"
    )

    assert completion.certificate.learner == learner
    assert completion.rating == 4
    with pytest.raises(ValidationError, match="already completed"):
        services.briefing_complete(
            actor=learner, briefing=briefing, answers={"q1": "No"}, rating=4
        )


# --- validation -----------------------------------------------------------------------------


def test_validation_needs_every_checklist_item(owner: User) -> None:
    validation = CourseValidationFactory.create()
    checklist = {key: True for key, _ in rules.VALIDATION_CHECKLIST}
    checklist["voice"] = False
    with pytest.raises(ValidationError, match="voice of the child"):
        services.validation_review(
            actor=owner,
            validation=validation,
            checklist=checklist,
            notes="",
            decision=CourseValidation.Status.VALIDATED,
            expires_on=date(2027, 6, 1),
            expected_version=validation.version,
        )


def test_validation_changes_requested_then_resubmitted_then_validated(
    owner: User, lead_a: User, agency_a: Agency, frozen: Any
) -> None:
    validation = services.validation_submit(
        actor=lead_a,
        agency=agency_a,
        title="Safeguarding for call handlers",
        content_outline="Outline",
        materials="Slides",
        trainer="Synthetic trainer",
        audience="Call handlers",
    )
    validation_changes_request(owner, validation, "Add the escalation policy.")
    assert validation.status == CourseValidation.Status.CHANGES_REQUESTED
    services.validation_resubmit(
        actor=lead_a,
        validation=validation,
        expected_version=validation.version,
        materials="Slides with the escalation policy",
    )
    services.validation_review(
        actor=owner,
        validation=validation,
        checklist={key: True for key, _ in rules.VALIDATION_CHECKLIST},
        notes="",
        decision=CourseValidation.Status.VALIDATED,
        expires_on=date(2027, 6, 1),
        expected_version=validation.version,
    )

    validation.refresh_from_db()
    assert validation.status == CourseValidation.Status.VALIDATED
    assert validation.validated_on == date(2025, 6, 2)
    validated = selectors.validation_list_for_user(
        user=lead_a, status=CourseValidation.Status.VALIDATED
    )
    assert [v.agency.name for v in validated] == [agency_a.name]


def test_validation_review_refuses_a_stale_edit(owner: User) -> None:
    from safeguarding.core.concurrency import EditConflictError

    validation = CourseValidationFactory.create()
    stale = validation.version
    validation_changes_request(owner, validation, "First reviewer's note", expected_version=stale)
    with pytest.raises(EditConflictError):
        validation_changes_request(
            owner,
            CourseValidation.objects.get(pk=validation.pk),
            "Second reviewer's note",
            expected_version=stale,
        )


def test_validation_list_scoped_to_the_leads_agency(
    lead_a: User, agency_a: Agency, agency_b: Agency, owner: User
) -> None:
    mine = CourseValidationFactory.create(agency=agency_a)
    CourseValidationFactory.create(agency=agency_b)

    assert list(selectors.validation_list_for_user(user=lead_a)) == [mine]
    assert selectors.validation_list_for_user(user=owner).count() == 2


# --- training needs survey ------------------------------------------------------------------


def test_needs_summary_per_priority(owner: User, agency_a: Agency, agency_b: Agency) -> None:
    p1, p2 = PriorityFactory.create(number=1), PriorityFactory.create(number=2)
    survey = services.needs_survey_create(
        actor=owner, year_label="2025-26", opens_on=date(2025, 6, 1), closes_on=date(2025, 7, 1)
    )
    responses = [
        (agency_a, "E-learning", [(p1, True, ""), (p2, False, "No exploitation module")]),
        (agency_b, "Level 3", [(p1, False, "Neglect tool not covered"), (p2, False, "")]),
    ]
    for agency, offered, gaps in responses:
        services.needs_response_submit(
            actor=owner, survey=survey, agency=agency, training_offered=offered, gaps=gaps
        )

    summary = {row.priority.number: row for row in selectors.needs_summary(survey=survey)}

    assert (summary[1].responses, summary[1].covered) == (2, 1)
    assert (summary[2].responses, summary[2].covered) == (2, 0)
    assert summary[2].gaps == ["Synthetic Police Service: No exploitation module"]
    with pytest.raises(ValidationError, match="already answered"):
        services.needs_response_submit(
            actor=owner, survey=survey, agency=agency_a, training_offered="x", gaps=[]
        )


def test_free_text_answers_are_encrypted_at_rest(attended: TrainingBooking, learner: User) -> None:
    from django.db import connection

    from safeguarding.training.models import ImpactResponse

    services.impact_response_submit(
        actor=learner,
        booking=attended,
        practice_changed=True,
        how="I now record the child's words.",
        examples="",
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT how FROM {ImpactResponse._meta.db_table}")  # noqa: S608
        (stored,) = cursor.fetchone()
    assert "child" not in stored
    assert ImpactResponse.objects.get().how == "I now record the child's words."
