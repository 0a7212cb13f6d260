"""Writes: placing and releasing legal holds, and applying the retention schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.services import event_record, event_record_export, target_label
from safeguarding.retention import registry, selectors, verbs
from safeguarding.retention.models import LegalHold, RetentionRun, RetentionRunResult

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.retention.registry import Policy


@transaction.atomic
def legal_hold_place(
    *, actor: User, content_type_id: int, object_id: int, reason: str, review_on: date
) -> LegalHold:
    """Hold one record of a type some policy allows holds on (its children follow through the
    policy's own filter)."""
    record = selectors.holdable_record_get(content_type_id=content_type_id, object_id=object_id)
    if record is None:
        raise ValidationError({"object_id": "There is no record of that type with that number."})
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the record is held."})
    if review_on <= timezone.localdate():
        raise ValidationError({"review_on": "The review date must be in the future."})
    hold = LegalHold(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        object_label=target_label(record),
        reason=reason.strip(),
        review_on=review_on,
        placed_at=timezone.now(),
        placed_by=actor,
    )
    hold.full_clean()
    hold.save()
    event_record(
        actor=actor,
        verb=verbs.LEGAL_HOLD_PLACED,
        target=record,
        data={"hold": hold.pk, "review_on": review_on},
    )
    return hold


@transaction.atomic
def legal_hold_release(*, actor: User, hold: LegalHold, reason: str) -> LegalHold:
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the hold is released."})
    locked = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if not locked.is_active:
        raise ValidationError("This hold has already been released.")
    locked.released_at = timezone.now()
    locked.released_by = actor
    locked.release_reason = reason.strip()
    locked.save(update_fields=["released_at", "released_by", "release_reason"])
    event_record(actor=actor, verb=verbs.LEGAL_HOLD_RELEASED, target=locked)
    return locked


@dataclass(frozen=True)
class PolicyOutcome:
    policy: Policy
    due: int
    held: int
    processed: int


def _batch_apply(
    *, actor: User | None, policy: Policy, result: RetentionRunResult, batch: list[Any]
) -> int:
    """One batch, in one transaction: remove or anonymise the records, add them to the
    run's counts and record the batch's summary event (counts only). If any of the three
    fails, none of them happens."""
    assert policy.process is not None
    with transaction.atomic():
        done = policy.process(batch)
        if done:
            result.processed += done
            result.save(update_fields=["processed"])
            event_record(
                actor=actor,
                verb=verbs.RETENTION_BATCH_APPLIED,
                target=result.run,
                data={
                    "record_type": policy.key,
                    "action": policy.action.value,
                    "processed": done,
                },
            )
    return done


def _policy_apply(
    *, actor: User | None, policy: Policy, result: RetentionRunResult, as_of: date, batch_size: int
) -> int:
    """Process every removable record of one policy in batches, each in its own transaction
    with its summary event (a failure keeps the batches already done, each with its event).
    Returns the number processed."""
    processed = 0
    if policy.process is None:
        return processed
    while True:
        removable = policy.removable_records(as_of)
        if removable is None:
            break
        batch = list(removable.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not batch:
            break
        done = _batch_apply(actor=actor, policy=policy, result=result, batch=batch)
        processed += done
        if done == 0:  # nothing changed: stop rather than loop on the same batch
            break
    return processed


def retention_apply(
    *, actor: User | None, as_of: date, batch_size: int = 500
) -> tuple[RetentionRun, list[PolicyOutcome]]:
    """Apply every policy as of `as_of`: records under a legal hold are left. Each batch is
    removed or anonymised in the same transaction as its summary event
    (`retention.batch_applied`, counts only); then one summary event per record type
    (`retention.applied`) gives the type's totals. Never the removed content. Dry runs do not
    call this (see selectors.retention_status_list): they change nothing."""
    run = RetentionRun.objects.create(started_at=timezone.now(), as_of=as_of, started_by=actor)
    outcomes = []
    for policy in registry.policy_list():
        due_records = policy.due_records(as_of)
        due = due_records.count() if due_records is not None else 0
        held_records = policy.held_records(as_of)
        held = held_records.count() if held_records is not None else 0
        result = RetentionRunResult.objects.create(
            run=run,
            policy_key=policy.key,
            label=policy.label,
            action=policy.action.value,
            due=due,
            held=held,
            processed=0,
        )
        processed = _policy_apply(
            actor=actor, policy=policy, result=result, as_of=as_of, batch_size=batch_size
        )
        event_record(
            actor=actor,
            verb=verbs.RETENTION_APPLIED,
            target=run,
            data={
                "record_type": policy.key,
                "action": policy.action.value,
                "due": result.due,
                "held": result.held,
                "processed": result.processed,
            },
        )
        outcomes.append(PolicyOutcome(policy=policy, due=due, held=held, processed=processed))
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    return run, outcomes


def person_data_export(*, actor: User, person: User) -> dict[str, Any]:
    """Everything the platform holds about `person` (the subject access file), with an export
    event naming whose data it is: their own download, or an administrator's for a subject
    access request."""
    data = selectors.person_data(person=person)
    rows = sum(len(value) for value in data.values() if isinstance(value, list | dict))
    event_record_export(
        actor=actor,
        what="own data" if actor.pk == person.pk else "subject access request",
        rows=rows,
        target=person,
        file_format="json",
    )
    return data
