"""Activity-log verbs of the actions app (`<entity>.<past participle>`)."""

from __future__ import annotations

ACTION_PLAN_CREATED = "action_plan.created"
ACTION_PLAN_UPDATED = "action_plan.updated"
ACTION_PLAN_REVIEWED = "action_plan.reviewed"
ACTION_CREATED = "action.created"
ACTION_UPDATED = "action.updated"
ACTION_PROGRESS_ADDED = "action.progress_added"
ACTION_MARKED_OVERDUE = "action.marked_overdue"
ACTION_REMINDER_SENT = "action.reminder_sent"
