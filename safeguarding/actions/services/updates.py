"""Progress on actions: updates with a status and optional evidence, and the nightly marking of
past-due actions as overdue. Every change of status has an ActionUpdate row."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions import verbs
from safeguarding.actions.models import Action, ActionUpdate
from safeguarding.actions.rules import EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES
from safeguarding.activity_log.services import diff, event_record, snapshot
from safeguarding.core.concurrency import bump_version
from safeguarding.core.dates import format_date

logger = logging.getLogger(__name__)


def _check_evidence(evidence: UploadedFile) -> str:
    name = PurePath(evidence.name or "evidence").name[:200]
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in EVIDENCE_EXTENSIONS:
        raise ValidationError(
            {
                "evidence": "The evidence must be a document, spreadsheet, presentation, PDF or "
                "image (" + ", ".join(sorted(EVIDENCE_EXTENSIONS)) + ")."
            }
        )
    if evidence.size is not None and evidence.size > EVIDENCE_MAX_BYTES:
        raise ValidationError({"evidence": "The evidence must be smaller than 10MB."})
    if not evidence.size:
        raise ValidationError({"evidence": "The selected file is empty."})
    return name


@transaction.atomic
def action_progress_add(
    *,
    actor: User,
    action: Action,
    note: str,
    status: str,
    evidence: UploadedFile | None = None,
    completed_on: date | None = None,
) -> ActionUpdate:
    """Record progress on an action: a note, its status now and optional evidence.

    Setting COMPLETE records `completed_on` (today unless given; never in the future); moving
    away from COMPLETE reopens the action and clears it."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Enter what has happened."})
    if status not in Action.Status.values:
        raise ValidationError({"status": "Choose the status of the action."})
    evidence_name = _check_evidence(evidence) if evidence is not None else ""
    today = timezone.localdate()
    locked = Action.objects.select_for_update().get(pk=action.pk)
    if status == Action.Status.COMPLETE:
        completed = completed_on or locked.completed_on or today
        if completed > today:
            raise ValidationError({"completed_on": "The completion date cannot be in the future."})
    else:
        completed = None
    fields = ["status", "completed_on"]
    before = snapshot(locked, fields)
    status_before = locked.status
    locked.status = status
    locked.completed_on = completed
    changes = diff(before, snapshot(locked, fields))
    if changes:
        locked.full_clean(validate_constraints=False)
        locked.save(update_fields=[*fields, "updated_at", *bump_version(locked)])
    update = ActionUpdate(
        action=locked,
        author=actor,
        note=note,
        status_before=status_before,
        status_after=status,
        evidence_name=evidence_name,
    )
    if evidence is not None:
        update.evidence = evidence
    update.full_clean(exclude=["evidence"])
    update.save()
    event_record(
        actor=actor,
        verb=verbs.ACTION_PROGRESS_ADDED,
        target=locked,
        changes=changes,
        data={"update_id": update.pk, "evidence": bool(evidence_name)},
    )
    for name in (*fields, "version", "updated_at"):
        setattr(action, name, getattr(locked, name))
    return update


def actions_mark_overdue(*, today: date | None = None) -> int:
    """Set the stored status of every past-due, incomplete action to OVERDUE, each with an
    automatic progress update and an activity-log event. Safe to run twice: actions already
    overdue (or complete) are left alone. Returns how many changed."""
    today = today or timezone.localdate()
    ids = list(
        Action.objects.live()
        .filter(due_date__lt=today)
        .exclude(status__in=[Action.Status.OVERDUE, Action.Status.COMPLETE])
        .values_list("pk", flat=True)
    )
    changed = 0
    for pk in ids:
        with transaction.atomic():
            action = (
                Action.objects.select_for_update()
                .filter(pk=pk, due_date__lt=today)
                .exclude(status__in=[Action.Status.OVERDUE, Action.Status.COMPLETE])
                .first()
            )
            if action is None:  # changed since we looked
                continue
            before = action.status
            action.status = Action.Status.OVERDUE
            action.save(update_fields=["status", "updated_at", *bump_version(action)])
            ActionUpdate.objects.create(
                action=action,
                author=None,
                note=f"Marked overdue automatically: it was due on "
                f"{format_date(action.due_date)}.",
                status_before=before,
                status_after=Action.Status.OVERDUE,
            )
            event_record(
                actor=None,
                verb=verbs.ACTION_MARKED_OVERDUE,
                target=action,
                changes={"status": {"before": before, "after": Action.Status.OVERDUE}},
            )
            changed += 1
    logger.info("actions_mark_overdue: %s action(s) marked overdue", changed)
    return changed
