"""manage.py annual_report 2020-21 --output report.html"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguarding.activity_log.services import event_record_export
from safeguarding.annual_reports.rendering import annual_report_html
from safeguarding.annual_reports.selectors import annual_report_build
from safeguarding.core.years import ReportingYear


class Command(BaseCommand):
    help = "Write the annual report for a reporting year (e.g. 2020-21) to an HTML file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", help="The reporting year, e.g. 2020-21")
        parser.add_argument("--output", "-o", required=True, help="File to write (.html)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            year = ReportingYear.parse(options["year"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist: create it first.")
        report = annual_report_build(year=year)
        output.write_text(annual_report_html(report), encoding="utf-8")
        event_record_export(
            actor=None,
            what=f"annual report {year.label} (command line)",
            rows=len(report.sections),
            file_format="html",
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote the {year.label} annual report to {output} "
                f"({len(report.sections)} sections)."
            )
        )
