"""A rapid review's requests to agencies (#15): only a safeguarding lead of the requested agency
can be the named contact; the request page shows the child's pseudonym and the panel's context;
agencies attach chronologies (checked by content, stored under generated names, downloaded only
by people who may see the request, every download logged)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.html import escape
from openpyxl import Workbook

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews import forms, services, verbs
from safeguarding.case_reviews.models import AgencyRequest, AgencyRequestDocument
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    NotifiedChildFactory,
)
from safeguarding.core.testing import date_data
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 4, 20))]

PDF_BYTES = b"%PDF-1.4\n% synthetic chronology\n%%EOF\n"


def _pdf(name: str = "Chronology for Wren.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _submit_a_pdf(lead: User, request: AgencyRequest) -> None:
    """`lead` answers `request` with a PDF and no written response."""
    services.agency_request_submit(
        actor=lead,
        request=request,
        response="",
        attachments=[_pdf()],
        expected_version=request.version,
    )


def _xlsx(name: str = "chronology.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(["Date", "Event"])  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


# --- who may be the named contact ----------------------------------------------------


def test_contact_choices_are_safeguarding_leads_only(
    make_user: Callable[..., User], agency: Agency, agency_lead: User, practitioner: User
) -> None:
    board_member = make_user(Role.BOARD_MEMBER)
    other_lead = make_user((Role.AGENCY_LEAD, AgencyFactory.create(name="Testshire Health")))

    choices = set(forms.AgencyRequestForm().fields["contact"].queryset)  # type: ignore[attr-defined]

    assert choices == {agency_lead, other_lead}
    assert board_member not in choices
    assert practitioner not in choices


def test_contact_choice_names_the_agency_they_lead(agency_lead: User) -> None:
    html = str(forms.AgencyRequestForm()["contact"])

    assert f"{escape(agency_lead.display_name)} (Testshire Police)" in html


def _request_form(agency: Agency, contact: User, **more: str) -> dict[str, Any]:
    """What the agency request page sends: a chronology from `agency`'s `contact`, due on
    1 May 2021, with `more`."""
    return {
        "agency": agency.pk,
        "contact": contact.pk,
        "kind": "chronology",
        **date_data("due_on", "2021-05-01"),
        **more,
    }


def test_request_to_a_board_member_is_refused(
    client: Client, officer: User, make_user: Callable[..., User], agency: Agency
) -> None:
    board_member = make_user(Role.BOARD_MEMBER)
    rapid = IncidentNotificationFactory.create().rapid_review
    client.force_login(officer)

    response = client.post(
        reverse("case_reviews:agency_request_create", args=[rapid.pk]),
        _request_form(agency, board_member),
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not AgencyRequest.objects.exists()


def test_request_to_a_lead_of_another_agency_is_refused_by_the_form_and_the_service(
    officer: User, make_user: Callable[..., User], agency: Agency
) -> None:
    other_lead = make_user((Role.AGENCY_LEAD, AgencyFactory.create(name="Testshire Health")))
    rapid = IncidentNotificationFactory.create().rapid_review
    form = forms.AgencyRequestForm(_request_form(agency, other_lead))

    assert not form.is_valid()
    assert "contact" in form.errors
    with pytest.raises(ValidationError) as error:
        services.agency_request_create(
            actor=officer,
            rapid_review=rapid,
            agency=agency,
            due_on=date(2021, 5, 1),
            contact=other_lead,
        )
    assert "contact" in error.value.message_dict


def test_request_to_the_agency_lead_with_context_is_sent(
    client: Client, officer: User, agency: Agency, agency_lead: User
) -> None:
    rapid = IncidentNotificationFactory.create().rapid_review
    client.force_login(officer)

    response = client.post(
        reverse("case_reviews:agency_request_create", args=[rapid.pk]),
        _request_form(agency, agency_lead, context="Contacts with the family from January 2020."),
    )

    assert response.status_code == 302
    request = AgencyRequest.objects.get()
    assert request.contact == agency_lead
    assert request.context == "Contacts with the family from January 2020."


# --- the request page ------------------------------------------------------------------


def test_request_page_shows_the_pseudonym_and_the_context(
    client: Client, agency: Agency, agency_lead: User
) -> None:
    child = NotifiedChildFactory.create(pseudonym="Kestrel", full_name="Testy Hidden-Name")
    request = AgencyRequestFactory.create(
        agency=agency,
        rapid_review=child.notification.rapid_review,
        context="Your contacts with Kestrel's family since March 2020.",
    )
    client.force_login(agency_lead)

    page = client.get(reverse("case_reviews:agency_request_submit", args=[request.pk]))

    content = page.content.decode()
    assert "Kestrel" in content
    assert "since March 2020" in content
    assert "Testy Hidden-Name" not in content
    assert 'enctype="multipart/form-data"' in content


def test_agency_lead_uploads_a_chronology_stored_under_a_generated_name(
    client: Client, agency: Agency, agency_lead: User
) -> None:
    request = AgencyRequestFactory.create(agency=agency)
    client.force_login(agency_lead)

    response = client.post(
        reverse("case_reviews:agency_request_submit", args=[request.pk]),
        {"response": "", "attachments": [_pdf(), _xlsx()], "version": request.version},
    )

    assert response.status_code == 302
    documents = list(AgencyRequestDocument.objects.order_by("id"))
    assert [d.original_name for d in documents] == ["Chronology for Wren.pdf", "chronology.xlsx"]
    assert [d.file_kind for d in documents] == ["pdf", "xlsx"]
    assert all("Wren" not in d.file.name and "chronology" not in d.file.name for d in documents)
    request.refresh_from_db()
    assert request.submitted_by == agency_lead
    events = ActivityEvent.objects.filter(verb=verbs.AGENCY_REQUEST_DOCUMENT_ADDED)
    assert events.count() == 2
    assert all("Wren" not in str(e.data) for e in events)


def test_a_file_that_is_not_what_its_name_says_is_refused(
    client: Client, agency: Agency, agency_lead: User
) -> None:
    request = AgencyRequestFactory.create(agency=agency)
    client.force_login(agency_lead)
    fake = SimpleUploadedFile("chronology.pdf", b"<html>not a pdf</html>")

    response = client.post(
        reverse("case_reviews:agency_request_submit", args=[request.pk]),
        {"response": "Some text", "attachments": [fake], "version": request.version},
    )

    assert response.status_code == 200
    assert "chronology.pdf" in response.content.decode()
    assert not AgencyRequestDocument.objects.exists()
    request.refresh_from_db()
    assert request.submitted_on is None


@override_settings(CASE_REVIEW_UPLOAD_MAX_MB=0)
def test_a_file_over_the_size_limit_is_refused(agency: Agency, agency_lead: User) -> None:
    request = AgencyRequestFactory.create(agency=agency)

    with pytest.raises(ValidationError) as error:
        _submit_a_pdf(agency_lead, request)

    assert "larger than" in str(error.value.message_dict["attachments"])


def test_nothing_at_all_is_refused(agency: Agency, agency_lead: User) -> None:
    request = AgencyRequestFactory.create(agency=agency)

    with pytest.raises(ValidationError) as error:
        services.agency_request_submit(
            actor=agency_lead, request=request, response="  ", expected_version=request.version
        )

    assert "response" in error.value.message_dict


def test_download_only_for_people_who_see_the_request_and_logged(
    client: Client,
    agency: Agency,
    agency_lead: User,
    officer: User,
    member_readonly: User,
    outsider: User,
    practitioner: User,
    make_user: Callable[..., User],
) -> None:
    request = AgencyRequestFactory.create(agency=agency)
    _submit_a_pdf(agency_lead, request)
    document = AgencyRequestDocument.objects.get()
    url = reverse("case_reviews:agency_request_document_download", args=[document.pk])
    other_lead = make_user((Role.AGENCY_LEAD, AgencyFactory.create(name="Testshire Health")))

    for person in (member_readonly, outsider, practitioner, other_lead):
        client.force_login(person)
        assert client.get(url).status_code == 404
    for person in (agency_lead, officer):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[attr-defined]

    downloads = ActivityEvent.objects.filter(verb="exported", data__what="agency request document")
    assert {e.actor_id for e in downloads} == {agency_lead.pk, officer.pk}
    assert client.post(url).status_code == 405


def test_an_old_request_to_a_board_member_leaves_their_my_work_for_the_agency_leads(
    make_user: Callable[..., User], agency: Agency, agency_lead: User
) -> None:
    from safeguarding.case_reviews.cards import deadlines_card

    board_member = make_user(Role.BOARD_MEMBER)
    # Recorded before the rule, straight into the table.
    AgencyRequestFactory.create(agency=agency, contact=board_member)

    lead_card = deadlines_card(agency_lead)

    assert deadlines_card(board_member) is None
    assert lead_card is not None
    assert lead_card.count == 1


# --- the final report goes through core.uploads too ------------------------------------


def test_final_report_checked_by_content_stored_under_a_generated_name(
    client: Client, officer: User
) -> None:
    from safeguarding.case_reviews.models import PracticeReview
    from safeguarding.case_reviews.tests.factories import PracticeReviewFactory

    review = PracticeReviewFactory.create(
        status=PracticeReview.Status.SIGNED_OFF, signed_off_on=date(2021, 4, 1)
    )

    def publish(final_report: SimpleUploadedFile) -> None:
        services.practice_review_stage_set(
            actor=officer,
            review=review,
            status="published",
            on=date(2021, 4, 19),
            expected_version=review.version,
            final_report=final_report,
        )

    fake = SimpleUploadedFile("Sparrow final.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError) as error:
        publish(fake)
    assert "Sparrow final.pdf" in str(error.value.message_dict["final_report"])

    publish(_pdf("Sparrow final.pdf"))
    review.refresh_from_db()
    client.force_login(officer)
    response = client.get(
        reverse("case_reviews:practice_review_report_download", args=[review.pk])
    )

    assert "Sparrow" not in review.final_report.name
    assert review.final_report_name == "Sparrow final.pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Sparrow final.pdf" in response["Content-Disposition"]
