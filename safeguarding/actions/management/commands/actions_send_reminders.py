"""manage.py actions_send_reminders: e-mail owners of actions due soon or missed (daily job).

"Soon" is settings.ACTION_REMINDER_WORKING_DAYS working days (default 5). Safe to run twice:
each reminder is sent once per action, kind and due date.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.actions import services


class Command(BaseCommand):
    help = "E-mail reminders about actions due soon or overdue. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        result = services.actions_send_reminders()
        self.stdout.write(
            f"{result.due_soon} due-soon and {result.missed} missed-date reminder(s) sent; "
            f"{result.no_recipient} action(s) had nobody to remind."
        )
