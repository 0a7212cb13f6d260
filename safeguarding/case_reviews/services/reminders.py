"""Reminder e-mails for case review deadlines: a configurable number of working days before
(settings.CASE_REVIEW_REMINDER_WORKING_DAYS, default 5) and once the deadline is missed.

Each reminder is recorded (ReminderSent) before its e-mails are queued, in one transaction, so
running the command twice sends nothing twice. E-mails name only references and pseudonymous
review titles, never a child's details.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.services import event_record
from safeguarding.case_reviews import selectors, verbs
from safeguarding.case_reviews.models import AgencyRequest, ReminderSent
from safeguarding.case_reviews.services.notifications import agency_request_recipients
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_url
from safeguarding.core.working_days import add_working_days

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReminderResult:
    due_soon: int = 0
    missed: int = 0
    no_recipient: int = 0


def reminder_recipients(*, deadline: selectors.Deadline) -> list[User]:
    """Agency requests: the named contact, else the agency's safeguarding leads. Other
    deadlines: the business unit officers who run the reviews."""
    if deadline.kind == "agency_request":
        request = AgencyRequest.objects.select_related("contact").get(pk=deadline.pk)
        return agency_request_recipients(request=request)
    users = User.objects.filter(is_active=True, role_grants__role=Role.BUSINESS_UNIT)
    return list(users.distinct().order_by("email"))


def case_review_reminders_send(*, today: date | None = None) -> ReminderResult:
    today = today or timezone.localdate()
    days = settings.CASE_REVIEW_REMINDER_WORKING_DAYS
    window_end = add_working_days(today, days)
    counts = {"due_soon": 0, "missed": 0, "no_recipient": 0}
    for deadline in selectors.deadline_list():
        if deadline.due_on < today:
            stage = "missed"
        elif deadline.due_on <= window_end:
            stage = "due_soon"
        else:
            continue
        key = f"{deadline.key}:{deadline.due_on.isoformat()}:{stage}"
        if ReminderSent.objects.filter(key=key).exists():
            continue
        recipients = reminder_recipients(deadline=deadline)
        if not recipients:
            counts["no_recipient"] += 1
            logger.warning("Case review deadline %s has nobody to remind", deadline.key)
            continue
        if _send(deadline=deadline, key=key, stage=stage, recipients=recipients, today=today):
            counts[stage] += 1
    result = ReminderResult(**counts)
    logger.info("case_reviews reminders: %s", result)
    return result


def _send(
    *,
    deadline: selectors.Deadline,
    key: str,
    stage: str,
    recipients: list[User],
    today: date,
) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(key=key, recipients=len(recipients))
            url = absolute_url(deadline.url)
            for person in recipients:
                email_send(
                    template=f"case_reviews_reminder_{stage}",
                    to=[person.email],
                    context={
                        "name": person.display_name,
                        "what": deadline.label,
                        "due_date": f"{deadline.due_on.day} {deadline.due_on:%B %Y}",
                        "days_late": (today - deadline.due_on).days,
                        "working_days": settings.CASE_REVIEW_REMINDER_WORKING_DAYS,
                        "url": url,
                    },
                )
            event_record(
                actor=None,
                verb=verbs.CASE_REVIEW_REMINDER_SENT,
                data={"key": key, "recipients": len(recipients)},
            )
    except IntegrityError:  # another run sent it a moment ago
        return False
    return True
