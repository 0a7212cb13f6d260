"""Reading the log (administrators only: see permissions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django_tasks_db.models import DBTaskResult

from safeguarding.activity_log.chain import event_hash
from safeguarding.activity_log.models import ActivityEvent


def event_list(
    *,
    actor_id: int | None = None,
    verb: str = "",
    kind: str = "",
    target_type_id: int | None = None,
    target_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[ActivityEvent]:
    events = ActivityEvent.objects.select_related("actor", "target_type")
    if actor_id:
        events = events.filter(actor_id=actor_id)
    if verb:
        events = events.filter(verb=verb)
    if kind:
        events = events.filter(kind=kind)
    if target_type_id:
        events = events.filter(target_type_id=target_type_id)
    if target_id:
        events = events.filter(target_id=target_id)
    if date_from:
        events = events.filter(occurred_at__date__gte=date_from)
    if date_to:
        events = events.filter(occurred_at__date__lte=date_to)
    return events.order_by("-id")


def event_list_for_target(*, target: Model) -> QuerySet[ActivityEvent]:
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    return event_list(target_type_id=content_type.pk, target_id=str(target.pk))


def viewer_list_for_target(*, target: Model) -> QuerySet[ActivityEvent]:
    """Who has viewed this record (sensitive views only), newest first."""
    return event_list_for_target(target=target).filter(kind=ActivityEvent.Kind.VIEW)


def target_label_for(*, target: Model, default: str) -> str:
    """The label the log gave `target` (the newest event's), else `default`."""
    label = event_list_for_target(target=target).values_list("target_label", flat=True).first()
    return label or default


def task_result_list_failed(*, limit: int = 100) -> QuerySet[DBTaskResult[..., Any]]:
    """Background jobs that failed, newest first."""
    return DBTaskResult.objects.failed().order_by("-finished_at")[:limit]


def task_result_list_recent(*, limit: int = 50) -> QuerySet[DBTaskResult[..., Any]]:
    return DBTaskResult.objects.order_by("-enqueued_at")[:limit]


def verb_list() -> list[str]:
    return list(ActivityEvent.objects.order_by("verb").values_list("verb", flat=True).distinct())


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None
    reason: str


def chain_verify() -> ChainReport:
    """Walk the chain in id order; report the first event whose hash or link is wrong."""
    previous = ""
    checked = 0
    for event in ActivityEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != previous:
            return ChainReport(checked, event.pk, "its link to the previous event is broken")
        if event_hash(event) != event.hash:
            return ChainReport(checked, event.pk, "its content does not match its hash")
        previous = event.hash
        checked += 1
    return ChainReport(checked, None, "")
