"""Real browser: a practitioner registers themselves, joins the waiting list of a full session,
takes the place offered when it frees up, attends, evaluates, downloads their certificate and
checks it is genuine. Every page is scanned with axe."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.partnership.tests.factories import AgencyFactory
from safeguarding.training import services
from safeguarding.training.models import Certificate, TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import TrainingSessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSPHRASE = "a-long-synthetic-passphrase"


def _run_queued_tasks() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_register_book_waitlist_offer_attend_evaluate_and_verify(browser_page, make_user) -> None:
    agency = AgencyFactory.create(name="Synthetic Community Health")
    session: TrainingSession = TrainingSessionFactory.create(
        course__title="Synthetic neglect webinar",
        capacity=1,
        starts_at=timezone.now() + timedelta(days=20),
    )
    first = make_user((Role.PRACTITIONER, agency))
    first_booking = services.booking_create(actor=first, session=session)
    officer = make_user(Role.BUSINESS_UNIT)
    page = browser_page

    # 1. Self-registration, with the e-mail confirmation link.
    page.goto("/accounts/signup/")
    page.page.fill("#id_full_name", "Sam Synthetic")
    page.page.fill("#id_email", "sam@health.example")
    page.page.select_option("#id_agency", label="Synthetic Community Health")
    page.page.fill("#id_password1", PASSPHRASE)
    page.page.fill("#id_password2", PASSPHRASE)
    page.press("Sign Up")
    _run_queued_tasks()
    body = next(str(m.body) for m in mail.outbox if "sam@health.example" in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", body)
    assert link is not None
    page.goto(link.group(0))
    page.press("Confirm")
    sam = User.objects.get(email="sam@health.example")
    assert sam.agency_ids_for(Role.PRACTITIONER) == frozenset({agency.pk})

    # 2. The session is full: Sam joins the waiting list.
    page.goto(f"/training/courses/{session.course_id}/")
    page.page.get_by_role("link", name=re.compile(r"\d{4}")).first.click()
    page.page.wait_for_url(f"**/training/sessions/{session.pk}/")
    page.check()
    assert "secret-room" not in page.page.content()
    page.press("Join the waiting list")
    assert page.page.get_by_text("you are on the waiting list").is_visible()

    # 3. The first person cancels: the place is offered to Sam, who accepts it.
    services.booking_cancel(actor=first, booking=first_booking)
    page.goto("/training/bookings/")
    assert page.page.get_by_text("Held for you until").is_visible()
    page.press("Accept the place")
    assert page.page.get_by_text("Your place is booked").is_visible()
    page.goto(f"/training/sessions/{session.pk}/")
    assert page.page.locator("#joining-link").is_visible()

    # 4. The session takes place and the trainer marks Sam as attended.
    TrainingSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=2)
    )
    booking = TrainingBooking.objects.get(learner=sam)
    services.attendance_mark(
        actor=officer, booking=booking, attendance=TrainingBooking.Attendance.ATTENDED
    )

    # 5. Evaluation, then the certificate.
    page.goto("/training/bookings/")
    page.follow(re.compile("Evaluate the training"), url="**/evaluate/")
    page.page.get_by_role("button", name="Send evaluation").click()  # nothing chosen
    page.page.wait_for_load_state("load")
    page.check()
    assert page.page.locator(".govuk-error-summary").is_visible()
    page.page.check("#id_met_needs_0")
    page.page.check("#id_delivery_right_0")
    page.page.check("#id_rating_4")
    page.page.fill("#id_comments", "Clear and useful.")
    page.press("Send evaluation", url="**/training/bookings/")
    with page.page.expect_download() as download_info:
        page.page.get_by_role("link", name=re.compile("Download certificate")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:  # noqa: PTH123
        assert handle.read(4) == b"%PDF"

    # 6. Anyone can check the certificate; a made-up code is rejected.
    code = Certificate.objects.get(learner=sam).code
    page.goto("/training/certificates/verify/")
    page.page.get_by_label("Verification code").fill(code)
    page.press("Check certificate", url="**/certificates/verify/*/")
    assert page.page.get_by_text("This certificate is genuine").is_visible()
    page.page.get_by_label("Verification code").fill("ABCD-EFGH-JKLM-NPQR")
    page.press("Check certificate", url="**/ABCD-EFGH-JKLM-NPQR/")
    assert page.page.get_by_text("not genuine").is_visible()
