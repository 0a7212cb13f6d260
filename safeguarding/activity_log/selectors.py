"""Reading the log (administrators only: see permissions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import import_module
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet, Subquery
from django.utils import timezone
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
    # A range on the indexed timestamp itself (not occurred_at__date, which no index serves).
    if date_from:
        events = events.filter(occurred_at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(occurred_at__lt=_start_of(date_to + timedelta(days=1)))
    return events.order_by("-id")


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


PAGE_SIZE = 50


@dataclass(frozen=True)
class EventPage:
    """One page of the log, found by its sequence (id), not by counting: keyset pagination.

    `newer_than` / `older_than` are the ids the "Newer" and "Older" links carry (None when
    there is nothing that way). Every page costs the same however long the log is."""

    events: list[ActivityEvent]
    newer_than: int | None
    older_than: int | None

    @property
    def has_other_pages(self) -> bool:
        return self.newer_than is not None or self.older_than is not None


def _first(events: QuerySet[ActivityEvent], order: str, n: int) -> list[ActivityEvent]:
    """The first `n` events in `order`, found by id first: the ids alone come from an index
    scan of the filter's (column, -id) index, then the rows by primary key. Asked for whole
    rows with a filter on a column, PostgreSQL estimates that walking the sequence backwards is
    cheaper and reads up to 950,000 events to find 51 old ones (EXPLAIN in
    docs/modules/volume.md)."""
    ids = events.order_by(order).values("id")[:n]
    rows = ActivityEvent.objects.select_related("actor", "target_type")
    return list(rows.filter(id__in=Subquery(ids)).order_by(order))


def event_page(
    events: QuerySet[ActivityEvent],
    *,
    before: int | None = None,
    after: int | None = None,
    size: int = PAGE_SIZE,
) -> EventPage:
    """The page of `events` (newest first) just older than id `before`, or just newer than
    id `after`, or the newest page when neither is given. Two queries at most."""
    events = events.order_by()
    if after is not None:
        rows = _first(events.filter(id__gt=after), "id", size + 1)
        has_newer = len(rows) > size
        rows = rows[:size][::-1]
        if not rows:  # nothing newer than the link's id any more: show the newest page
            return event_page(events, size=size)
        has_older = events.filter(id__lte=after).exists()
    else:
        events_before = events.filter(id__lt=before) if before is not None else events
        rows = _first(events_before, "-id", size + 1)
        has_older = len(rows) > size
        rows = rows[:size]
        has_newer = before is not None and events.filter(id__gte=before).exists()
        if not rows:
            return EventPage([], before - 1 if has_newer and before else None, None)
    return EventPage(
        rows,
        newer_than=rows[0].pk if has_newer else None,
        older_than=rows[-1].pk if has_older else None,
    )


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


def task_result_list_failed() -> QuerySet[DBTaskResult[..., Any]]:
    """Background jobs that failed, newest first (the page shows them 50 at a time)."""
    return DBTaskResult.objects.failed().order_by("-finished_at", "id")


def task_result_list_recent(*, limit: int = 50) -> QuerySet[DBTaskResult[..., Any]]:
    return DBTaskResult.objects.order_by("-enqueued_at")[:limit]


def verb_list() -> list[str]:
    """Every verb the apps declare in their `verbs.py` (no scan of the log)."""
    found: set[str] = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("safeguarding."):
            continue
        try:
            module = import_module(f"{config.name}.verbs")
        except ModuleNotFoundError:
            continue
        found.update(
            value
            for name, value in vars(module).items()
            if name.isupper() and isinstance(value, str)
        )
    return sorted(found)


def target_type_list() -> QuerySet[ContentType]:
    """The record types the log may name: the project's own models (no scan of the log)."""
    labels = [
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("safeguarding.")
    ]
    return ContentType.objects.filter(app_label__in=labels).order_by("app_label", "model")


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
