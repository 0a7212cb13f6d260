"""Appointments (one holder per seat), the agencies in the arrangements, the arrangements
document and its sign-off, and funding."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core import uploads
from safeguarding.governance import verbs
from safeguarding.governance.models import (
    Appointment,
    ArrangementsDocument,
    ArrangementsMember,
    ArrangementsSignOff,
    BudgetLine,
    FundingContribution,
)
from safeguarding.governance.services.common import _record_or_correct
from safeguarding.partnership.models import Agency

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# --- appointments --------------------------------------------------------------------


def _seat(role: str, agency: Agency | None) -> Q:
    seat = Q(role=role)
    if role in Appointment.PER_AGENCY_ROLES:
        seat &= Q(agency=agency)
    return seat


@transaction.atomic
def appointment_create(
    *,
    actor: User | None,
    role: str,
    holder_name: str,
    started_on: date,
    ended_on: date | None = None,
    agency: Agency | None = None,
    person: User | None = None,
    job_title: str = "",
) -> Appointment:
    """Appoint someone to a role from `started_on` (to `ended_on`, open when None). Refused when
    it overlaps another appointment to the same seat."""
    holders = list(Appointment.objects.select_for_update(of=("self",)).filter(_seat(role, agency)))
    clash = next((a for a in holders if a.overlaps(started_on, ended_on)), None)
    if clash is not None:
        raise ValidationError(
            {
                "started_on": f"{clash.holder_name} holds this role from "
                f"{clash.started_on:%d %B %Y}"
                + (f" to {clash.ended_on:%d %B %Y}" if clash.ended_on else "")
                + ": end that appointment first or choose other dates."
            }
        )
    return tracked_create(
        actor=actor,
        model=Appointment,
        data={
            "role": role,
            "holder_name": holder_name.strip(),
            "job_title": job_title.strip(),
            "started_on": started_on,
            "ended_on": ended_on,
            "agency": agency,
            "person": person,
        },
        verb=verbs.APPOINTMENT_CREATED,
    )


@transaction.atomic
def appointment_end(
    *, actor: User | None, appointment: Appointment, ended_on: date
) -> Appointment:
    """End an appointment (the day of the last day in the role)."""
    if ended_on < appointment.started_on:
        raise ValidationError({"ended_on": "The end date must be on or after the start date."})
    tracked_update(
        actor=actor,
        obj=appointment,
        data={"ended_on": ended_on},
        verb=verbs.APPOINTMENT_ENDED,
        expected_version=None,
    )
    return appointment


@transaction.atomic
def arrangements_member_add(
    *, actor: User | None, agency: Agency, kind: str, joined_on: date
) -> ArrangementsMember:
    if ArrangementsMember.objects.filter(agency=agency, kind=kind, left_on__isnull=True).exists():
        raise ValidationError({"agency": "This agency is already named in the arrangements."})
    return tracked_create(
        actor=actor,
        model=ArrangementsMember,
        data={"agency": agency, "kind": kind, "joined_on": joined_on},
        verb=verbs.ARRANGEMENTS_MEMBER_ADDED,
    )


# --- the arrangements document -------------------------------------------------------


@transaction.atomic
def arrangements_document_create(
    *,
    actor: User | None,
    version_label: str,
    title: str,
    summary: str,
    review_due_on: date,
    agreed_on: date | None = None,
    file: UploadedFile | None = None,
) -> ArrangementsDocument:
    """A new version of the arrangements, optionally with its PDF (checked by content)."""
    if file is not None:
        try:
            uploads.check_upload(
                file, kinds=[uploads.PDF], max_mb=int(settings.GOVERNANCE_PAPER_MAX_MB)
            )
        except ValidationError as exc:
            raise ValidationError(
                {"file": [f"The arrangements document must be a PDF: {exc.messages[0]}"]}
            ) from exc
    document = tracked_create(
        actor=actor,
        model=ArrangementsDocument,
        data={
            "version_label": version_label.strip(),
            "title": title.strip(),
            "summary": summary.strip(),
            "review_due_on": review_due_on,
            "agreed_on": agreed_on,
        },
        verb=verbs.ARRANGEMENTS_DOCUMENT_CREATED,
    )
    if file is not None:
        document.file.save("arrangements.pdf", file, save=True)
    return document


SIGNING_ROLES = frozenset({Appointment.Role.LEAD_PARTNER, Appointment.Role.SAFEGUARDING_PARTNER})


@transaction.atomic
def arrangements_document_sign(
    *,
    actor: User | None,
    document: ArrangementsDocument,
    appointment: Appointment,
    signed_on: date,
) -> ArrangementsSignOff:
    """Record a lead safeguarding partner's sign-off (before Working Together 2023, a
    safeguarding partner's): they must hold the role on that day."""
    if appointment.role not in SIGNING_ROLES:
        raise ValidationError({"appointment": "Only a lead safeguarding partner signs off."})
    if not appointment.overlaps(signed_on, signed_on):
        raise ValidationError({"signed_on": "They did not hold the role on that day."})
    if document.sign_offs.filter(appointment=appointment).exists():
        raise ValidationError({"appointment": "They have already signed this version off."})
    sign_off = ArrangementsSignOff.objects.create(
        document=document, appointment=appointment, signed_on=signed_on, recorded_by=actor
    )
    event_record(
        actor=actor,
        verb=verbs.ARRANGEMENTS_DOCUMENT_SIGNED,
        target=document,
        data={"appointment": appointment.pk, "signed_on": signed_on.isoformat()},
    )
    return sign_off


STATUTORY_ROLES = (
    Agency.StatutoryRole.LOCAL_AUTHORITY,
    Agency.StatutoryRole.POLICE,
    Agency.StatutoryRole.HEALTH,
)


def arrangements_signatories_missing(*, document: ArrangementsDocument) -> list[str]:
    """The statutory partners (labels) none of whose lead partners has signed off yet."""
    signed = set(document.sign_offs.values_list("appointment__agency__statutory_role", flat=True))
    return [str(role.label) for role in STATUTORY_ROLES if role not in signed]


@transaction.atomic
def arrangements_document_publish(
    *, actor: User | None, document: ArrangementsDocument, published_on: date
) -> ArrangementsDocument:
    missing = arrangements_signatories_missing(document=document)
    if missing:
        raise ValidationError(
            "The three lead safeguarding partners must sign this version off first. Still to "
            "sign: " + ", ".join(missing) + "."
        )
    if document.published_on is not None:
        raise ValidationError("This version has already been published.")
    tracked_update(
        actor=actor,
        obj=document,
        data={"published_on": published_on},
        verb=verbs.ARRANGEMENTS_DOCUMENT_PUBLISHED,
    )
    return document


# --- funding -------------------------------------------------------------------------


@transaction.atomic
def funding_contribution_record(
    *,
    actor: User | None,
    agency: Agency,
    year_start: int,
    agreed: Decimal,
    received: Decimal = Decimal("0"),
) -> FundingContribution:
    """Record (or correct) an agency's agreed and received contribution for a year."""
    if agreed < 0 or received < 0:
        raise ValidationError("Amounts cannot be negative.")
    return _record_or_correct(
        actor=actor,
        model=FundingContribution,
        key={"agency": agency, "year_start": year_start},
        values={"agreed": agreed, "received": received},
        verb=verbs.FUNDING_CONTRIBUTION_RECORDED,
    )


@transaction.atomic
def budget_line_record(
    *,
    actor: User | None,
    year_start: int,
    category: str,
    amount: Decimal,
    description: str = "",
) -> BudgetLine:
    if amount < 0:
        raise ValidationError({"amount": "The amount cannot be negative."})
    return _record_or_correct(
        actor=actor,
        model=BudgetLine,
        key={"year_start": year_start, "category": category},
        values={"amount": amount, "description": description.strip()},
        verb=verbs.BUDGET_LINE_RECORDED,
    )
