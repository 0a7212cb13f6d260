"""manage.py show_figures --area AREA --year 2020-21 [--json]: an area's exact figures (the
stored figures in use)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, selectors
from safeguarding.datasets.management.commands.import_return import _area
from safeguarding.datasets.models import Population


class Command(BaseCommand):
    help = "Print an area's computed figures for a reporting year (exact, for analysts)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", required=True)
        parser.add_argument("--year", required=True)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        area = _area(options["area"])
        try:
            year = ReportingYear.parse(options["year"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        values = selectors.area_stored_figures(area=area, year=year)
        population = Population.objects.filter(area=area, year_start=year.start_year).first()
        if options["json"]:
            out = {key: value.value for key, value in values.items()}
            self.stdout.write(json.dumps(out, indent=2))
            return
        for figure in figures.FIGURES:
            value = values[figure.key]
            rate = figures.rate_per_10k(value.value, population.children if population else None)
            self.stdout.write(
                f"{figure.label}: {value.value if value.value is not None else ':'}"
                f"{f' ({rate} per 10,000)' if rate is not None else ''} [{value.source or '-'}]"
            )
