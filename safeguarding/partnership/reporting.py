"""The annual report's "About the partnership" section: partners, agencies, governance,
priorities, all read from the records."""

from __future__ import annotations

from dataclasses import dataclass

from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear
from safeguarding.partnership import selectors
from safeguarding.partnership.models import Agency, Area, Priority
from safeguarding.partnership.selectors import GroupNode


@dataclass(frozen=True)
class BoardAgency:
    name: str
    services: list[str]


@dataclass(frozen=True)
class AboutFigures:
    partnership_name: str
    description: str
    areas: list[Area]
    district_names: dict[str, list[str]]
    statutory_partners: list[str]
    board_agencies: list[BoardAgency]
    governance: list[GroupNode]
    priorities: list[Priority]


def _name_at_year_end(agency: Agency, year: ReportingYear) -> str:
    return selectors.agency_name_on(agency=agency, day=year.end)


def about_figures(year: ReportingYear) -> AboutFigures:
    partnership = selectors.partnership_get()
    areas = list(selectors.area_list())
    partners = [
        _name_at_year_end(agency, year)
        for agency in selectors.statutory_partner_list().prefetch_related("names")
    ]
    board = [
        BoardAgency(
            name=_name_at_year_end(agency, year),
            services=[_name_at_year_end(s, year) for s in agency.services.all()],
        )
        for agency in selectors.board_agency_list().prefetch_related("names", "services__names")
    ]
    return AboutFigures(
        partnership_name=partnership.name if partnership else "",
        description=partnership.description if partnership else "",
        areas=areas,
        district_names={a.name: [d.name for d in a.districts.all()] for a in areas},
        statutory_partners=partners,
        board_agencies=board,
        governance=selectors.group_tree(),
        priorities=list(selectors.priority_list_overlapping(start=year.start, end=year.end)),
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="about",
        title="About the partnership",
        template="partnership/report_section.html",
        figures=about_figures(year),
    )
