"""Scheduled daily: e-mail reminders for case review deadlines (safe to run twice)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.case_reviews.services import case_review_reminders_send


class Command(BaseCommand):
    help = "E-mail reminders for case review deadlines due soon or missed (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = case_review_reminders_send()
        self.stdout.write(
            f"Reminders sent: {result.due_soon} due soon, {result.missed} missed; "
            f"{result.no_recipient} deadline(s) with nobody to remind."
        )
