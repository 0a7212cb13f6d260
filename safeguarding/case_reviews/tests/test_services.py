"""Case review services: every write validated, audited in the same transaction, and a second
editor never silently overwrites the first."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import REDACTED
from safeguarding.case_reviews import services, verbs
from safeguarding.case_reviews.models import IncidentNotification, PracticeReview, RapidReview
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    PracticeReviewFactory,
)
from safeguarding.core.concurrency import EditConflictError
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AreaFactory

TODAY = date(2021, 4, 20)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(TODAY)]


def _theme(name: str = "Professional curiosity") -> Theme:
    return Theme.objects.get(name=name)


def _events(verb: str) -> int:
    return ActivityEvent.objects.filter(verb=verb).count()


def test_notification_create_numbers_opens_rapid_review_and_logs(officer: User) -> None:
    area = AreaFactory.create()

    first = services.incident_notification_create(
        actor=officer, area=area, incident_type="death", aware_on=date(2021, 4, 1)
    )
    second = services.incident_notification_create(
        actor=officer, area=area, incident_type="serious_harm", aware_on=date(2021, 4, 6)
    )

    assert (first.reference, second.reference) == ("SIN-2021-001", "SIN-2021-002")
    assert RapidReview.objects.filter(notification=first).exists()
    assert _events(verbs.INCIDENT_NOTIFICATION_RECORDED) == 2
    assert _events(verbs.RAPID_REVIEW_OPENED) == 2


def test_notification_rejected_when_notified_before_aware(officer: User) -> None:
    with pytest.raises(ValidationError) as error:
        services.incident_notification_create(
            actor=officer,
            area=AreaFactory.create(),
            incident_type="death",
            aware_on=date(2021, 4, 6),
            notified_on=date(2021, 4, 1),
        )

    assert "notified_on" in error.value.message_dict
    assert IncidentNotification.objects.count() == 0


def test_notification_rejected_when_aware_in_the_future(officer: User) -> None:
    with pytest.raises(ValidationError):
        services.incident_notification_create(
            actor=officer,
            area=AreaFactory.create(),
            incident_type="death",
            aware_on=date(2021, 4, 21),
        )


def test_notification_update_conflict_lists_what_changed(officer: User, owner: User) -> None:
    notification = IncidentNotificationFactory.create(summary="First")
    stale = notification.version
    services.incident_notification_update(
        actor=owner, notification=notification, expected_version=stale, summary="Changed by A"
    )

    with pytest.raises(EditConflictError) as error:
        services.incident_notification_update(
            actor=officer, notification=notification, expected_version=stale, summary="By B"
        )

    assert "Changed by A" in error.value.messages[0]
    notification.refresh_from_db()
    assert notification.summary == "Changed by A"


def test_notification_update_records_agency_changes(officer: User) -> None:
    notification = IncidentNotificationFactory.create()
    agency = Agency.objects.create(name="Testshire Health", sector=Agency.Sector.HEALTH)

    changes = services.incident_notification_update(
        actor=officer,
        notification=notification,
        expected_version=notification.version,
        agencies=[agency],
    )

    assert changes["agencies"] == {"before": [], "after": [agency.pk]}
    assert _events(verbs.INCIDENT_NOTIFICATION_AGENCIES_CHANGED) == 1


def test_notification_update_refuses_unknown_fields(officer: User) -> None:
    # mypy refuses the keyword too; the service still checks it for untyped callers
    with pytest.raises(ValidationError):
        services.incident_notification_update(  # type: ignore[call-arg]
            actor=officer,
            notification=IncidentNotificationFactory.create(),
            expected_version=None,
            reference="X",
        )


def test_child_identity_is_encrypted_and_redacted_from_the_log(officer: User) -> None:
    notification = IncidentNotificationFactory.create()

    child = services.child_add(
        actor=officer,
        notification=notification,
        pseudonym="Robin",
        full_name="Synthetic Person",
        date_of_birth=date(2020, 2, 2),
    )

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT full_name, date_of_birth_text FROM case_reviews_notifiedchild WHERE id = %s",
            [child.pk],
        )
        stored, stored_birth = cursor.fetchone()
    assert "Synthetic" not in stored
    assert "2020" not in stored_birth
    child.refresh_from_db()
    assert child.date_of_birth == date(2020, 2, 2)
    event = ActivityEvent.objects.get(verb=verbs.NOTIFIED_CHILD_ADDED)
    assert event.changes["full_name"]["after"] == REDACTED
    assert "Synthetic" not in str(event.changes) + event.target_label


def test_child_add_refuses_a_fifth_child(officer: User) -> None:
    notification = IncidentNotificationFactory.create()
    for name in ("Ash", "Bay", "Cob", "Dew"):
        services.child_add(actor=officer, notification=notification, pseudonym=name)

    with pytest.raises(ValidationError, match="at most 4"):
        services.child_add(actor=officer, notification=notification, pseudonym="Elm")


def test_child_add_refuses_a_blank_pseudonym(officer: User) -> None:
    with pytest.raises(ValidationError):
        services.child_add(
            actor=officer, notification=IncidentNotificationFactory.create(), pseudonym="  "
        )


def test_identity_view_is_recorded_against_the_notification(officer: User) -> None:
    notification = IncidentNotificationFactory.create()
    child = services.child_add(actor=officer, notification=notification, pseudonym="Robin")

    services.child_identity_view(actor=officer, child=child)

    event = ActivityEvent.objects.get(verb="viewed")
    assert event.target_id == str(notification.pk)
    assert event.data == {"what": "identity panel"}


def test_rapid_review_decision_needs_reasons_and_date(officer: User) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review

    with pytest.raises(ValidationError) as error:
        services.rapid_review_update(
            actor=officer, rapid_review=rapid, expected_version=rapid.version, decision="met"
        )

    assert {"decided_on", "decision_reasons"} <= set(error.value.message_dict)


def test_rapid_review_panel_response_needs_it_sent_first(officer: User) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review

    with pytest.raises(ValidationError) as error:
        services.rapid_review_update(
            actor=officer,
            rapid_review=rapid,
            expected_version=rapid.version,
            panel_response="agrees",
            panel_response_on=date(2021, 4, 1),
        )

    assert "panel_response" in error.value.message_dict


def test_rapid_review_decision_recorded_and_logged(officer: User) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review

    services.rapid_review_update(
        actor=officer,
        rapid_review=rapid,
        expected_version=rapid.version,
        decision="not_met",
        decision_reasons="Single-agency learning only.",
        decided_on=date(2021, 4, 1),
        sent_to_panel_on=date(2021, 4, 6),
    )

    rapid.refresh_from_db()
    assert rapid.decision == "not_met"
    assert rapid.version == 2
    assert _events(verbs.RAPID_REVIEW_UPDATED) == 1


def test_rapid_review_learning_is_a_learning_point_with_themes(officer: User) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review

    point = services.rapid_review_learning_record(
        actor=officer,
        rapid_review=rapid,
        title="Check explanations",
        summary="Ask and verify.",
        themes=[_theme()],
        recorded_on=date(2021, 4, 1),
    )

    assert point.source_kind == LearningPoint.SourceKind.RAPID_REVIEW
    assert point.source == rapid
    assert point.area_id == rapid.notification.area_id
    assert [t.name for t in point.themes.all()] == ["Professional curiosity"]


def test_agency_request_rejected_when_due_in_the_past(officer: User, agency: Agency) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review

    with pytest.raises(ValidationError):
        services.agency_request_create(
            actor=officer, rapid_review=rapid, agency=agency, due_on=date(2021, 4, 19)
        )


def test_agency_submission_recorded_encrypted_and_conflict_checked(
    agency_lead: User, officer: User
) -> None:
    request = AgencyRequestFactory.create()
    stale = request.version
    services.agency_request_submit(
        actor=agency_lead, request=request, response="Chronology v1", expected_version=stale
    )

    request.refresh_from_db()
    assert request.submitted_on == TODAY
    assert request.submitted_by == agency_lead
    with pytest.raises(EditConflictError):
        services.agency_request_submit(
            actor=officer, request=request, response="Other", expected_version=stale
        )
    event = ActivityEvent.objects.get(verb=verbs.AGENCY_REQUEST_SUBMITTED)
    assert "Chronology" not in str(event.changes)
    assert "submitted_on" in event.changes


def test_agency_submission_refuses_empty(agency_lead: User) -> None:
    with pytest.raises(ValidationError):
        services.agency_request_submit(
            actor=agency_lead,
            request=AgencyRequestFactory.create(),
            response=" ",
            expected_version=None,
        )


def _met_rapid_review(officer: User) -> RapidReview:
    rapid = IncidentNotificationFactory.create().rapid_review
    services.rapid_review_update(
        actor=officer,
        rapid_review=rapid,
        expected_version=None,
        decision="met",
        decision_reasons="Learning about working together.",
        decided_on=date(2021, 3, 1),
    )
    return rapid


def _commission(officer: User, rapid: RapidReview, kind: str = "cspr") -> PracticeReview:
    """Commission the review "Sparrow" (decided 1 March 2021, commissioned 15 March)."""
    return services.practice_review_commission(
        actor=officer,
        kind=kind,
        title="Sparrow",
        decided_on=date(2021, 3, 1),
        commissioned_on=date(2021, 3, 15),
        rapid_review=rapid,
    )


def _stage_set(
    officer: User,
    review: PracticeReview,
    status: str,
    *,
    on: date = date(2021, 4, 1),
    expected_version: int | None = None,
    final_report: SimpleUploadedFile | None = None,
) -> PracticeReview:
    """Move the review to `status` on `on` (1 April 2021 unless given)."""
    return services.practice_review_stage_set(
        actor=officer,
        review=review,
        status=status,
        on=on,
        expected_version=expected_version,
        final_report=final_report,
    )


def test_review_commission_from_met_rapid_review_sets_six_month_target(officer: User) -> None:
    rapid = _met_rapid_review(officer)

    review = _commission(officer, rapid)

    assert review.target_on == date(2021, 9, 1)
    assert review.area == rapid.notification.area
    assert review.status == PracticeReview.Status.COMMISSIONED
    assert _events(verbs.PRACTICE_REVIEW_COMMISSIONED) == 1


def test_review_commission_refused_when_criteria_not_met(officer: User) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review

    with pytest.raises(ValidationError):
        _commission(officer, rapid)


def test_review_stages_move_forward_only(officer: User) -> None:
    review = PracticeReviewFactory.create(status=PracticeReview.Status.IN_PROGRESS)

    with pytest.raises(ValidationError):
        _stage_set(officer, review, "published")
    _stage_set(officer, review, "report_received", on=date(2021, 3, 1))
    _stage_set(officer, review, "signed_off")

    review.refresh_from_db()
    assert review.status == PracticeReview.Status.SIGNED_OFF
    assert review.signed_off_on == date(2021, 4, 1)


def test_publishing_needs_a_link_or_report_and_publishes_findings(officer: User) -> None:
    review = PracticeReviewFactory.create(
        status=PracticeReview.Status.SIGNED_OFF, signed_off_on=date(2021, 3, 1)
    )
    point = services.finding_record(
        actor=officer,
        review=review,
        title="A finding",
        summary="Do this.",
        themes=[_theme()],
        recorded_on=date(2021, 3, 1),
    )
    assert not point.is_published

    with pytest.raises(ValidationError) as error:
        _stage_set(officer, review, "published")
    assert "publication_url" in error.value.message_dict
    _stage_set(
        officer,
        review,
        "published",
        final_report=SimpleUploadedFile("report.pdf", b"%PDF-1.4 synthetic"),
    )

    point.refresh_from_db()
    review.refresh_from_db()
    assert point.is_published
    assert review.published_on == date(2021, 4, 1)
    assert review.final_report.name.endswith(".pdf")
    assert review.final_report_for_publication  # uploaded with the publication step: public


def test_publishing_refuses_a_report_that_is_not_a_document(officer: User) -> None:
    review = PracticeReviewFactory.create(
        status=PracticeReview.Status.SIGNED_OFF, signed_off_on=date(2021, 3, 1)
    )

    with pytest.raises(ValidationError) as error:
        _stage_set(
            officer, review, "published", final_report=SimpleUploadedFile("report.exe", b"MZ")
        )

    assert "final_report" in error.value.message_dict


def test_not_published_needs_a_reason(officer: User) -> None:
    review = PracticeReviewFactory.create(
        status=PracticeReview.Status.SIGNED_OFF, signed_off_on=date(2021, 3, 1)
    )

    with pytest.raises(ValidationError):
        _stage_set(officer, review, "not_published")


def test_stage_refuses_a_stale_version(officer: User) -> None:
    review = PracticeReviewFactory.create(status=PracticeReview.Status.IN_PROGRESS)
    stale = review.version
    services.practice_review_update(
        actor=officer, review=review, expected_version=stale, reviewer="X"
    )

    with pytest.raises(EditConflictError):
        _stage_set(officer, review, "report_received", expected_version=stale)


def test_target_revision_keeps_the_reason_and_old_date(officer: User) -> None:
    review = PracticeReviewFactory.create()
    old = review.target_on

    revision = services.practice_review_target_revise(
        actor=officer, review=review, new_target_on=date(2021, 6, 30), reason="Court case."
    )

    review.refresh_from_db()
    assert review.target_on == date(2021, 6, 30)
    assert (revision.old_target_on, revision.reason) == (old, "Court case.")


def test_target_revision_needs_a_reason(officer: User) -> None:
    with pytest.raises(ValidationError):
        services.practice_review_target_revise(
            actor=officer,
            review=PracticeReviewFactory.create(),
            new_target_on=date(2021, 6, 30),
            reason="",
        )


def test_recommendations_are_numbered(officer: User) -> None:
    review = PracticeReviewFactory.create()

    first = services.recommendation_add(actor=officer, review=review, text="One")
    second = services.recommendation_add(actor=officer, review=review, text="Two")

    assert (first.number, second.number) == (1, 2)


def test_review_action_goes_on_the_review_action_plan(officer: User, agency: Agency) -> None:
    review = PracticeReviewFactory.create()

    action = services.practice_review_action_add(
        actor=officer,
        review=review,
        description="Write the dog safety pack.",
        owner_agency=agency,
        due_date=date(2021, 6, 30),
    )

    assert action.plan.source == review
    assert (
        services.practice_review_action_plan_get_or_create(actor=officer, review=review)
        == action.plan
    )


def test_dissemination_refuses_negative_reach(officer: User) -> None:
    with pytest.raises(ValidationError):
        services.dissemination_add(
            actor=officer,
            review=PracticeReviewFactory.create(),
            kind="briefing",
            title="7-minute briefing",
            held_on=date(2021, 4, 1),
            reach=-1,
        )


def test_milestone_added_and_completed(officer: User) -> None:
    milestone = services.milestone_add(
        actor=officer, review=PracticeReviewFactory.create(), title="Practitioner event"
    )

    services.milestone_complete(actor=officer, milestone=milestone, on=date(2021, 4, 2))

    milestone.refresh_from_db()
    assert milestone.done_on == date(2021, 4, 2)
    assert _events(verbs.MILESTONE_COMPLETED) == 1


def test_renaming_a_review_renames_it_on_its_learning(officer: User) -> None:
    review = PracticeReviewFactory.create(title="Lark")
    point = services.finding_record(
        actor=officer,
        review=review,
        title="A finding",
        summary="Do this.",
        themes=[_theme()],
        recorded_on=date(2021, 3, 1),
    )
    assert point.source_title == "Local child safeguarding practice review: Lark"

    services.practice_review_update(
        actor=officer, review=review, expected_version=None, title="Heron"
    )

    point.refresh_from_db()
    assert point.source_title == "Local child safeguarding practice review: Heron"


def test_agency_request_emails_the_agency_leads_without_case_detail(
    officer: User, agency_lead: User, agency: Agency, run_tasks, django_capture_on_commit_callbacks
) -> None:
    rapid = IncidentNotificationFactory.create(summary="Sensitive incident words").rapid_review

    with django_capture_on_commit_callbacks(execute=True):
        services.agency_request_create(
            actor=officer, rapid_review=rapid, agency=agency, due_on=date(2021, 4, 30)
        )
    run_tasks()

    from django.core import mail

    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    assert "30 April 2021" in mail.outbox[0].subject
    assert "Sensitive" not in mail.outbox[0].body


def test_agency_request_emails_the_named_contact_only(
    officer: User, agency_lead: User, agency: Agency, make_user
) -> None:
    from safeguarding.accounts.roles import Role
    from safeguarding.case_reviews.services.notifications import agency_request_recipients

    contact = make_user((Role.AGENCY_LEAD, agency))  # the agency's second lead
    request = services.agency_request_create(
        actor=officer,
        rapid_review=IncidentNotificationFactory.create().rapid_review,
        agency=agency,
        due_on=date(2021, 4, 30),
        contact=contact,
    )

    assert agency_request_recipients(request=request) == [contact]


def test_review_from_a_rapid_review_must_be_a_cspr(officer: User) -> None:
    rapid = _met_rapid_review(officer)

    with pytest.raises(ValidationError) as error:
        _commission(officer, rapid, kind="sar")

    assert "kind" in error.value.message_dict


def test_milestone_cannot_be_completed_twice(officer: User) -> None:
    milestone = services.milestone_add(
        actor=officer, review=PracticeReviewFactory.create(), title="X"
    )
    services.milestone_complete(actor=officer, milestone=milestone, on=date(2021, 4, 2))

    with pytest.raises(ValidationError):
        services.milestone_complete(actor=officer, milestone=milestone, on=date(2021, 4, 3))


def test_review_from_a_rapid_review_takes_its_agencies_and_logs_them(
    officer: User, agency: Agency
) -> None:
    rapid = _met_rapid_review(officer)
    rapid.notification.agencies.set([agency])

    review = _commission(officer, rapid)

    assert list(review.agencies.all()) == [agency]
    event = ActivityEvent.objects.get(verb=verbs.PRACTICE_REVIEW_AGENCIES_CHANGED)
    assert event.changes == {"agencies": {"before": [], "after": [agency.pk]}}


def test_agency_correction_that_changes_only_the_text_is_saved(agency_lead: User) -> None:
    request = AgencyRequestFactory.create()
    services.agency_request_submit(
        actor=agency_lead, request=request, response="First", expected_version=request.version
    )

    services.agency_request_submit(
        actor=agency_lead, request=request, response="Corrected", expected_version=request.version
    )

    request.refresh_from_db()
    assert request.response == "Corrected"
    assert request.version == 3
    last = (
        ActivityEvent.objects.filter(verb=verbs.AGENCY_REQUEST_SUBMITTED).order_by("-id").first()
    )
    assert last is not None
    assert last.changes == {"response": {"before": REDACTED, "after": REDACTED}}
