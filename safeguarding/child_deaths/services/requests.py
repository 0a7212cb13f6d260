"""Information gathering: reporting-form requests to agencies, returns and reminders."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.services import (
    event_record,
    tracked_create,
    tracked_update,
)
from safeguarding.child_deaths import selectors, verbs
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    InformationRequest,
)
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.working_days import add_working_days

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency


# --- information gathering -----------------------------------------------------------


def _request_email_context(request: InformationRequest) -> dict[str, Any]:
    return {
        "contact_name": request.contact_name,
        "agency": request.agency.name,
        "reference": request.notification.reference,
        "due_on": request.due_on.strftime("%-d %B %Y"),
        "url": absolute_reverse("child_deaths:request_return", request.pk),
    }


@transaction.atomic
def information_request_create(
    *,
    actor: User | None,
    notification: ChildDeathNotification,
    agency: Agency,
    contact_name: str,
    contact_email: str,
    due_on: date | None = None,
) -> InformationRequest:
    """Send the reporting form to an involved agency's named contact. The e-mail carries only
    the case reference and a link to the secure page, never the child's details."""
    if InformationRequest.objects.filter(notification=notification, agency=agency).exists():
        raise ValidationError({"agency": f"{agency.name} has already been sent a request."})
    today = timezone.localdate()
    request = tracked_create(
        actor=actor,
        model=InformationRequest,
        data={
            "notification": notification,
            "agency": agency,
            "contact_name": contact_name.strip(),
            "contact_email": contact_email.strip().lower(),
            "requested_on": today,
            "due_on": due_on or add_working_days(today, settings.CHILD_DEATH_REQUEST_WORKING_DAYS),
        },
        verb=verbs.INFORMATION_REQUEST_SENT,
    )
    notification.agencies_involved.add(agency)
    if notification.status == ChildDeathNotification.Status.NOTIFIED:
        ChildDeathNotification.objects.filter(pk=notification.pk).update(
            status=ChildDeathNotification.Status.GATHERING
        )
        notification.status = ChildDeathNotification.Status.GATHERING
    email_send(
        template="child_deaths_request",
        to=[request.contact_email],
        context=_request_email_context(request),
    )
    return request


@transaction.atomic
def information_request_remind(
    *, actor: User | None, request: InformationRequest, today: date | None = None
) -> InformationRequest:
    if request.status == InformationRequest.Status.RETURNED:
        raise ValidationError("This agency has already returned its information.")
    today = today or timezone.localdate()
    InformationRequest.objects.filter(pk=request.pk).update(
        reminders_sent=request.reminders_sent + 1, last_reminded_on=today
    )
    request.reminders_sent += 1
    request.last_reminded_on = today
    email_send(
        template="child_deaths_reminder",
        to=[request.contact_email],
        context=_request_email_context(request),
    )
    event_record(
        actor=actor,
        verb=verbs.INFORMATION_REQUEST_REMINDED,
        target=request,
        data={"reminders_sent": request.reminders_sent},
    )
    return request


def information_requests_send_reminders(*, today: date | None = None) -> int:
    """Remind every overdue request not reminded in the last few working days (safe to run
    twice a day: a request is reminded at most once per interval). Returns how many."""
    today = today or timezone.localdate()
    sent = 0
    for request in selectors.information_requests_due_reminder(
        today=today, interval=settings.CHILD_DEATH_REMINDER_WORKING_DAYS
    ):
        information_request_remind(actor=None, request=request, today=today)
        sent += 1
    return sent


@transaction.atomic
def information_request_return(
    *,
    actor: User,
    request: InformationRequest,
    expected_version: int | None,
    information: str,
    form_version: str,
) -> InformationRequest:
    """The agency returns its reporting form. The form version in use is stored with it."""
    if not information.strip():
        raise ValidationError({"information": "Enter the information your agency holds."})
    if not form_version.strip():
        raise ValidationError({"form_version": "Enter the reporting form version you used."})
    tracked_update(
        actor=actor,
        obj=request,
        data={
            "information": information.strip(),
            "form_version": form_version.strip(),
            "status": InformationRequest.Status.RETURNED,
            "returned_on": timezone.localdate(),
            "returned_by": actor,
        },
        verb=verbs.INFORMATION_REQUEST_RETURNED,
        expected_version=expected_version,
    )
    notification = request.notification
    outstanding = notification.requests.exclude(status=InformationRequest.Status.RETURNED)
    if notification.status == ChildDeathNotification.Status.GATHERING and not outstanding.exists():
        ChildDeathNotification.objects.filter(pk=notification.pk).update(
            status=ChildDeathNotification.Status.AWAITING_PANEL
        )
    return request
