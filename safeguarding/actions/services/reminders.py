"""Reminder e-mails to the owners of actions due soon or past their due date."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.selectors import person_or_agency_leads
from safeguarding.actions import verbs
from safeguarding.actions.models import Action, ActionReminder
from safeguarding.activity_log.services import event_record
from safeguarding.core.dates import format_date
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.working_days import add_working_days

logger = logging.getLogger(__name__)


def action_reminder_recipients(*, action: Action) -> list[User]:
    """The owner in person when there is one (and their account is open); otherwise the
    owner agency's safeguarding leads."""
    return person_or_agency_leads(person=action.owner_person, agency_id=action.owner_agency_id)


@dataclass(frozen=True)
class ReminderResult:
    due_soon: int = 0
    missed: int = 0
    no_recipient: int = 0

    @property
    def sent(self) -> int:
        return self.due_soon + self.missed


def _reminder_kind(action: Action, today: date, window_end: date) -> str | None:
    if action.due_date < today:
        return ActionReminder.Kind.MISSED
    if action.due_date <= window_end and action.status != Action.Status.OVERDUE:
        return ActionReminder.Kind.DUE_SOON
    return None


def actions_send_reminders(*, today: date | None = None) -> ReminderResult:
    """E-mail owners of open actions due within ACTION_REMINDER_WORKING_DAYS working days, and
    of actions whose due date has passed. One reminder of each kind per action and due date
    (ActionReminder), so running twice sends nothing new; moving the due date earns new ones.
    E-mails carry no description of the action: only its number, agency, due date and a link."""
    today = today or timezone.localdate()
    days = settings.ACTION_REMINDER_WORKING_DAYS
    window_end = add_working_days(today, days)
    candidates = (
        Action.objects.live()
        .filter(due_date__lte=window_end)
        .exclude(status=Action.Status.COMPLETE)
        .select_related("owner_agency", "owner_person")
        .order_by("due_date", "pk")
    )
    counts = {"due_soon": 0, "missed": 0, "no_recipient": 0}
    for action in candidates:
        kind = _reminder_kind(action, today, window_end)
        if kind is None:
            continue
        if ActionReminder.objects.filter(action=action, kind=kind, due_date=action.due_date):
            continue
        recipients = action_reminder_recipients(action=action)
        if not recipients:
            counts["no_recipient"] += 1
            logger.warning("Action %s has nobody to remind", action.pk)
            continue
        _reminder_send(action=action, kind=kind, recipients=recipients, today=today, days=days)
        counts[kind] += 1
    result = ReminderResult(**counts)
    logger.info("actions_send_reminders: %s", result)
    return result


@transaction.atomic
def _reminder_send(
    *, action: Action, kind: str, recipients: list[User], today: date, days: int
) -> ActionReminder:
    reminder = ActionReminder.objects.create(action=action, kind=kind, due_date=action.due_date)
    reminder.recipients.set(recipients)
    url = absolute_reverse("actions:action_detail", action.pk)
    for person in recipients:
        email_send(
            template=f"action_reminder_{kind}",
            to=[person.email],
            context={
                "name": person.display_name,
                "action_number": action.number,
                "plan_id": action.plan_id,
                "agency": action.owner_agency.name,
                "due_date": format_date(action.due_date),
                "working_days": days,
                "days_late": (today - action.due_date).days if kind == "missed" else 0,
                "url": url,
            },
        )
    event_record(
        actor=None,
        verb=verbs.ACTION_REMINDER_SENT,
        target=action,
        data={"kind": kind, "recipients": len(recipients), "due_date": action.due_date},
    )
    return reminder
