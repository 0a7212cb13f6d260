"""Apply the retention schedule (scheduled: nightly). Dry run by default: prints, per record
type, what is due, what is held and what would be removed, and changes nothing. With
--apply it deletes or anonymises in batches and logs one summary event per type."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from safeguarding.retention import selectors, services


class Command(BaseCommand):
    help = "Apply the retention schedule (dry run unless --apply)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="Really delete or anonymise.")
        parser.add_argument(
            "--batch-size", type=int, default=settings.RETENTION_BATCH_SIZE, dest="batch_size"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = timezone.localdate()
        if not options["apply"]:
            self.stdout.write(f"Dry run as of {as_of}: nothing is changed (use --apply).")
            for status in selectors.retention_status_list(as_of=as_of):
                action = status.policy.action.value
                would = status.removable if status.policy.process is not None else 0
                self.stdout.write(
                    f"{status.policy.label}: {status.due} due, {status.held} held, "
                    f"{would} would be removed ({action})"
                )
            return
        run, outcomes = services.retention_apply(
            actor=None, as_of=as_of, batch_size=options["batch_size"]
        )
        self.stdout.write(f"Applied as of {as_of} (run {run.pk}).")
        for outcome in outcomes:
            self.stdout.write(
                f"{outcome.policy.label}: {outcome.due} due, {outcome.held} held, "
                f"{outcome.processed} removed ({outcome.policy.action.value})"
            )
