"""manage.py annual_report 2020-21 --output report.html
manage.py annual_report 2020-21 --figures   (every catalogued figure as JSON)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguarding.activity_log.services import event_record_export
from safeguarding.annual_reports import catalogue
from safeguarding.annual_reports.publishing import controlled_values
from safeguarding.annual_reports.rendering import annual_report_html
from safeguarding.annual_reports.selectors import annual_report_build
from safeguarding.core.years import ReportingYear


def _records(figure: catalogue.CatalogueFigure, year: ReportingYear) -> dict[str, str]:
    """`records`: the path of the page listing the records the figure counts (signed in, and
    scoped to the reader's role), for figures that count records."""
    path = figure.provenance_path(year)
    return {"records": path} if path else {}


class Command(BaseCommand):
    help = (
        "Write the computed annual report for a reporting year (e.g. 2020-21) to an HTML file, "
        "or print every figure in the catalogue as JSON (--figures)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", help="The reporting year, e.g. 2020-21")
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--output", "-o", help="File to write (.html)")
        group.add_argument(
            "--figures",
            action="store_true",
            help="Print every figure (key, label, unit, value, published value, definition, "
            "module and, for counts of records, the path of the records page) as JSON",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            year = ReportingYear.parse(options["year"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["figures"]:
            self._figures(year)
            return
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

    def _figures(self, year: ReportingYear) -> None:
        values = catalogue.figure_values(year)
        shown = controlled_values(values)
        rows = [
            {
                "key": key,
                "label": item.figure.label,
                "unit": item.figure.unit,
                "value": catalogue.json_value(item.value),
                "published": catalogue.json_value(shown[key]),
                "definition": item.figure.definition,
                "module": item.figure.module,
                "computed_at": item.computed_at.isoformat(),
                **_records(item.figure, year),
            }
            for key, item in values.items()
        ]
        event_record_export(
            actor=None,
            what=f"annual report figures {year.label} (command line)",
            rows=len(rows),
            file_format="json",
        )
        self.stdout.write(json.dumps({"year": year.label, "figures": rows}, indent=2))
