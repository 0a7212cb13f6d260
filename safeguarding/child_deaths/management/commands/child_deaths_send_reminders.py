"""Scheduled daily: remind agencies whose child death reporting forms are overdue.

Safe to run twice: a request is reminded at most once every CHILD_DEATH_REMINDER_WORKING_DAYS.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.child_deaths import services


class Command(BaseCommand):
    help = "Send reminders for overdue child death reporting forms."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = services.information_requests_send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
