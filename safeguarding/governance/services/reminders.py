"""Reminders to partnership staff: papers late, the arrangements' review due. Safe to run twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.services import event_record
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.governance import selectors, verbs
from safeguarding.governance.models import (
    GovernanceReminder,
    Meeting,
)

# --- reminders -----------------------------------------------------------------------


@dataclass
class GovernanceReminderResult:
    papers_late: int = 0
    reviews_due: int = 0


def _reminder_claim(kind: str, subject_id: int, due_on: date) -> bool:
    """True the first time only (so the command is safe to run twice)."""
    _reminder, created = GovernanceReminder.objects.get_or_create(
        kind=kind, subject_id=subject_id, due_on=due_on
    )
    return created


def _staff_emails() -> list[str]:
    from safeguarding.accounts.models import User
    from safeguarding.accounts.roles import STAFF_ROLES

    return sorted(
        set(
            User.objects.filter(is_active=True, role_grants__role__in=STAFF_ROLES).values_list(
                "email", flat=True
            )
        )
    )


@transaction.atomic
def governance_reminders_send(*, today: date | None = None) -> GovernanceReminderResult:
    """E-mail partnership staff about meetings whose papers are late and versions of the
    arrangements whose review is due within REVIEW_REMINDER_DAYS. One reminder per subject per
    due date."""
    from datetime import timedelta

    today = today or timezone.localdate()
    result = GovernanceReminderResult()
    staff = _staff_emails()
    meetings = Meeting.objects.select_related("group").filter(
        cancelled=False, papers_published_at__isnull=True, papers_due_on__lt=today
    )
    for meeting in meetings:
        if not meeting.papers_late_on(today):
            continue
        if _reminder_claim(GovernanceReminder.Kind.PAPERS_LATE, meeting.pk, meeting.papers_due_on):
            result.papers_late += 1
            if staff:
                email_send(
                    template="governance_reminder",
                    to=staff,
                    context={
                        "subject": f"Papers late: {meeting.group.name}",
                        "text": f"The papers for the {meeting.group.name} meeting on "
                        f"{timezone.localtime(meeting.starts_at):%d %B %Y} were due on "
                        f"{meeting.papers_due_on:%d %B %Y} and have not been published.",
                        "url": absolute_reverse("governance:meeting_detail", meeting.pk),
                    },
                )
    horizon = today + timedelta(days=int(settings.GOVERNANCE_REVIEW_REMINDER_DAYS))
    current = selectors.arrangements_current()
    if (
        current is not None
        and current.review_due_on <= horizon
        and _reminder_claim(GovernanceReminder.Kind.REVIEW_DUE, current.pk, current.review_due_on)
    ):
        result.reviews_due += 1
        if staff:
            email_send(
                template="governance_reminder",
                to=staff,
                context={
                    "subject": "Review of the safeguarding arrangements due",
                    "text": f"The published arrangements (version {current.version_label}) "
                    f"are due for review by {current.review_due_on:%d %B %Y}.",
                    "url": absolute_reverse("governance:arrangements"),
                },
            )
    if result.papers_late or result.reviews_due:
        event_record(
            actor=None,
            verb=verbs.GOVERNANCE_REMINDER_SENT,
            data={"papers_late": result.papers_late, "reviews_due": result.reviews_due},
        )
    return result
