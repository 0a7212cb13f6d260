"""Every training page: the allowed user, an outsider (404), a read-only user on a write (403)
and the wrong method (405); public pages open to anonymous visitors; the joining link only for
booked people; statements scoped to the agency; views and exports recorded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, date_data, datetime_data
from safeguarding.partnership.models import Agency
from safeguarding.training import rules, services
from safeguarding.training.models import (
    BriefingDailyViews,
    Certificate,
    CourseValidation,
    TrainingBooking,
    TrainingNeedsSurvey,
    TrainingSession,
)
from safeguarding.training.tests.factories import (
    BriefingFactory,
    CourseValidationFactory,
    TrainingBookingFactory,
    validation_changes_request,
)

pytestmark = pytest.mark.django_db


def _url(name: str, *args: Any) -> str:
    return reverse(f"training:{name}", args=args)


@pytest.fixture
def booking(session: TrainingSession, learner: User) -> TrainingBooking:
    return services.booking_create(actor=learner, session=session)


@pytest.fixture
def attended(booking: TrainingBooking, owner: User, frozen: Any) -> TrainingBooking:
    frozen.move_to(datetime(2025, 6, 12, 11, 0, tzinfo=UTC))
    return services.attendance_mark(
        actor=owner, booking=booking, attendance=TrainingBooking.Attendance.ATTENDED
    )


@pytest.fixture
def certificate(attended: TrainingBooking, learner: User) -> Certificate:
    services.evaluation_submit(
        actor=learner, booking=attended, met_needs=True, delivery_right=True, rating=5
    )
    return Certificate.objects.get()


# --- public pages ----------------------------------------------------------------------------


def test_catalogue_and_session_dates_are_public(client: Client, session: TrainingSession) -> None:
    assert client.get(_url("course_list")).status_code == 200
    response = client.get(_url("course_detail", session.course_id))
    assert response.status_code == 200
    response = client.get(_url("session_detail", session.pk))
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()
    assert "secret-room" not in response.content.decode()
    assert client.post(_url("course_list")).status_code == 405


def test_unpublished_course_is_not_found(client: Client, session: TrainingSession) -> None:
    session.course.is_published = False
    session.course.save()
    assert client.get(_url("course_detail", session.course_id)).status_code == 404
    assert client.get(_url("session_detail", session.pk)).status_code == 404


def test_joining_link_shown_only_to_people_with_a_confirmed_place(
    client: Client,
    session: TrainingSession,
    make_practitioner: Callable[..., User],
) -> None:
    booked = make_practitioner()
    services.booking_create(actor=booked, session=session)
    services.booking_create(actor=make_practitioner(), session=session)
    waiting = make_practitioner()
    services.booking_create(actor=waiting, session=session)
    url = _url("session_detail", session.pk)

    client.force_login(booked)
    assert "secret-room" in client.get(url).content.decode()
    client.force_login(waiting)
    page = client.get(url).content.decode()
    assert "secret-room" not in page
    assert "On the waiting list" in page


def test_public_briefing_counts_anonymous_views(client: Client, frozen: Any) -> None:
    briefing = BriefingFactory.create(is_public=True)
    client.get(_url("briefing_detail", briefing.pk))
    client.get(_url("briefing_detail", briefing.pk))
    assert BriefingDailyViews.objects.get(briefing=briefing).views == 2
    assert client.get(_url("briefing_list")).status_code == 200


def test_private_briefing_needs_sign_in(client: Client, learner: User) -> None:
    briefing = BriefingFactory.create(is_public=False)
    assert client.get(_url("briefing_detail", briefing.pk)).status_code == 404
    assert briefing.title not in client.get(_url("briefing_list")).content.decode()
    client.force_login(learner)
    assert client.get(_url("briefing_detail", briefing.pk)).status_code == 200


def test_certificate_verification_page(client: Client, certificate: Certificate) -> None:
    response = client.get(_url("certificate_verify"), {"code": certificate.code.lower()})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "This certificate is genuine" in page
    forged = client.get(_url("certificate_verify_code", "ABCD-EFGH-JKLM-NPQR")).content.decode()
    assert "not genuine" in forged
    assert "This certificate is genuine" not in forged


# --- booking -----------------------------------------------------------------------------


def test_session_book_matrix(
    client: Client,
    session: TrainingSession,
    learner: User,
    outsider: User,
    member_readonly: User,
) -> None:
    matrix = ViewMatrix(client, _url("session_book", session.pk))
    matrix.allowed(learner, method="post", status=302)
    assert TrainingBooking.objects.get(learner=learner).status == TrainingBooking.Status.CONFIRMED
    # Signed in without an agency: told why, nothing booked.
    response = matrix.allowed(outsider, method="post", status=302)
    assert not TrainingBooking.objects.filter(learner=outsider).exists()
    assert response["Location"] == _url("session_detail", session.pk)
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(learner, "get")
    ViewMatrix(client, _url("session_book", 999_999)).outsider(learner, method="post")


def test_booking_list_shows_only_own_bookings(
    client: Client, booking: TrainingBooking, make_practitioner: Callable[..., User]
) -> None:
    other = make_practitioner()
    client.force_login(other)
    assert booking.session.course.title not in client.get(_url("booking_list")).content.decode()
    client.force_login(booking.learner)  # type: ignore[arg-type]
    assert booking.session.course.title in client.get(_url("booking_list")).content.decode()
    assert client.post(_url("booking_list")).status_code == 405


def test_booking_cancel_matrix(
    client: Client,
    booking: TrainingBooking,
    learner: User,
    make_practitioner: Callable[..., User],
    member_readonly: User,
) -> None:
    matrix = ViewMatrix(client, _url("booking_cancel", booking.pk))
    assert "free of charge" in matrix.allowed(learner).content.decode()
    matrix.outsider(make_practitioner())
    matrix.outsider(member_readonly, method="post")  # names a person: not for read-only roles
    matrix.outsider(member_readonly)
    matrix.wrong_method(learner, "delete")
    matrix.allowed(learner, method="post", status=302)
    booking.refresh_from_db()
    assert booking.status == TrainingBooking.Status.CANCELLED


def test_offer_accept_and_waitlist_leave_matrix(
    client: Client,
    session: TrainingSession,
    make_practitioner: Callable[..., User],
    member_readonly: User,
) -> None:
    first = make_practitioner()
    services.booking_create(actor=first, session=session)
    services.booking_create(actor=make_practitioner(), session=session)
    waiting = make_practitioner()
    waiting_booking = services.booking_create(actor=waiting, session=session)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))

    accept = ViewMatrix(client, _url("offer_accept", waiting_booking.pk))
    accept.outsider(make_practitioner(), method="post")
    accept.outsider(member_readonly, method="post")  # another person's booking
    accept.wrong_method(waiting, "get")
    accept.allowed(waiting, method="post", status=302)
    waiting_booking.refresh_from_db()
    assert waiting_booking.status == TrainingBooking.Status.CONFIRMED

    leave = ViewMatrix(client, _url("waitlist_leave", waiting_booking.pk))
    leave.outsider(make_practitioner(), method="post")
    leave.outsider(member_readonly, method="post")
    leave.wrong_method(waiting, "delete")


def test_turning_down_an_offer_asks_for_confirmation_first(
    client: Client, session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    first = make_practitioner()
    services.booking_create(actor=first, session=session)
    services.booking_create(actor=make_practitioner(), session=session)
    waiting = make_practitioner()
    offered = services.booking_create(actor=waiting, session=session)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))
    offered.refresh_from_db()
    assert offered.status == TrainingBooking.Status.OFFERED
    client.force_login(waiting)
    url = _url("waitlist_leave", offered.pk)

    # The list links to a confirmation page; opening it changes nothing.
    assert url in client.get(_url("booking_list")).content.decode()
    page = client.get(url).content.decode()
    assert "Are you sure you want to turn down the place" in page
    assert "govuk-warning-text" in page
    assert "You cannot undo this" in page
    offered.refresh_from_db()
    assert offered.status == TrainingBooking.Status.OFFERED

    # Confirming turns it down.
    response = client.post(url, {})
    assert response.status_code == 302
    offered.refresh_from_db()
    assert offered.status == TrainingBooking.Status.LEFT_WAITLIST

    # Its state no longer allows it: a clear message, no button, nothing changed.
    again = client.get(url, follow=True).content.decode()
    assert "there is nothing to leave" in again
    assert "Turn down the place</button>" not in again
    assert client.post(url, {}).status_code == 302
    offered.refresh_from_db()
    assert offered.status == TrainingBooking.Status.LEFT_WAITLIST


def test_evaluation_matrix_and_certificate_download(
    client: Client,
    attended: TrainingBooking,
    learner: User,
    make_practitioner: Callable[..., User],
    member_readonly: User,
) -> None:
    url = _url("evaluation_create", attended.pk)
    matrix = ViewMatrix(client, url)
    matrix.allowed(learner)
    matrix.outsider(make_practitioner())
    matrix.outsider(member_readonly, method="post")  # names a person: not for read-only roles
    matrix.wrong_method(learner, "delete")
    # An empty form shows the error summary and saves nothing.
    response = matrix.allowed(learner, method="post", data={})
    assert "govuk-error-summary" in response.content.decode()
    assert not Certificate.objects.exists()

    matrix.allowed(
        learner,
        method="post",
        data={"met_needs": "yes", "delivery_right": "yes", "rating": "4", "comments": "Good"},
        status=302,
    )
    certificate = Certificate.objects.get()
    download = ViewMatrix(client, _url("certificate_download", certificate.pk))
    response = download.allowed(learner)
    assert response["Content-Type"] == "application/pdf"
    assert ActivityEvent.objects.filter(verb="exported", target_id=str(certificate.pk)).exists()
    download.outsider(make_practitioner())
    download.outsider(member_readonly)  # another person's certificate names them
    download.wrong_method(learner, "post")


def test_revoked_certificate_cannot_be_downloaded(
    client: Client, certificate: Certificate, learner: User, owner: User
) -> None:
    services.certificate_revoke(actor=owner, certificate=certificate, reason="Issued in error")
    client.force_login(learner)
    assert client.get(_url("certificate_download", certificate.pk)).status_code == 404


def test_certificate_revoke_matrix(
    client: Client, certificate: Certificate, owner: User, outsider: User, member_readonly: User
) -> None:
    matrix = ViewMatrix(client, _url("certificate_revoke", certificate.pk))
    matrix.allowed(owner)
    matrix.outsider(outsider)
    matrix.outsider(member_readonly, method="post")  # names a person: not for read-only roles
    matrix.outsider(member_readonly)
    matrix.wrong_method(owner, "delete")
    matrix.allowed(owner, method="post", data={"reason": "Issued in error"}, status=302)
    certificate.refresh_from_db()
    assert certificate.is_revoked


def test_impact_response_matrix(
    client: Client,
    attended: TrainingBooking,
    learner: User,
    make_practitioner: Callable[..., User],
    member_readonly: User,
) -> None:
    matrix = ViewMatrix(client, _url("impact_response_create", attended.pk))
    matrix.allowed(learner)
    matrix.outsider(make_practitioner())
    matrix.outsider(member_readonly, method="post")  # names a person: not for read-only roles
    matrix.wrong_method(learner, "delete")
    response = matrix.allowed(learner, method="post", data={"practice_changed": "yes"})
    assert "Say how your practice has changed" in response.content.decode()
    matrix.allowed(
        learner,
        method="post",
        data={"practice_changed": "yes", "how": "I use the tool."},
        status=302,
    )


def test_briefing_complete_matrix(
    client: Client, learner: User, member_readonly: User, frozen: Any
) -> None:
    briefing = BriefingFactory.create(is_public=False)
    matrix = ViewMatrix(client, _url("briefing_complete", briefing.pk))
    matrix.form_checks(learner, read_only=member_readonly)
    response = matrix.allowed(learner, method="post", data={"q1": "Yes", "rating": "5"})
    assert "Check your answer to question 1" in response.content.decode()
    matrix.allowed(learner, method="post", data={"q1": "No", "rating": "5"}, status=302)
    assert Certificate.objects.get().briefing_completion is not None
    client.logout()
    assert client.get(_url("briefing_complete", briefing.pk)).status_code == 302


# --- running training ----------------------------------------------------------------------


def test_manage_and_course_create_matrix(
    client: Client, owner: User, outsider: User, member_readonly: User, learner: User
) -> None:
    ViewMatrix(client, _url("manage")).allowed(member_readonly)
    ViewMatrix(client, _url("manage")).outsider(learner)
    matrix = ViewMatrix(client, _url("course_create")).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )
    matrix.allowed(
        owner,
        method="post",
        data={
            "title": "Synthetic new course",
            "summary": "About it",
            "audience": "All",
            "level": "core",
            "format": "live_webinar",
            "evaluation_questions_text": "What will you change?\n",
        },
        status=302,
    )
    from safeguarding.training.models import Course

    assert Course.objects.get(title="Synthetic new course").evaluation_questions == [
        "What will you change?"
    ]


def test_session_create_matrix(
    client: Client, session: TrainingSession, owner: User, outsider: User, member_readonly: User
) -> None:
    matrix = ViewMatrix(client, _url("session_create", session.course_id)).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )
    matrix.allowed(
        owner,
        method="post",
        data={
            **datetime_data("starts_at", "2025-07-01 10:00"),
            "duration_minutes": "60",
            "trainer_name": "Synthetic Trainer",
            "capacity": "40",
        },
        status=302,
    )
    assert session.course.sessions.count() == 2


def test_register_matrix_records_view_and_marks(
    client: Client,
    booking: TrainingBooking,
    owner: User,
    outsider: User,
    member_readonly: User,
    frozen: Any,
) -> None:
    frozen.move_to(datetime(2025, 6, 12, 10, 0, tzinfo=UTC))
    matrix = ViewMatrix(client, _url("session_register", booking.session_id))
    matrix.allowed(owner)
    assert ActivityEvent.objects.filter(verb="viewed", data__what="register").exists()
    matrix.outsider(outsider)
    # The register names everyone booked: read-only roles neither see nor mark it.
    matrix.outsider(member_readonly)
    matrix.outsider(member_readonly, method="post")
    matrix.wrong_method(owner, "delete")
    matrix.allowed(
        owner, method="post", data={"booking": booking.pk, "attendance": "no_show"}, status=302
    )
    booking.refresh_from_db()
    assert booking.attendance == TrainingBooking.Attendance.NO_SHOW

    mark_all = ViewMatrix(client, _url("register_mark_all", booking.session_id))
    mark_all.outsider(outsider, method="post")
    mark_all.outsider(member_readonly, method="post")
    mark_all.wrong_method(owner, "get")


def test_trainer_may_mark_their_own_register(
    client: Client, booking: TrainingBooking, make_practitioner: Callable[..., User], frozen: Any
) -> None:
    trainer = make_practitioner()
    TrainingSession.objects.filter(pk=booking.session_id).update(trainer=trainer)
    frozen.move_to(datetime(2025, 6, 12, 10, 0, tzinfo=UTC))
    client.force_login(trainer)
    response = client.post(
        _url("register_mark_all", booking.session_id), {"attendance": "attended"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.attendance == TrainingBooking.Attendance.ATTENDED


def test_session_cancel_matrix(
    client: Client, session: TrainingSession, owner: User, outsider: User, member_readonly: User
) -> None:
    matrix = ViewMatrix(client, _url("session_cancel", session.pk)).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )
    matrix.allowed(owner, method="post", data={"reason": "Trainer unwell"}, status=302)
    session.refresh_from_db()
    assert session.is_cancelled


def test_approvals_matrix(
    client: Client,
    lead_a: User,
    lead_b: User,
    learner: User,
    member_readonly: User,
    frozen: Any,
) -> None:
    from safeguarding.training.tests.factories import CourseFactory, TrainingSessionFactory

    session = TrainingSessionFactory.create(
        course=CourseFactory.create(requires_manager_approval=True)
    )
    booking = services.booking_create(actor=learner, session=session)
    ViewMatrix(client, _url("approval_list")).outsider(learner)
    ViewMatrix(client, _url("approval_list")).outsider(member_readonly)  # names people
    assert (
        escape(learner.display_name)
        in ViewMatrix(client, _url("approval_list")).allowed(lead_a).content.decode()
    )
    client.force_login(lead_b)
    assert escape(learner.display_name) not in client.get(_url("approval_list")).content.decode()

    matrix = ViewMatrix(client, _url("booking_approve", booking.pk))
    matrix.outsider(lead_b, method="post")
    matrix.outsider(member_readonly, method="post")  # names a person: not for read-only roles
    matrix.wrong_method(lead_a, "delete")
    matrix.allowed(lead_a, method="post", data={"decision": "approve"}, status=302)
    booking.refresh_from_db()
    assert booking.status == TrainingBooking.Status.CONFIRMED


def test_not_approving_a_booking_asks_for_confirmation_first(
    client: Client, lead_a: User, learner: User, frozen: Any
) -> None:
    from safeguarding.training.tests.factories import CourseFactory, TrainingSessionFactory

    session = TrainingSessionFactory.create(
        course=CourseFactory.create(requires_manager_approval=True)
    )
    booking = services.booking_create(actor=learner, session=session)
    url = _url("booking_approve", booking.pk)
    client.force_login(lead_a)

    # The list links to the confirmation page; opening it changes nothing.
    listing = client.get(_url("approval_list")).content.decode()
    assert f'href="{url}"' in listing
    page = client.get(url).content.decode()
    assert "Are you sure you do not want to approve" in page
    assert "You cannot undo this" in page
    booking.refresh_from_db()
    assert booking.status == TrainingBooking.Status.PENDING_APPROVAL

    # Its button refuses.
    assert client.post(url, {"decision": "refuse"}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == TrainingBooking.Status.REFUSED

    # A booking no longer waiting: a clear message, no button, nothing changed.
    again = client.get(url, follow=True).content.decode()
    assert "no longer waiting for approval" in again
    assert "Do not approve the booking</button>" not in again
    client.post(url, {"decision": "approve"})
    booking.refresh_from_db()
    assert booking.status == TrainingBooking.Status.REFUSED


# --- statements (scoped) -----------------------------------------------------------------------


def test_agency_statement_scoped_to_the_agency_lead(
    client: Client,
    agency_a: Agency,
    agency_b: Agency,
    lead_a: User,
    lead_b: User,
    member_readonly: User,
    frozen: Any,
) -> None:
    for agency, pence in ((agency_a, 5000), (agency_a, 5000), (agency_b, 2500)):
        TrainingBookingFactory.create(
            agency=agency,
            attendance=TrainingBooking.Attendance.NO_SHOW,
            charge_pence=pence,
            session__starts_at=datetime(2025, 5, 1, 9, 0, tzinfo=UTC),
        )
    url = _url("agency_statement", agency_a.pk)
    matrix = ViewMatrix(client, url)

    page = matrix.allowed(lead_a).content.decode()
    assert "£100.00" in page
    matrix.outsider(lead_b)
    matrix.outsider(member_readonly)  # a statement names the people charged
    ViewMatrix(client, _url("statement_list")).outsider(member_readonly)
    matrix.wrong_method(lead_a, "post")
    client.force_login(lead_a)
    assert agency_b.name not in client.get(_url("statement_list")).content.decode()

    csv = client.get(
        url,
        {**date_data("start", "2025-04-01"), **date_data("end", "2026-03-31"), "format": "csv"},
    )
    assert csv.streaming  # written a row at a time, never held whole in memory
    rows = csv.getvalue().decode().strip().splitlines()
    assert len(rows) == 3  # header and the two charges
    assert ActivityEvent.objects.filter(verb="exported", data__rows=2).exists()


def test_statement_period_must_be_in_order(client: Client, agency_a: Agency, lead_a: User) -> None:
    client.force_login(lead_a)
    response = client.get(
        _url("agency_statement", agency_a.pk),
        {**date_data("start", "2025-06-01"), **date_data("end", "2025-05-01")},
    )
    assert "The end date must be after the start date" in response.content.decode()


# --- validation and needs -----------------------------------------------------------------------


def test_validation_matrix(
    client: Client,
    agency_a: Agency,
    lead_a: User,
    lead_b: User,
    owner: User,
    outsider: User,
    member_readonly: User,
) -> None:
    create = ViewMatrix(client, _url("validation_create"))
    create.form_checks(lead_a, outsider=outsider, read_only=member_readonly)
    create.allowed(
        lead_a,
        method="post",
        data={
            "agency": agency_a.pk,
            "title": "Synthetic agency course",
            "content_outline": "Outline",
            "materials": "Slides",
            "trainer": "Trainer",
            "audience": "Staff",
        },
        status=302,
    )
    validation = CourseValidation.objects.get()

    detail = ViewMatrix(client, _url("validation_detail", validation.pk))
    assert "Submitted" in detail.allowed(lead_a).content.decode()
    detail.outsider(lead_b)
    detail.read_only_write(member_readonly)
    detail.wrong_method(owner, "delete")
    data = {f"check_{key}": "on" for key, _ in rules.VALIDATION_CHECKLIST}
    data.update({"decision": "validated", **date_data("expires_on", "2027-06-01"), "version": "1"})
    detail.allowed(owner, method="post", data=data, status=302)
    validation.refresh_from_db()
    assert validation.status == CourseValidation.Status.VALIDATED
    # The agency lead cannot review their own submission.
    client.force_login(lead_a)
    assert client.post(_url("validation_detail", validation.pk), data).status_code == 403

    listing = ViewMatrix(client, _url("validation_list"))
    assert "Synthetic agency course" in listing.allowed(lead_a).content.decode()
    assert "Synthetic agency course" not in listing.allowed(lead_b).content.decode()
    listing.outsider(outsider)


def test_validation_review_conflict_is_shown(client: Client, owner: User, officer: User) -> None:
    validation = CourseValidationFactory.create()
    validation_changes_request(officer, validation, "Officer's notes", expected_version=1)
    client.force_login(owner)
    response = client.post(
        _url("validation_detail", validation.pk),
        {"decision": "changes_requested", "notes": "Owner's notes", "version": "1"},
    )
    assert "Someone else saved this record" in response.content.decode()


def test_needs_survey_pages(
    client: Client,
    agency_a: Agency,
    lead_a: User,
    outsider: User,
    member_readonly: User,
    owner: User,
) -> None:
    from safeguarding.partnership.tests.factories import PriorityFactory

    priority = PriorityFactory.create(
        number=1, period_start=date(2025, 1, 1), period_end=date(2026, 12, 31)
    )
    survey = services.needs_survey_create(
        actor=owner, year_label="2025-26", opens_on=date(2025, 6, 1), closes_on=date(2025, 7, 1)
    )
    ViewMatrix(client, _url("needs_survey_detail", survey.pk)).allowed(lead_a)
    ViewMatrix(client, _url("needs_survey_detail", survey.pk)).outsider(outsider)
    respond = ViewMatrix(client, _url("needs_response_create", survey.pk))
    respond.form_checks(lead_a, outsider=outsider, read_only=member_readonly)
    respond.allowed(
        lead_a,
        method="post",
        data={
            "agency": agency_a.pk,
            "training_offered": "E-learning",
            f"covered_{priority.pk}": "no",
            f"gap_{priority.pk}": "Neglect tool",
        },
        status=302,
    )
    assert survey.responses.count() == 1


def test_impact_report_page_and_pdf(
    client: Client, owner: User, outsider: User, member_readonly: User
) -> None:
    matrix = ViewMatrix(client, _url("impact_report", "2020-21"))
    assert (
        "Training impact on professional practice 2020-21"
        in matrix.allowed(member_readonly).content.decode()
    )
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")
    client.force_login(owner)
    pdf = client.get(_url("impact_report", "2020-21"), {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert ActivityEvent.objects.filter(
        verb="exported", data__what="training impact report"
    ).exists()
    assert client.get(_url("impact_report", "not-a-year")).status_code == 404


def test_validation_resubmit_matrix(
    client: Client,
    agency_a: Agency,
    lead_a: User,
    lead_b: User,
    owner: User,
    member_readonly: User,
) -> None:
    validation = CourseValidationFactory.create(agency=agency_a)
    validation_changes_request(owner, validation, "Add the escalation policy.")
    client.force_login(lead_a)
    detail = client.get(_url("validation_detail", validation.pk)).content.decode()
    assert "Make the changes and send again" in detail

    matrix = ViewMatrix(client, _url("validation_resubmit", validation.pk))
    assert "Add the escalation policy." in matrix.allowed(lead_a).content.decode()
    matrix.outsider(lead_b)
    matrix.read_only_write(member_readonly)
    matrix.read_only_write(owner)  # the reviewer does not send the agency's course
    matrix.wrong_method(lead_a, "delete")
    matrix.allowed(
        lead_a,
        method="post",
        data={
            "content_outline": "New outline",
            "materials": "Slides with the escalation policy",
            "trainer": "Trainer",
            "audience": "Staff",
            "version": str(validation.version),
        },
        status=302,
    )
    validation.refresh_from_db()
    assert validation.status == CourseValidation.Status.SUBMITTED
    assert validation.materials == "Slides with the escalation policy"


def test_needs_survey_create_emails_every_agency_lead(
    client: Client,
    owner: User,
    lead_a: User,
    lead_b: User,
    outsider: User,
    member_readonly: User,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.core import mail

    matrix = ViewMatrix(client, _url("needs_survey_create")).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )

    def survey(year: str, opens: str, closes: str, **extra: str) -> dict[str, str]:
        return {
            "year_label": year,
            **date_data("opens_on", opens),
            **date_data("closes_on", closes),
            **extra,
        }

    response = matrix.allowed(
        owner, method="post", data=survey("2025-26", "2025-07-01", "2025-06-01")
    )
    assert "The survey must close after it opens" in response.content.decode()
    response = matrix.allowed(
        owner, method="post", data=survey("2025", "2025-06-01", "2025-07-31")
    )
    assert "govuk-error-summary" in response.content.decode()
    assert "write it like 2020-21" in response.content.decode()
    assert not TrainingNeedsSurvey.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        matrix.allowed(
            owner,
            method="post",
            data=survey("2025/2026", "2025-06-01", "2025-07-31", notify="on"),
            status=302,
        )
    assert TrainingNeedsSurvey.objects.get().year_label == "2025-26"
    mail.outbox.clear()
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lead_a.email, lead_b.email])
    assert "/training/needs/" in mail.outbox[0].body


def test_briefing_create_parses_check_questions(
    client: Client, owner: User, outsider: User, member_readonly: User
) -> None:
    from safeguarding.training.models import Briefing

    matrix = ViewMatrix(client, _url("briefing_create")).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )
    data = {
        "title": "Synthetic briefing on neglect",
        "summary": "About neglect",
        "content_url": "https://sway.example/neglect",
        "duration_minutes": "20",
        **date_data("published_on", "2025-06-02"),
        "is_public": "on",
        "check_questions_text": "Keep a secret? | Yes; No | Maybe",
    }
    response = matrix.allowed(owner, method="post", data=data)
    assert "Line 1:" in response.content.decode()
    assert not Briefing.objects.exists()
    data["check_questions_text"] = "Keep a secret? | Yes; No | No"
    matrix.allowed(owner, method="post", data=data, status=302)
    assert Briefing.objects.get().check_questions == [
        {"question": "Keep a secret?", "options": ["Yes", "No"], "answer": "No"}
    ]


def test_my_work_card_shows_offers_bookings_and_evaluations_due(
    session: TrainingSession, make_practitioner: Callable[..., User], owner: User, frozen: Any
) -> None:
    from safeguarding.training.cards import my_training_card

    first = make_practitioner()
    services.booking_create(actor=first, session=session)
    services.booking_create(actor=make_practitioner(), session=session)
    waiting = make_practitioner()
    services.booking_create(actor=waiting, session=session)
    assert my_training_card(make_practitioner()) is None

    card = my_training_card(first)
    assert card is not None
    assert [item.text for item in card.items] == [session.course.title]

    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))
    card = my_training_card(waiting)
    assert card is not None
    assert card.items[0].text == f"Place offered: {session.course.title}"

    services.offer_accept(actor=waiting, booking=TrainingBooking.objects.get(learner=waiting))
    frozen.move_to(datetime(2025, 6, 12, 11, 0, tzinfo=UTC))
    services.attendance_mark(
        actor=owner,
        booking=TrainingBooking.objects.get(learner=waiting),
        attendance=TrainingBooking.Attendance.ATTENDED,
    )
    card = my_training_card(waiting)
    assert card is not None
    assert [item.text for item in card.items] == [f"Evaluate: {session.course.title}"]


def test_briefing_page_embeds_presentation_and_audio_allowing_only_their_hosts(
    client: Client,
) -> None:
    briefing = BriefingFactory.create(
        embed_url="https://sway.example/embed/1", audio_url="https://audio.example/1.mp3"
    )
    response = client.get(_url("briefing_detail", briefing.pk))
    page = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert 'title="' in page
    assert "<iframe" in page
    assert "<audio" in page
    assert "frame-src https://sway.example" in policy
    assert "media-src https://audio.example" in policy
    plain = BriefingFactory.create()
    assert (
        "frame-src" not in client.get(_url("briefing_detail", plain.pk))["Content-Security-Policy"]
    )


def test_course_update_matrix_and_conflict(
    client: Client,
    session: TrainingSession,
    owner: User,
    officer: User,
    outsider: User,
    member_readonly: User,
) -> None:
    course = session.course
    matrix = ViewMatrix(client, _url("course_update", course.pk)).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )
    data = {
        "title": "Synthetic renamed course",
        "summary": "About it",
        "audience": "All",
        "level": "core",
        "format": "live_webinar",
        "is_published": "on",
        "version": str(course.version),
    }
    matrix.allowed(officer, method="post", data=data, status=302)
    course.refresh_from_db()
    assert course.title == "Synthetic renamed course"

    # A second editor who started from the old version is told what changed.
    stale = dict(data, title="Another title")
    response = matrix.allowed(owner, method="post", data=stale)
    assert "Someone else saved this record" in response.content.decode()
    course.refresh_from_db()
    assert course.title == "Synthetic renamed course"


def test_session_create_links_the_trainers_account(
    client: Client, session: TrainingSession, owner: User, learner: User
) -> None:
    client.force_login(owner)
    data = {
        **datetime_data("starts_at", "2025-07-01 10:00"),
        "duration_minutes": "60",
        "trainer_name": "Synthetic Trainer",
        "trainer_email": "nobody@nowhere.example",
        "capacity": "40",
    }
    response = client.post(_url("session_create", session.course_id), data)
    assert "No one has an account with this e-mail address" in response.content.decode()
    data["trainer_email"] = learner.email.upper()
    assert client.post(_url("session_create", session.course_id), data).status_code == 302
    assert TrainingSession.objects.filter(trainer=learner).count() == 1


def test_trainer_cannot_cancel_the_session(
    client: Client, session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    trainer = make_practitioner()
    TrainingSession.objects.filter(pk=session.pk).update(trainer=trainer)
    client.force_login(trainer)
    assert client.get(_url("session_cancel", session.pk)).status_code == 403
    assert client.post(_url("session_cancel", session.pk), {"reason": "x"}).status_code == 403
    session.refresh_from_db()
    assert not session.is_cancelled


def test_session_update_matrix(
    client: Client,
    session: TrainingSession,
    owner: User,
    outsider: User,
    member_readonly: User,
    make_practitioner: Callable[..., User],
) -> None:
    trainer = make_practitioner()
    TrainingSession.objects.filter(pk=session.pk).update(trainer=trainer)
    matrix = ViewMatrix(client, _url("session_update", session.pk)).form_checks(
        owner, outsider=outsider, read_only=member_readonly
    )
    matrix.read_only_write(trainer)
    matrix.allowed(
        owner,
        method="post",
        data={
            **datetime_data("starts_at", "2025-06-12 10:00"),
            "duration_minutes": "90",
            "trainer_name": "Synthetic Trainer",
            "trainer_email": trainer.email,
            "capacity": "40",
            "version": "1",
        },
        status=302,
    )
    session.refresh_from_db()
    assert session.capacity == 40
    assert session.version == 2


def test_certificate_checks_are_rate_limited_per_client(client, settings) -> None:
    settings.RATE_LIMIT_CERTIFICATE_CHECK = 2
    url = reverse("training:certificate_verify_code", args=["ABCD-EFGH"])
    assert [client.get(url).status_code for _ in range(4)] == [200, 200, 429, 429]
