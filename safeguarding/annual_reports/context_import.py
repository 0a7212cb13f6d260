"""Reading context figures from a CSV file: every row is checked and the errors are reported
by row and column; nothing is saved unless every row is right (services.context_figures_import).

Columns (a header row, in any order): key, label, area, period, value, unit, source_title,
source_publisher, source_url, accessed_on. `area` is an area's name, or blank (or
"partnership") for the whole partnership; `unit` is count, percent, rate or other (blank:
count); `accessed_on` is 2021-06-30 or 30/06/2021; `source_url` may be blank.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from safeguarding.annual_reports.models import ContextFigure
from safeguarding.partnership.models import Area

COLUMNS = (
    "key",
    "label",
    "area",
    "period",
    "value",
    "unit",
    "source_title",
    "source_publisher",
    "source_url",
    "accessed_on",
)
REQUIRED = ("key", "label", "period", "value", "source_title", "source_publisher", "accessed_on")
KEY = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
MAX_ROWS = 500


@dataclass(frozen=True)
class ContextRow:
    key: str
    label: str
    area: Area | None
    period: str
    value: Decimal
    unit: str
    source_title: str
    source_publisher: str
    source_url: str
    accessed_on: date


def key_error(key: str) -> str | None:
    if not KEY.match(key):
        return "use lower case letters, digits and _, starting with a letter"
    return None


def _date(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a date, no time
        except ValueError:
            continue
    raise ValueError


class _Row:
    def __init__(self, number: int, raw: dict[str, str], areas: dict[str, Area]) -> None:
        self.number = number
        self.raw = {k: (v or "").strip() for k, v in raw.items() if k}
        self.areas = areas
        self.errors: list[str] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(f"Row {self.number}, column “{column}”: {message}.")

    def _area(self) -> Area | None:
        name = self.raw.get("area", "")
        if not name or name.lower() == "partnership":
            return None
        area = self.areas.get(name.lower())
        if area is None:
            self.error("area", f"“{name}” is not an area of the partnership")
        return area

    def _value(self) -> Decimal:
        text = self.raw.get("value", "").replace(",", "")
        if not text:
            return Decimal(0)
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            self.error("value", "enter a number, like 1309 or 22.5")
            return Decimal(0)
        return value

    def _unit(self) -> str:
        unit = self.raw.get("unit", "") or ContextFigure.Unit.COUNT
        if unit not in ContextFigure.Unit.values:
            self.error("unit", "use count, percent, rate or other")
        return unit

    def _url(self) -> str:
        url = self.raw.get("source_url", "")
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                self.error("source_url", "enter a web address starting https://")
        return url

    def _accessed(self) -> date:
        text = self.raw.get("accessed_on", "")
        if not text:
            return date.min
        try:
            return _date(text)
        except ValueError:
            self.error("accessed_on", "enter a date like 2021-06-30 or 30/06/2021")
            return date.min

    def parse(self) -> ContextRow | None:
        get = self.raw.get
        for column in REQUIRED:
            if not get(column):
                self.error(column, "this cannot be blank")
        key = get("key", "")
        if key and (problem := key_error(key)):
            self.error("key", problem)
        row = ContextRow(
            key=key,
            label=get("label", ""),
            area=self._area(),
            period=get("period", ""),
            value=self._value(),
            unit=self._unit(),
            source_title=get("source_title", ""),
            source_publisher=get("source_publisher", ""),
            source_url=self._url(),
            accessed_on=self._accessed(),
        )
        return None if self.errors else row


def context_rows_parse(content: bytes) -> list[ContextRow]:
    """Every row, or a ValidationError listing each problem by row and column."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("The file is not UTF-8 text: save it as CSV UTF-8.") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationError(
            [
                f"The file has no column “{c}”: the first row must name the columns."
                for c in missing
            ]
        )
    reader.fieldnames = header
    areas = {a.name.lower(): a for a in Area.objects.active()}
    rows: list[ContextRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise ValidationError(f"The file has more than {MAX_ROWS} rows: split it.")
        row = _Row(number, raw, areas)
        parsed = row.parse()
        errors += row.errors
        if parsed is not None:
            if parsed.key in seen:
                first = seen[parsed.key]
                errors.append(f"Row {number}, column “key”: “{parsed.key}” is on row {first} too.")
            seen[parsed.key] = number
            rows.append(parsed)
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError("The file has no rows under its header.")
    return rows
