"""Actions on a plan: added (numbered in the plan) and changed (wording, owners, due date)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from safeguarding.accounts.models import User
from safeguarding.actions import verbs
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.activity_log.services import tracked_create, tracked_update

if TYPE_CHECKING:
    from safeguarding.partnership.models import Agency


def _check_owners(*, owner_agency: Agency | None, owner_person: User | None) -> None:
    if owner_agency is not None and not owner_agency.is_active:
        raise ValidationError({"owner_agency": "This agency is no longer active: choose another."})
    if owner_person is not None and not owner_person.is_active:
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
    _check_owners(owner_agency=owner_agency, owner_person=owner_person)
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()  # serialise numbering
    last = Action.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0
    return tracked_create(
        actor=actor,
        model=Action,
        data={
            "plan": plan,
            "number": last + 1,
            "description": description,
            "success_measure": success_measure.strip(),
            "owner_agency": owner_agency,
            "owner_person": owner_person,
            "due_date": due_date,
            "original_due_date": due_date,
            "status": Action.Status.NOT_STARTED,
        },
        verb=verbs.ACTION_CREATED,
    )


@transaction.atomic
def action_update(
    *,
    actor: User | None,
    action: Action,
    expected_version: int | None,
    description: str,
    success_measure: str,
    owner_agency: Agency,
    owner_person: User | None,
    due_date: date,
) -> Action:
    """Change an action's wording, owners and due date (the edit form sends every one of them).
    Refuses a stale edit with EditConflictError. The status changes only through
    action_progress_add()."""
    _check_owners(owner_agency=owner_agency, owner_person=owner_person)
    tracked_update(
        actor=actor,
        obj=action,
        data={
            "description": description.strip(),
            "success_measure": success_measure,
            "owner_agency": owner_agency,
            "owner_person": owner_person,
            "due_date": due_date,
        },
        verb=verbs.ACTION_UPDATED,
        expected_version=expected_version,
    )
    return action
