"""manage.py import_return FILE [FILE ...] --area AREA --period 2020-21 [--accept] [--confirm]

Imports a return now and prints the check (the figures that change and every warning); the
person running the command has then checked it, so it is put in use. Rows with problems are
listed; without --accept (use the import without those rows) the import waits for a decision and
the command exits with status 1. A re-import of the same area, return and period needs
--confirm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguarding.datasets import rules, services
from safeguarding.datasets.models import ImportBatch
from safeguarding.partnership.models import Area


class Command(BaseCommand):
    help = "Import a data return (Annex A, CIN census or SSDA903) for an area and period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--area", required=True, help="Area name or LA number")
        parser.add_argument("--period", required=True, help="2020-21 or 2020-04-01..2020-09-30")
        parser.add_argument("--accept", action="store_true", help="Import without problem rows")
        parser.add_argument("--confirm", action="store_true", help="Replace an earlier import")

    def handle(self, *args: Any, **options: Any) -> None:
        area = _area(options["area"])
        try:
            start, end = rules.parse_period(options["period"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for path in options["files"]:
            if not path.is_file():
                raise CommandError(f"{path} is not a file.")
        batch = services.import_submit(
            actor=None,
            area=area,
            period_start=start,
            period_end=end,
            files=options["files"],
            run_now=True,
        )
        if batch.status == ImportBatch.Status.FAILED:
            raise CommandError(batch.error)
        self._print_check(batch)
        if batch.status == ImportBatch.Status.AWAITING_CONFIRMATION:
            needs_accept = bool(batch.problems) and not options["accept"]
            needs_confirm = batch.replaces_id is not None and not options["confirm"]
            if needs_accept or needs_confirm:
                self.stdout.write(
                    f"Import {batch.pk} is waiting: rerun with "
                    + ("--accept " if needs_accept else "")
                    + ("--confirm" if needs_confirm else "")
                    + ", or decide on the import's page."
                )
                raise CommandError(f"Import {batch.pk} was not put into use.", returncode=1)
            services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
        self.stdout.write(
            f"Import {batch.pk}: {batch.get_kind_display()}, {batch.rows_stored} rows stored, "
            f"{batch.rows_rejected} rows left out."
        )

    def _print_check(self, batch: ImportBatch) -> None:
        for problem in batch.problems:
            self.stdout.write(
                f"{problem['table']} row {problem['row']}, {problem['column']} "
                f"'{problem['value']}': {problem['message']}"
            )
        for diff in batch.differences:
            if diff["changed"]:
                self.stdout.write(
                    f"{diff['year']} {diff['figure']}: {diff['before']} -> {diff['after']}"
                )
        for warning in batch.warnings:
            self.stdout.write(f"Warning: {warning}")


def _area(text: str) -> Area:
    area = (
        Area.objects.filter(name__iexact=text).first()
        or Area.objects.filter(la_number=text).first()
    )
    if area is None:
        raise CommandError(f"No area is called {text}.")
    return area
