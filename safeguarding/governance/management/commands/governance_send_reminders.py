"""manage.py governance_send_reminders: e-mail partnership staff about meetings whose papers are
late and about the published arrangements' review coming due (daily job).

"Coming due" is settings.GOVERNANCE_REVIEW_REMINDER_DAYS days before the review date (default
60). Safe to run twice: each reminder is sent once per meeting (or version) and due date.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.governance import services


class Command(BaseCommand):
    help = (
        "E-mail reminders about late meeting papers and the arrangements' review. Safe to rerun."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = services.governance_reminders_send()
        self.stdout.write(
            f"{result.papers_late} papers-late and {result.reviews_due} review-due reminder(s) "
            "sent."
        )
