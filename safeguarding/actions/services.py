"""Every write to action plans and actions, each recorded in the activity log in the same
transaction. Other apps attach actions to their records through these functions:

    plan = action_plan_get_or_create_for(actor=user, source=review, title="...")
    action_create(actor=user, plan=plan, description=..., owner_agency=..., due_date=...)

Status changes go through action_progress_add() (or actions_mark_overdue()), so every change of
status has an ActionUpdate row and shows in "what changed since the last review".
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions.models import (
    Action,
    ActionPlan,
    ActionPlanReview,
    ActionReminder,
    ActionUpdate,
)
from safeguarding.actions.selectors import action_plan_status_counts
from safeguarding.activity_log.services import (
    diff,
    event_record,
    snapshot,
    tracked_create,
    tracked_update,
)
from safeguarding.core.emails import email_send
from safeguarding.core.working_days import add_working_days

if TYPE_CHECKING:
    from safeguarding.partnership.models import Agency

logger = logging.getLogger(__name__)
S = Action.Status

EVIDENCE_EXTENSIONS = frozenset(
    {"pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods", "ppt", "pptx", "odp"}
    | {"png", "jpg", "jpeg"}
)
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
ACTION_EDITABLE_FIELDS = frozenset(
    {"description", "success_measure", "owner_agency", "owner_person", "due_date"}
)


def reminder_working_days() -> int:
    """settings.ACTION_REMINDER_WORKING_DAYS: how many working days before the due date the
    owner is reminded (default 5)."""
    return int(getattr(settings, "ACTION_REMINDER_WORKING_DAYS", 5))


def _add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter: 31 Dec + 2 is
    28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- plans ---------------------------------------------------------------------------


def action_plan_get_or_create_for(
    *, actor: User | None, source: models.Model, title: str, review_every_months: int = 2
) -> ActionPlan:
    """The action plan of `source` (any saved record), created with `title` if it has none.
    A source has at most one plan; `title` and `review_every_months` only apply on create."""
    if source.pk is None:
        raise ValueError("Save the source record before giving it an action plan.")
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    existing = ActionPlan.objects.filter(source_type=source_type, source_id=source.pk).first()
    if existing is not None:
        return existing
    try:
        return _action_plan_create(
            actor=actor,
            source_type=source_type,
            source_id=source.pk,
            title=title,
            review_every_months=review_every_months,
        )
    except IntegrityError:  # created by someone else a moment ago
        return ActionPlan.objects.get(source_type=source_type, source_id=source.pk)


@transaction.atomic
def _action_plan_create(
    *,
    actor: User | None,
    source_type: ContentType,
    source_id: int,
    title: str,
    review_every_months: int,
) -> ActionPlan:
    title = title.strip()
    if not title:
        raise ValidationError({"title": "Enter a title for the action plan."})
    plan = ActionPlan(
        source_type=source_type,
        source_id=source_id,
        title=title,
        review_every_months=review_every_months,
        next_review_due=_add_months(timezone.localdate(), review_every_months),
        created_by=actor,
    )
    plan.full_clean(validate_constraints=False)
    plan.save()
    event_record(
        actor=actor,
        verb="action_plan.created",
        target=plan,
        data={
            "source_type": f"{source_type.app_label}.{source_type.model}",
            "source_id": source_id,
        },
    )
    return plan


@transaction.atomic
def action_plan_update(
    *, actor: User | None, plan: ActionPlan, expected_version: int | None, **data: Any
) -> ActionPlan:
    """Change a plan's title or review cycle. A new cycle moves the next review date on from
    the last review (or from today when there has been none)."""
    allowed = {"title", "review_every_months"}
    if set(data) - allowed:
        raise ValidationError(f"Only {', '.join(sorted(allowed))} can be changed here.")
    if "review_every_months" in data:
        start = plan.last_reviewed_on or timezone.localdate()
        data["next_review_due"] = _add_months(start, data["review_every_months"])
    tracked_update(
        actor=actor,
        obj=plan,
        data=data,
        verb="action_plan.updated",
        expected_version=expected_version,
    )
    return plan


@transaction.atomic
def action_plan_review_record(
    *, actor: User, plan: ActionPlan, reviewed_on: date, notes: str = ""
) -> ActionPlanReview:
    """Record that the plan was reviewed: keep the figures at that moment and set the next
    review `review_every_months` after it."""
    today = timezone.localdate()
    if reviewed_on > today:
        raise ValidationError({"reviewed_on": "The date of the review must be today or earlier."})
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.last_reviewed_on and reviewed_on < locked.last_reviewed_on:
        raise ValidationError(
            {
                "reviewed_on": "The date of the review must not be before the last review, on "
                f"{locked.last_reviewed_on.day} {locked.last_reviewed_on:%B %Y}."
            }
        )
    counts = action_plan_status_counts(plan=locked, today=today)
    before = snapshot(locked, ["last_reviewed_on", "next_review_due"])
    next_due = _add_months(reviewed_on, locked.review_every_months)
    review = ActionPlanReview(
        plan=locked,
        reviewed_on=reviewed_on,
        reviewed_by=actor,
        notes=notes.strip(),
        next_review_due=next_due,
        open_count=sum(n for status, n in counts.items() if status != S.COMPLETE),
        overdue_count=counts[S.OVERDUE],
        complete_count=counts[S.COMPLETE],
    )
    review.full_clean()
    review.save()
    locked.last_reviewed_on = reviewed_on
    locked.next_review_due = next_due
    locked.version += 1
    locked.save(update_fields=["last_reviewed_on", "next_review_due", "version", "updated_at"])
    event_record(
        actor=actor,
        verb="action_plan.reviewed",
        target=locked,
        changes=diff(before, snapshot(locked, ["last_reviewed_on", "next_review_due"])),
        data={"review_id": review.pk, "open": review.open_count, "overdue": review.overdue_count},
    )
    for name in ("last_reviewed_on", "next_review_due", "version", "updated_at"):
        setattr(plan, name, getattr(locked, name))
    return review


# --- actions -------------------------------------------------------------------------


def _check_owners(data: dict[str, Any]) -> None:
    agency: Agency | None = data.get("owner_agency")
    if agency is not None and not agency.is_active:
        raise ValidationError({"owner_agency": "This agency is no longer active: choose another."})
    person: User | None = data.get("owner_person")
    if person is not None and not person.is_active:
        raise ValidationError({"owner_person": "This person's account is closed: choose another."})


@transaction.atomic
def action_create(
    *,
    actor: User | None,
    plan: ActionPlan,
    description: str,
    owner_agency: Agency,
    due_date: date,
    owner_person: User | None = None,
    success_measure: str = "",
) -> Action:
    """Add an action to a plan. It is numbered next in the plan and starts "Not started"."""
    description = description.strip()
    if not description:
        raise ValidationError({"description": "Enter the action."})
    data: dict[str, Any] = {
        "owner_agency": owner_agency,
        "owner_person": owner_person,
    }
    _check_owners(data)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()  # serialise numbering
    last = Action.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0
    data.update(
        plan=plan,
        number=last + 1,
        description=description,
        success_measure=success_measure.strip(),
        due_date=due_date,
        original_due_date=due_date,
        status=S.NOT_STARTED,
    )
    action = tracked_create(actor=actor, model=Action, data=data, verb="action.created")
    assert isinstance(action, Action)
    return action


@transaction.atomic
def action_update(
    *, actor: User | None, action: Action, expected_version: int | None, **data: Any
) -> Action:
    """Change an action's wording, owners or due date. Refuses a stale edit with
    EditConflictError. The status changes only through action_progress_add()."""
    unknown = set(data) - ACTION_EDITABLE_FIELDS
    if unknown:
        raise ValidationError(
            "The status changes through a progress update, and only "
            f"{', '.join(sorted(ACTION_EDITABLE_FIELDS))} can be changed here."
        )
    if "description" in data:
        data["description"] = str(data["description"]).strip()
    _check_owners(data)
    tracked_update(
        actor=actor,
        obj=action,
        data=data,
        verb="action.updated",
        expected_version=expected_version,
    )
    return action


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
    if status not in S.values:
        raise ValidationError({"status": "Choose the status of the action."})
    evidence_name = _check_evidence(evidence) if evidence is not None else ""
    today = timezone.localdate()
    locked = Action.objects.select_for_update().get(pk=action.pk)
    if status == S.COMPLETE:
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
        locked.version += 1
        locked.save(update_fields=[*fields, "version", "updated_at"])
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
        verb="action.progress_added",
        target=locked,
        changes=changes,
        data={"update_id": update.pk, "evidence": bool(evidence_name)},
    )
    for name in (*fields, "version", "updated_at"):
        setattr(action, name, getattr(locked, name))
    return update


# --- scheduled jobs ------------------------------------------------------------------


def actions_mark_overdue(*, today: date | None = None) -> int:
    """Set the stored status of every past-due, incomplete action to OVERDUE, each with an
    automatic progress update and an activity-log event. Safe to run twice: actions already
    overdue (or complete) are left alone. Returns how many changed."""
    today = today or timezone.localdate()
    ids = list(
        Action.objects.filter(due_date__lt=today, plan__archived_at__isnull=True)
        .exclude(status__in=[S.OVERDUE, S.COMPLETE])
        .values_list("pk", flat=True)
    )
    changed = 0
    for pk in ids:
        with transaction.atomic():
            action = (
                Action.objects.select_for_update()
                .filter(pk=pk, due_date__lt=today)
                .exclude(status__in=[S.OVERDUE, S.COMPLETE])
                .first()
            )
            if action is None:  # changed since we looked
                continue
            before = action.status
            action.status = S.OVERDUE
            action.version += 1
            action.save(update_fields=["status", "version", "updated_at"])
            ActionUpdate.objects.create(
                action=action,
                author=None,
                note=f"Marked overdue automatically: it was due on "
                f"{action.due_date.day} {action.due_date:%B %Y}.",
                status_before=before,
                status_after=S.OVERDUE,
            )
            event_record(
                actor=None,
                verb="action.marked_overdue",
                target=action,
                changes={"status": {"before": before, "after": S.OVERDUE}},
            )
            changed += 1
    logger.info("actions_mark_overdue: %s action(s) marked overdue", changed)
    return changed


def action_reminder_recipients(*, action: Action) -> list[User]:
    """The owner in person when there is one (and their account is open); otherwise the
    owner agency's safeguarding leads."""
    if action.owner_person is not None and action.owner_person.is_active:
        return [action.owner_person]
    return list(
        User.objects.filter(
            is_active=True,
            role_grants__role=Role.AGENCY_LEAD,
            role_grants__agency_id=action.owner_agency_id,
        )
        .distinct()
        .order_by("email")
    )


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
    if action.due_date <= window_end and action.status != S.OVERDUE:
        return ActionReminder.Kind.DUE_SOON
    return None


def actions_send_reminders(*, today: date | None = None) -> ReminderResult:
    """E-mail owners of open actions due within ACTION_REMINDER_WORKING_DAYS working days, and
    of actions whose due date has passed. One reminder of each kind per action and due date
    (ActionReminder), so running twice sends nothing new; moving the due date earns new ones.
    E-mails carry no description of the action: only its number, agency, due date and a link."""
    today = today or timezone.localdate()
    days = reminder_working_days()
    window_end = add_working_days(today, days)
    candidates = (
        Action.objects.filter(plan__archived_at__isnull=True, due_date__lte=window_end)
        .exclude(status=S.COMPLETE)
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
    url = getattr(settings, "SITE_URL", "").rstrip("/") + reverse(
        "actions:action_detail", args=[action.pk]
    )
    for person in recipients:
        email_send(
            template=f"action_reminder_{kind}",
            to=[person.email],
            context={
                "name": person.display_name,
                "action_number": action.number,
                "plan_id": action.plan_id,
                "agency": action.owner_agency.name,
                "due_date": f"{action.due_date.day} {action.due_date:%B %Y}",
                "working_days": days,
                "days_late": (today - action.due_date).days if kind == "missed" else 0,
                "url": url,
            },
        )
    event_record(
        actor=None,
        verb="action.reminder_sent",
        target=action,
        data={"kind": kind, "recipients": len(recipients), "due_date": action.due_date},
    )
    return reminder
