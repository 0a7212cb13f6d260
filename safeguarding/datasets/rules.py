"""Rules the forms and the services share: how a period is written and which files an import
takes (kept here so forms never import services)."""

from __future__ import annotations

from datetime import date

from django.conf import settings

from safeguarding.core.years import ReportingYear

ALLOWED_SUFFIXES = (".xlsx", ".xml", ".csv")


def max_upload_bytes() -> int:
    return int(settings.DATASETS_MAX_UPLOAD_MB) * 1024 * 1024


def parse_period(text: str) -> tuple[date, date]:
    """'2020-21' (a reporting year) or '2020-04-01..2020-09-30' (any period)."""
    text = text.strip()
    if ".." in text:
        first, _sep, last = text.partition("..")
        try:
            start, end = date.fromisoformat(first.strip()), date.fromisoformat(last.strip())
        except ValueError as exc:
            raise ValueError("Write a period as 2020-21 or 2020-04-01..2020-09-30.") from exc
        if end < start:
            raise ValueError("The period ends before it starts.")
        return start, end
    year = ReportingYear.parse(text)
    return year.start, year.end
