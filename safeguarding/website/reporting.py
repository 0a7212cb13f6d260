"""The website's figures for the annual report's communications part (core.reporting)."""

from __future__ import annotations

from dataclasses import dataclass

from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear
from safeguarding.website import selectors


@dataclass(frozen=True)
class WebsiteFigures:
    year: ReportingYear
    site: selectors.SiteFigures
    top_pages: list[tuple[str, int]]


def website_figures(year: ReportingYear) -> WebsiteFigures:
    return WebsiteFigures(
        year=year,
        site=selectors.site_figures_for_year(year=year),
        top_pages=selectors.top_pages(year=year, limit=5),
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="website",
        title="Website",
        template="website/report_section.html",
        figures=website_figures(year),
    )
