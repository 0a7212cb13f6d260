"""Sign-off checked against governance's dated appointments (rules.sign_off_appointment): the
person holding a lead partner's seat on the day signs, or their delegated partner, or the
business unit records the sign-off they gave on a past day. Everyone else is refused with the
name of who holds the seat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.annual_reports import services
from safeguarding.annual_reports.models import ReportEdition
from safeguarding.governance import services as governance_services
from safeguarding.governance.models import Appointment
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db


def _appoint(
    agency: Agency,
    role: str,
    name: str,
    start: date,
    end: date | None = None,
    person: User | None = None,
) -> Appointment:
    return governance_services.appointment_create(
        actor=None,
        role=role,
        holder_name=name,
        job_title="Director",
        agency=agency,
        person=person,
        started_on=start,
        ended_on=end,
    )


def test_the_seat_holder_signs_and_the_sign_off_names_their_appointment(
    in_review: ReportEdition, signers: dict[str, User], partners: dict[str, Agency]
) -> None:
    sign_off = services.report_sign_off_record(
        actor=signers["police"], edition=in_review, agency=partners["police"]
    )
    assert sign_off.appointment is not None
    assert sign_off.appointment.person == signers["police"]
    assert sign_off.appointment.role == Appointment.Role.LEAD_PARTNER
    assert sign_off.signed_on == timezone.localdate()
    assert sign_off.by_delegate is False


def test_the_wrong_person_is_refused_with_who_holds_the_seat(
    in_review: ReportEdition,
    signers: dict[str, User],
    partners: dict[str, Agency],
    make_user: Callable[..., User],
) -> None:
    # Another safeguarding lead of the police, with no appointment to its seat.
    deputy = make_user((Role.AGENCY_LEAD, partners["police"]), full_name="Another Lead")
    with pytest.raises(ValidationError) as error:
        services.report_sign_off_record(actor=deputy, edition=in_review, agency=partners["police"])
    message = " ".join(error.value.messages)
    assert "the lead safeguarding partner for Test police partner is Signer police" in message
    assert in_review.sign_offs.count() == 0


def test_an_appointment_that_ended_before_the_day_does_not_count(
    in_review: ReportEdition,
    officer: User,
    partners: dict[str, Agency],
    make_user: Callable[..., User],
) -> None:
    agency = Agency.objects.create(
        name="Second authority",
        sector=Agency.Sector.LOCAL_AUTHORITY,
        statutory_partner=True,
        statutory_role="local_authority",
    )
    former = make_user((Role.AGENCY_LEAD, agency), full_name="Former Executive")
    today = timezone.localdate()
    _appoint(
        agency,
        Appointment.Role.LEAD_PARTNER,
        "Former Executive",
        date(2019, 1, 1),
        today - timedelta(days=10),
        person=former,
    )
    with pytest.raises(ValidationError, match="records no lead safeguarding partner"):
        services.report_sign_off_record(actor=former, edition=in_review, agency=agency)
    # The business unit may record the sign-off they gave while they held the seat...
    sign_off = services.report_sign_off_record(
        actor=officer, edition=in_review, agency=agency, signed_on=today - timedelta(days=11)
    )
    assert sign_off.appointment is not None
    assert sign_off.appointment.holder_name == "Former Executive"
    assert sign_off.signed_by == officer


def test_the_business_unit_cannot_record_a_day_outside_the_appointment_or_in_future(
    in_review: ReportEdition,
    officer: User,
    signers: dict[str, User],
    partners: dict[str, Agency],
) -> None:
    with pytest.raises(ValidationError, match="records no lead safeguarding partner"):
        services.report_sign_off_record(
            actor=officer, edition=in_review, agency=partners["police"], signed_on=date(2019, 5, 1)
        )
    with pytest.raises(ValidationError, match="future"):
        services.report_sign_off_record(
            actor=officer,
            edition=in_review,
            agency=partners["police"],
            signed_on=timezone.localdate() + timedelta(days=1),
        )
    sign_off = services.report_sign_off_record(
        actor=officer, edition=in_review, agency=partners["police"], signed_on=date(2021, 9, 27)
    )
    assert sign_off.appointment is not None
    assert sign_off.appointment.holder_name == "Signer police"


def test_only_the_business_unit_records_for_someone_else(
    in_review: ReportEdition, signers: dict[str, User], partners: dict[str, Agency]
) -> None:
    with pytest.raises(ValidationError, match="Only the business unit"):
        services.report_sign_off_record(
            actor=signers["police"],
            edition=in_review,
            agency=partners["police"],
            signed_on=date(2021, 9, 27),
        )


def test_a_delegate_signs_for_the_lead(
    in_review: ReportEdition,
    officer: User,
    signers: dict[str, User],
    partners: dict[str, Agency],
    make_user: Callable[..., User],
) -> None:
    health = partners["health"]
    delegate = make_user((Role.AGENCY_LEAD, health), full_name="Deputy Nurse")
    with pytest.raises(ValidationError, match="No delegated safeguarding partner"):
        services.report_sign_off_record(
            actor=officer,
            edition=in_review,
            agency=health,
            signed_on=timezone.localdate(),
            by_delegate=True,
        )
    with pytest.raises(ValidationError, match="is Signer health"):
        services.report_sign_off_record(actor=delegate, edition=in_review, agency=health)
    _appoint(
        health,
        Appointment.Role.DELEGATED_PARTNER,
        "Deputy Nurse",
        date(2020, 1, 1),
        person=delegate,
    )
    sign_off = services.report_sign_off_record(actor=delegate, edition=in_review, agency=health)
    assert sign_off.by_delegate is True
    assert sign_off.appointment is not None
    assert sign_off.appointment.role == Appointment.Role.DELEGATED_PARTNER


def test_the_2018_safeguarding_partner_holds_the_seat_before_a_lead_partner(
    in_review: ReportEdition, officer: User
) -> None:
    agency = Agency.objects.create(
        name="Old authority",
        sector=Agency.Sector.LOCAL_AUTHORITY,
        statutory_partner=True,
        statutory_role="local_authority",
    )
    _appoint(
        agency,
        Appointment.Role.SAFEGUARDING_PARTNER,
        "Robin Partner",
        date(2019, 6, 29),
        date(2024, 9, 30),
    )
    _appoint(agency, Appointment.Role.LEAD_PARTNER, "Ari Executive", date(2024, 10, 1))
    then = services.report_sign_off_record(
        actor=officer, edition=in_review, agency=agency, signed_on=date(2021, 9, 27)
    )
    assert then.appointment is not None
    assert then.appointment.holder_name == "Robin Partner"


def test_the_edition_page_shows_who_holds_each_seat(
    client, officer: User, in_review: ReportEdition, signers: dict[str, User]
) -> None:
    client.force_login(officer)
    page = client.get(reverse("annual_reports:edition_detail", args=[in_review.pk])).content
    text = page.decode()
    assert "Who holds each partner's seat today" in text
    for name in ("Signer police", "Signer health", "Signer local_authority"):
        assert name in text
    assert "Record a partner's sign-off" in text


def test_the_business_unit_records_a_sign_off_on_the_page(
    client,
    officer: User,
    in_review: ReportEdition,
    signers: dict[str, User],
    partners: dict[str, Agency],
) -> None:
    client.force_login(officer)
    url = reverse("annual_reports:edition_sign_off", args=[in_review.pk])
    data = {
        "agency": partners["police"].pk,
        "signed_by": "delegate",
        "signed_on-day": "27",
        "signed_on-month": "9",
        "signed_on-year": "2021",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert b"govuk-error-summary" in refused.content
    assert b"No delegated safeguarding partner" in refused.content
    data["signed_by"] = "lead"
    assert client.post(url, data).status_code == 302
    sign_off = in_review.sign_offs.get()
    assert sign_off.signed_on == date(2021, 9, 27)
    assert sign_off.signed_by == officer
