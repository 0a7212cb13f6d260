"""manage.py assurance_send_reminders: e-mail agency leads whose Section 11 return is due soon
or overdue (daily job).

"Soon" is settings.SECTION11_REMINDER_WORKING_DAYS working days (default 10). Safe to run twice:
each reminder is recorded and sent once per return and kind.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.assurance import services


class Command(BaseCommand):
    help = "E-mail reminders about Section 11 returns due soon or overdue. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        result = services.section11_send_reminders()
        self.stdout.write(
            f"{result.due_soon} due-soon and {result.overdue} overdue reminder(s) sent."
        )
