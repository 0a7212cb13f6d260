"""Send the follow-up impact survey after attended sessions.

TRAINING_IMPACT_SURVEY_DAYS after the session; safe to run twice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.training import services


class Command(BaseCommand):
    help = "Send the impact survey after attended sessions (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.impact_surveys_send()
        self.stdout.write(f"{count} impact surveys sent.")
