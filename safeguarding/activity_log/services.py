"""Recording events. Call event_record() inside the service's transaction, so the event and the
change it describes are stored together or not at all."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone

from safeguarding.activity_log import verbs
from safeguarding.activity_log.chain import event_hash
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.fields import EncryptedTextField
from safeguarding.core.middleware import current_ip
from safeguarding.core.models import ArchivableModel

M = TypeVar("M", bound=models.Model)
A = TypeVar("A", bound=ArchivableModel)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

REDACTED = "[identifying detail: not logged]"
_CHAIN_LOCK_ID = 7_417_001  # PostgreSQL advisory lock that serialises the chain


def _plain(value: Any) -> Any:
    """JSON-safe copy (dates become ISO strings, model instances their pk)."""
    plain: Any = json.loads(json.dumps(value, default=_default))
    return plain


def _default(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def target_label(target: models.Model) -> str:
    """A non-identifying label: the model's `activity_label` if it defines one, else
    "<verbose name> <pk>". Never str(target): that may contain a child's name."""
    label = getattr(target, "activity_label", None)
    if label:
        return str(label)[:255]
    return f"{target._meta.verbose_name} {target.pk}"[:255]


def snapshot(obj: models.Model, fields: Iterable[str], *, redact: bool = True) -> dict[str, Any]:
    """Field values for a before/after diff, with encrypted (identifying) fields redacted
    (`redact=False` only to detect a change, never for anything that is stored)."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if isinstance(field, EncryptedTextField) and redact:
            values[name] = REDACTED
        elif isinstance(field, models.ForeignKey):
            values[name] = getattr(obj, field.attname)
        else:
            values[name] = getattr(obj, name)
    plain: dict[str, Any] = _plain(values)
    return plain


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {"before": x, "after": y}} for the fields whose value changed."""
    changed = {}
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            changed[key] = {"before": before.get(key), "after": after.get(key)}
    return changed


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_ID])


@transaction.atomic
def event_record(
    *,
    actor: User | None,
    verb: str,
    target: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    kind: str = ActivityEvent.Kind.WRITE,
    record_ip: bool = True,
) -> ActivityEvent:
    """Append one event to the chain. `changes` is {field: {"before", "after"}} (see diff());
    `data` is any further non-identifying context (a reason, a count, a filename).
    `record_ip=False` for anonymous submissions (surveys): no address is stored."""
    _lock_chain()
    previous = ActivityEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    event = ActivityEvent(
        occurred_at=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=(actor.email if actor is not None and actor.is_authenticated else "system"),
        kind=kind,
        verb=verb,
        changes=_plain(changes or {}),
        data=_plain(data or {}),
        ip_address=current_ip() if record_ip else None,
        previous_hash=previous or "",
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_label = target_label(target)
    event.hash = event_hash(event)
    event.save(force_insert=True)
    return event


def event_record_view(*, actor: User, target: models.Model, what: str = "") -> ActivityEvent:
    """Record that `actor` viewed a sensitive record (or a restricted part of it: `what`)."""
    return event_record(
        actor=actor,
        verb=verbs.VIEWED,
        target=target,
        data={"what": what} if what else None,
        kind=ActivityEvent.Kind.VIEW,
    )


def event_record_export(
    *,
    actor: User | None,
    what: str,
    rows: int,
    target: models.Model | None = None,
    file_format: str = "",
) -> ActivityEvent:
    return event_record(
        actor=actor,
        verb=verbs.EXPORTED,
        target=target,
        data={"what": what, "rows": rows, "format": file_format},
        kind=ActivityEvent.Kind.EXPORT,
    )


@transaction.atomic
def tracked_update(
    *,
    actor: User | None,
    obj: models.Model,
    data: dict[str, Any],
    verb: str,
    expected_version: int | None = None,
) -> dict[str, dict[str, Any]]:
    """The shared shape of an edit: lock the row, refuse a stale edit (core.concurrency),
    apply `data`, validate, save, and record the before/after diff. Returns the diff.

    Domain services call this for plain field edits and add their own rules around it.
    """
    from safeguarding.core.concurrency import bump_version, check_version

    model = type(obj)
    locked = model._default_manager.select_for_update().get(pk=obj.pk)
    check_version(locked, expected_version, data)
    before = snapshot(locked, data.keys())
    before_raw = snapshot(locked, data.keys(), redact=False)
    for name, value in data.items():
        setattr(locked, name, value)
    locked.full_clean()
    # Detect changes on the real values (an identifying field may be all that changed) and
    # record them redacted: the log says that it changed, never what it said.
    changed_fields = diff(before_raw, snapshot(locked, data.keys(), redact=False)).keys()
    after = snapshot(locked, data.keys())
    changes = {name: {"before": before[name], "after": after[name]} for name in changed_fields}
    if changes:
        if hasattr(locked, "version"):
            bump_version(locked)
        locked.save()
        event_record(actor=actor, verb=verb, target=locked, changes=changes)
    # Keep the caller's instance in step with what was saved.
    for name in [*data.keys(), "version", "updated_at"]:
        if hasattr(locked, name):
            setattr(obj, name, getattr(locked, name))
    return changes


@transaction.atomic
def tracked_create(*, actor: User | None, model: type[M], data: dict[str, Any], verb: str) -> M:
    """The shared shape of a plain create: validate, save, record every field set."""
    obj = model(**data)
    obj.full_clean()
    obj.save()
    after = snapshot(obj, data.keys())
    event_record(
        actor=actor,
        verb=verb,
        target=obj,
        changes={k: {"before": None, "after": v} for k, v in after.items()},
    )
    return obj


@transaction.atomic
def tracked_archive(
    *, actor: User, obj: A, reason: str, verb: str, noun: str, expected_version: int | None = None
) -> A:
    """The shared shape of archiving a case record (records are archived, never deleted): a
    reason is required, a record is archived once, and the archive is a tracked edit of
    `archived_at`, `archived_by` and `archived_reason`. `noun` names the record in the
    messages ("notification", "review")."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": f"Enter why this {noun} is being archived."})
    if obj.is_archived:
        raise ValidationError(f"This {noun} is already archived.")
    tracked_update(
        actor=actor,
        obj=obj,
        data={"archived_at": timezone.now(), "archived_by": actor, "archived_reason": reason},
        verb=verb,
        expected_version=expected_version,
    )
    return obj
