"""manage.py actions_mark_overdue: set past-due, incomplete actions to Overdue (daily job).

Safe to run twice: actions already overdue or complete are left alone.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.actions import services


class Command(BaseCommand):
    help = "Mark incomplete actions whose due date has passed as overdue. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = services.actions_mark_overdue()
        self.stdout.write(f"{changed} action(s) marked overdue.")
