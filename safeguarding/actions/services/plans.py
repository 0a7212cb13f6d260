"""Action plans: one per source record, its title and review cycle, and its reviews."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions import verbs
from safeguarding.actions.models import Action, ActionPlan, ActionPlanReview
from safeguarding.actions.selectors import action_plan_status_counts
from safeguarding.activity_log.services import diff, event_record, snapshot, tracked_update
from safeguarding.core.concurrency import bump_version
from safeguarding.core.dates import add_months, format_date


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
        next_review_due=add_months(timezone.localdate(), review_every_months),
        created_by=actor,
    )
    plan.full_clean(validate_constraints=False)
    plan.save()
    event_record(
        actor=actor,
        verb=verbs.ACTION_PLAN_CREATED,
        target=plan,
        data={
            "source_type": f"{source_type.app_label}.{source_type.model}",
            "source_id": source_id,
        },
    )
    return plan


@transaction.atomic
def action_plan_update(
    *,
    actor: User | None,
    plan: ActionPlan,
    expected_version: int | None,
    title: str | None = None,
    review_every_months: int | None = None,
) -> ActionPlan:
    """Change a plan's title or review cycle (None leaves it as it is). A new cycle moves the
    next review date on from the last review (or from today when there has been none)."""
    data: dict[str, Any] = {}
    if title is not None:
        data["title"] = title
    if review_every_months is not None:
        start = plan.last_reviewed_on or timezone.localdate()
        data["review_every_months"] = review_every_months
        data["next_review_due"] = add_months(start, review_every_months)
    tracked_update(
        actor=actor,
        obj=plan,
        data=data,
        verb=verbs.ACTION_PLAN_UPDATED,
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
                f"{format_date(locked.last_reviewed_on)}."
            }
        )
    counts = action_plan_status_counts(plan=locked, today=today)
    before = snapshot(locked, ["last_reviewed_on", "next_review_due"])
    next_due = add_months(reviewed_on, locked.review_every_months)
    review = ActionPlanReview(
        plan=locked,
        reviewed_on=reviewed_on,
        reviewed_by=actor,
        notes=notes.strip(),
        next_review_due=next_due,
        open_count=sum(n for status, n in counts.items() if status != Action.Status.COMPLETE),
        overdue_count=counts[Action.Status.OVERDUE],
        complete_count=counts[Action.Status.COMPLETE],
    )
    review.full_clean()
    review.save()
    locked.last_reviewed_on = reviewed_on
    locked.next_review_due = next_due
    locked.save(
        update_fields=["last_reviewed_on", "next_review_due", "updated_at", *bump_version(locked)]
    )
    event_record(
        actor=actor,
        verb=verbs.ACTION_PLAN_REVIEWED,
        target=locked,
        changes=diff(before, snapshot(locked, ["last_reviewed_on", "next_review_due"])),
        data={"review_id": review.pk, "open": review.open_count, "overdue": review.overdue_count},
    )
    for name in ("last_reviewed_on", "next_review_due", "version", "updated_at"):
        setattr(plan, name, getattr(locked, name))
    return review
