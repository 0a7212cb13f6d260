"""Assembling the annual report from each app's reporting.py (settings.ANNUAL_REPORT_SECTIONS)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear


@dataclass(frozen=True)
class AnnualReport:
    year: ReportingYear
    partnership_name: str
    sections: list[ReportSection]


def annual_report_build(*, year: ReportingYear) -> AnnualReport:
    sections = []
    for module_path in settings.ANNUAL_REPORT_SECTIONS:
        build = import_string(f"{module_path}.report_section")
        sections.append(build(year))
    return AnnualReport(year=year, partnership_name=settings.PARTNERSHIP_NAME, sections=sections)
