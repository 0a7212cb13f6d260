"""E-mail reminders before sessions (TRAINING_REMINDER_DAYS; safe to run twice)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.training import services


class Command(BaseCommand):
    help = "E-mail reminders before sessions (TRAINING_REMINDER_DAYS; safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.reminders_send()
        self.stdout.write(f"{count} reminders sent.")
