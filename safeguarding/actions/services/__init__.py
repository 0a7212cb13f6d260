"""Every write to action plans and actions, each recorded in the activity log in the same
transaction. Other apps attach actions to their records through these functions:

    plan = action_plan_get_or_create_for(actor=user, source=review, title="...")
    action_create(actor=user, plan=plan, description=..., owner_agency=..., due_date=...)

Status changes go through action_progress_add() (or actions_mark_overdue()), so every change of
status has an ActionUpdate row and shows in "what changed since the last review".

By sub-domain: `plans` (plans and their reviews), `actions` (add and change actions),
`updates` (progress and overdue marking), `reminders` (reminder e-mails).
"""

from __future__ import annotations

from safeguarding.actions.services.actions import action_create, action_update
from safeguarding.actions.services.plans import (
    action_plan_get_or_create_for,
    action_plan_review_record,
    action_plan_update,
)
from safeguarding.actions.services.reminders import (
    ReminderResult,
    action_reminder_recipients,
    actions_send_reminders,
)
from safeguarding.actions.services.updates import action_progress_add, actions_mark_overdue

__all__ = [
    "ReminderResult",
    "action_create",
    "action_plan_get_or_create_for",
    "action_plan_review_record",
    "action_plan_update",
    "action_progress_add",
    "action_reminder_recipients",
    "action_update",
    "actions_mark_overdue",
    "actions_send_reminders",
]
