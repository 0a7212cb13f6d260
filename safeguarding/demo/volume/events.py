"""Appending many activity-log events in bulk, chained exactly as event_record() chains one:
each event's previous_hash is the hash before it (in id order) and its hash is
activity_log.chain.event_hash of its content, so `manage.py activity_log_verify` still passes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

from safeguarding.activity_log.chain import event_hash
from safeguarding.activity_log.models import ActivityEvent

BATCH = 5_000
# The same PostgreSQL advisory lock event_record() takes (activity_log.services): the chain is
# appended to by one writer at a time.
CHAIN_LOCK_ID = 7_417_001


class EventSpec(NamedTuple):
    """One event to append: what event_record() would have been given, and when."""

    occurred_at: datetime
    verb: str
    kind: str = ActivityEvent.Kind.WRITE
    actor_id: int | None = None
    actor_label: str = "system"
    target_type_id: int | None = None
    target_id: str = ""
    target_label: str = ""
    changes: dict[str, Any] | None = None
    data: dict[str, Any] | None = None


def chain_lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_ID])


def events_append(specs: Iterable[EventSpec]) -> int:
    """Append `specs` (in the order given) to the chain; returns how many. Call inside a
    transaction: the chain lock is held until it ends."""
    chain_lock()
    previous = ActivityEvent.objects.order_by("-id").values_list("hash", flat=True).first() or ""
    batch: list[ActivityEvent] = []
    count = 0
    for spec in specs:
        event = ActivityEvent(
            occurred_at=spec.occurred_at,
            actor_id=spec.actor_id,
            actor_label=spec.actor_label,
            kind=spec.kind,
            verb=spec.verb,
            target_type_id=spec.target_type_id,
            target_id=spec.target_id,
            target_label=spec.target_label,
            changes=spec.changes or {},
            data=spec.data or {},
            ip_address=None,
            previous_hash=previous,
        )
        event.hash = event_hash(event)
        previous = event.hash
        batch.append(event)
        if len(batch) >= BATCH:
            ActivityEvent.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    if batch:
        ActivityEvent.objects.bulk_create(batch)
        count += len(batch)
    return count
