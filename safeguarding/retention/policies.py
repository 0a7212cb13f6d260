"""The policies this app registers itself: the activity log (it sits below every domain app),
and the activity-events part of the subject access download."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from safeguarding.accounts import subject_access
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.retention.registry import Action, Policy, register_policy

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

ACTIVITY_LOG = Policy(
    key="activity_log.events",
    label="Activity log events",
    setting="RETENTION_ACTIVITY_LOG_YEARS",
    default="7 years, then archived by hand (never deleted by the command)",
    reason=(
        "The log is the evidence of who saw and changed case records; 6 years covers a claim "
        "under the Limitation Act 1980, plus the year in progress. It is append-only with a "
        "hash chain and PostgreSQL refuses DELETE, so the command only counts the events past "
        "their period; the runbook archives a verified segment."
    ),
    action=Action.KEEP,
    due=lambda as_of: _events_before(as_of),
)


def _events_before(as_of: date) -> QuerySet[ActivityEvent]:
    cutoff = ACTIVITY_LOG.cutoff(as_of)
    if cutoff is None:
        return ActivityEvent.objects.none()
    moment = timezone.make_aware(datetime.combine(cutoff, time.min))
    return ActivityEvent.objects.filter(occurred_at__lt=moment)


def activity_events_part(person: User) -> dict[str, list[dict[str, Any]]]:
    """The events the person did (as actor: what, when, on which record, which fields), and
    the events about their account (role grants and withdrawals, deactivation: the role
    history, with who did it)."""
    by_you = ActivityEvent.objects.filter(actor=person).order_by("id")
    about_you = ActivityEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(person), target_id=str(person.pk)
    ).order_by("id")
    return {
        "by_you": [
            {
                "occurred_at": event.occurred_at.isoformat(),
                "kind": event.get_kind_display(),
                "verb": event.verb,
                "record": event.target_label,
                "fields_changed": sorted(event.changes),
            }
            for event in by_you
        ],
        "about_you": [
            {
                "occurred_at": event.occurred_at.isoformat(),
                "verb": event.verb,
                "by": event.actor_label,
                "details": event.data,
            }
            for event in about_you
        ],
    }


def register() -> None:
    register_policy(ACTIVITY_LOG)
    subject_access.register_part("activity_events", "Your activity events", activity_events_part)
