"""manage.py activity_log_verify: check the activity log's hash chain end to end."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safeguarding.activity_log.selectors import chain_verify


class Command(BaseCommand):
    help = "Verify the activity log hash chain and report the first broken link, if any."

    def handle(self, *args: Any, **options: Any) -> None:
        report = chain_verify()
        if report.broken_at is not None:
            raise CommandError(
                f"Chain broken at event {report.broken_at}: {report.reason} "
                f"({report.checked} events before it are intact)."
            )
        self.stdout.write(self.style.SUCCESS(f"Activity log intact: {report.checked} events."))
