"""Who may sign the report off for a lead safeguarding partner, and who writes a partner's
contribution (shared by permissions, services and forms).

A sign-off is for one statutory partner agency (partnership.Agency with a lead partner
`statutory_role`: local authority, police or health) and is given on a day by the person who
holds that agency's partner seat on that day according to governance's dated appointments: the
lead safeguarding partner (Working Together 2023) or, before the 2023 arrangements, the
safeguarding partner (Working Together 2018). If governance records a delegated safeguarding
partner for that agency on that day, the delegate may sign for the lead.

It is recorded either
* by the signer themselves, today: they hold the agency safeguarding lead role (accounts
  Role.AGENCY_LEAD) for the agency and their account is the one on the appointment; or
* for the signer, by partnership staff (the business unit), naming the day it was given (not in
  the future) and whether the lead or the delegate gave it.
Anything else is refused, saying who holds the seat on that day.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from safeguarding.annual_reports.models import LEAD_PARTNER_ROLES, PartnerContribution
from safeguarding.governance.models import Appointment
from safeguarding.governance.selectors import PartnerSeat, partner_seat_on
from safeguarding.partnership.models import Agency

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

LEAD_ROLE_CODES = tuple(code for code, _label in LEAD_PARTNER_ROLES)


def sign_off_agencies_for(user: User) -> QuerySet[Agency]:
    """The statutory partner agencies `user` may sign the report off for."""
    if not user.is_authenticated or not user.lead_agency_ids:
        return Agency.objects.none()
    return Agency.objects.active().filter(
        statutory_partner=True,
        statutory_role__in=LEAD_ROLE_CODES,
        pk__in=user.lead_agency_ids,
    )


def lead_partner_agencies() -> QuerySet[Agency]:
    """Every statutory partner agency with a lead partner role, whose seat signs the report off."""
    return Agency.objects.active().filter(
        statutory_partner=True, statutory_role__in=LEAD_ROLE_CODES
    )


def seat_on(agency: Agency, day: date) -> PartnerSeat:
    return partner_seat_on(agency_id=agency.pk, day=day)


def _who(appointment: Appointment) -> str:
    title = f", {appointment.job_title}" if appointment.job_title else ""
    return f"{appointment.holder_name}{title}"


def seat_description(agency: Agency, seat: PartnerSeat) -> str:
    """ "On 1 May 2021 Cambridgeshire Constabulary's seat is held by ..." for error messages."""
    day = f"{seat.day:%-d %B %Y}"
    if seat.holder is None:
        return (
            f"Governance records no lead safeguarding partner for {agency} on {day}: record "
            "the appointment in the arrangements first."
        )
    text = f"On {day} the lead safeguarding partner for {agency} is {_who(seat.holder)}"
    if seat.delegate is not None:
        text += f", with {_who(seat.delegate)} as delegated safeguarding partner"
    return text + "."


def sign_off_appointment(
    *, user: User, agency: Agency, day: date, by_delegate: bool | None, recording_for: bool
) -> Appointment:
    """The appointment whose sign-off this is (the seat holder's or the delegate's on `day`).

    With `recording_for`, staff record a sign-off given by the lead (or, with `by_delegate`, by
    the delegate); otherwise `user` must be the person on the holder's or the delegate's
    appointment. Raises ValueError with a plain-English reason naming who holds the seat."""
    seat = seat_on(agency, day)
    described = seat_description(agency, seat)
    if seat.holder is None:
        raise ValueError(described)
    if recording_for:
        if not by_delegate:
            return seat.holder
        if seat.delegate is None:
            raise ValueError(
                f"{described} No delegated safeguarding partner is recorded for that day, so "
                "only the lead safeguarding partner can sign off."
            )
        return seat.delegate
    if seat.holder.person_id == user.pk:
        return seat.holder
    if seat.delegate is not None and seat.delegate.person_id == user.pk:
        return seat.delegate
    raise ValueError(
        f"{described} Only they (or the delegated safeguarding partner) can sign off for "
        f"{agency}, or the business unit can record their sign-off for them."
    )


def can_write_contribution(user: User, contribution: PartnerContribution) -> bool:
    """The safeguarding lead of the agency asked for a contribution writes it."""
    return user.is_authenticated and contribution.agency_id in user.lead_agency_ids
