"""The figure catalogue: every figure the modules' reporting.py compute, with a key, a label, a
unit, a plain-English definition, its owning module and (where it has one) a link to the records.

A narrative writes a figure as a token, `{{ child_deaths.notified }}`. The catalogue maps each
key to the attribute path of the module's figures dataclass (the `figures` of the module's
core.reporting.ReportSection), so no domain file knows about it. The safeguarding data figures
(datasets) are a family: one key per figure and area (`datasets.referrals.peterborough`), read
from the rows the datasets module already computes with its own disclosure control.

Disclosure control (publishing.py) hides counts 1-5 as `c` with secondary suppression over the
sums declared in SUMS; a percentage is hidden when a count it uses is. An entry marked
`exact=True` is published as computed (averages, figures that are not about children).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import slugify

from safeguarding.core.provenance import RecordList
from safeguarding.core.reporting import ReportSection, percent
from safeguarding.core.years import ReportingYear

Value = int | float | Decimal | str | None

COUNT = "count"
PERCENT = "percent"
RATING = "rating (1 to 5)"
DAYS = "days"
POUNDS = "pounds"


@dataclass(frozen=True)
class Source:
    """Where a context figure comes from: cited as a numbered footnote."""

    title: str
    publisher: str
    url: str
    accessed_on: str

    def as_dict(self) -> dict[str, str]:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "accessed_on": self.accessed_on,
        }


@dataclass(frozen=True)
class CatalogueFigure:
    key: str
    label: str
    unit: str
    definition: str
    path: str  # attribute path in the module's figures ("webinars.attended", "len:published")
    records_url_name: str = ""
    exact: bool = False  # safe to publish exactly: no disclosure control
    based_on: tuple[str, ...] = ()  # counts a percentage is worked out from
    source: Source | None = None  # context figures only

    @property
    def module(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def records_url(self) -> str:
        """The module's own list page (where the figure's records are managed)."""
        if not self.records_url_name:
            return ""
        try:
            return reverse(self.records_url_name)
        except NoReverseMatch:
            return ""

    @property
    def records(self) -> RecordList | None:
        """The records the figure counts, from its owning module's provenance.py (None for a
        figure that is not a count of records: context figures, percentages, sums)."""
        return record_lists().get(self.key)

    def provenance_path(self, year: ReportingYear) -> str:
        """The page listing the records the figure counts, or "" when it has none."""
        if self.records is None:
            return ""
        return reverse("annual_reports:figure_records", args=[year.label, self.key])

    def definition_path(self, year: ReportingYear) -> str:
        return reverse("annual_reports:figure_detail", args=[year.label, self.key])


@dataclass(frozen=True)
class FigureValue:
    figure: CatalogueFigure
    value: Value
    computed_at: datetime


MODULE_LABELS = {
    "about": "Partnership",
    "datasets": "Safeguarding data",
    "case_reviews": "Case reviews",
    "child_deaths": "Child deaths",
    "assurance": "Quality assurance",
    "training": "Training",
    "governance": "Governance and funding",
    "exploitation": "Child exploitation",
    "priority": "Priorities (evidence figures)",
    "website": "Website",
    "context": "Context (published sources)",
}


def _figure(
    key: str,
    label: str,
    unit: str,
    definition: str,
    path: str,
    url: str = "",
    *,
    exact: bool = False,
    based_on: tuple[str, ...] = (),
) -> CatalogueFigure:
    return CatalogueFigure(key, label, unit, definition, path, url, exact, based_on)


CHILD_DEATHS_URL = "child_deaths:notification_list"
CASE_REVIEWS_URL = "case_reviews:review_list"
TRAINING_URL = "training:course_list"

FIGURES: tuple[CatalogueFigure, ...] = (
    # --- partnership ---
    _figure(
        "about.statutory_partners",
        "Statutory partners",
        COUNT,
        "Agencies that are statutory safeguarding partners at the end of the year.",
        "len:statutory_partners",
        "partnership:agency_list",
        exact=True,
    ),
    _figure(
        "about.board_agencies",
        "Agencies on the board",
        COUNT,
        "Agencies represented on the safeguarding children partnership board.",
        "len:board_agencies",
        "partnership:agency_list",
        exact=True,
    ),
    _figure(
        "about.priorities",
        "Priorities in the year",
        COUNT,
        "The partnership's priorities whose period overlaps the reporting year.",
        "len:priorities",
        "partnership:priority_list",
        exact=True,
    ),
    # --- child deaths ---
    _figure(
        "child_deaths.notified",
        "Child deaths notified",
        COUNT,
        "Deaths of children resident in or dying in the partnership area notified to the child "
        "death overview panel in the year.",
        "notified",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.notified_previous",
        "Child deaths notified the year before",
        COUNT,
        "The same count for the previous reporting year.",
        "notified_previous",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.outside_partnership",
        "Deaths of children living outside the area",
        COUNT,
        "Notified deaths of children whose home was outside the partnership's areas.",
        "outside_partnership",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.under_one",
        "Deaths of children under one",
        COUNT,
        "Notified deaths of babies in the neonatal or infant age bands.",
        "under_one",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.under_one_percent",
        "Deaths of children under one (%)",
        PERCENT,
        "Deaths of children under one as a share of all notified deaths, rounded half up.",
        "under_one_percent",
        CHILD_DEATHS_URL,
        based_on=("child_deaths.under_one", "child_deaths.notified"),
    ),
    _figure(
        "child_deaths.expected",
        "Expected deaths",
        COUNT,
        "Notified deaths that were expected.",
        "expected",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.unexpected",
        "Unexpected deaths",
        COUNT,
        "Notified deaths that were not expected.",
        "unexpected",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.reviews_completed",
        "Child death reviews completed",
        COUNT,
        "Reviews the panel completed in the year.",
        "reviews_completed",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.with_modifiable",
        "Reviews with modifiable factors",
        COUNT,
        "Completed reviews that found modifiable factors.",
        "with_modifiable",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.with_modifiable_percent",
        "Reviews with modifiable factors (%)",
        PERCENT,
        "Completed reviews that found modifiable factors, as a share of reviews completed.",
        "with_modifiable_percent",
        CHILD_DEATHS_URL,
        based_on=("child_deaths.with_modifiable", "child_deaths.reviews_completed"),
    ),
    _figure(
        "child_deaths.without_modifiable",
        "Reviews without modifiable factors",
        COUNT,
        "Completed reviews that found no modifiable factors.",
        "without_modifiable",
        CHILD_DEATHS_URL,
    ),
    _figure(
        "child_deaths.insufficient_information",
        "Reviews with insufficient information",
        COUNT,
        "Completed reviews where there was not enough information to decide.",
        "insufficient_information",
        CHILD_DEATHS_URL,
    ),
    # --- case reviews ---
    _figure(
        "case_reviews.rapid_reviews_held",
        "Rapid reviews held",
        COUNT,
        "Rapid reviews whose decision was made in the year.",
        "rapid_reviews_held",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.criteria_met",
        "Rapid reviews: criteria for a CSPR met",
        COUNT,
        "Rapid reviews decided in the year that met the criteria for a practice review.",
        "criteria_met",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.criteria_not_met",
        "Rapid reviews: criteria not met",
        COUNT,
        "Rapid reviews decided in the year that did not meet the criteria.",
        "criteria_not_met",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.cspr_ongoing_from_previous_year",
        "CSPRs ongoing from the previous year",
        COUNT,
        "Practice reviews commissioned before 1 April and not signed off before it.",
        "cspr_ongoing_from_previous_year",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.cspr_commenced",
        "CSPRs commissioned",
        COUNT,
        "Practice reviews commissioned in the year.",
        "cspr_commenced",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.cspr_completed",
        "CSPRs completed",
        COUNT,
        "Practice reviews signed off by the board in the year.",
        "cspr_completed",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.sar_ongoing",
        "Safeguarding adults reviews ongoing",
        COUNT,
        "SARs commissioned by 31 March and not signed off by then.",
        "sar_ongoing",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    _figure(
        "case_reviews.published",
        "Reviews published",
        COUNT,
        "Reviews of any kind published in the year.",
        "published_count",
        CASE_REVIEWS_URL,
        exact=True,
    ),
    # --- assurance ---
    _figure(
        "assurance.audits_completed",
        "Multi-agency audits completed",
        COUNT,
        "Audits completed in the year.",
        "audits.completed",
        "assurance:audit_list",
        exact=True,
    ),
    _figure(
        "assurance.escalations",
        "Escalations in performance commentaries",
        COUNT,
        "Performance commentaries for the year that raised an escalation.",
        "escalations",
        "assurance:commentary_list",
        exact=True,
    ),
    _figure(
        "assurance.section11_returns",
        "Section 11 returns requested",
        COUNT,
        "Agencies asked for a Section 11 return in the year's cycle.",
        "section11.returns",
        exact=True,
    ),
    _figure(
        "assurance.section11_submitted",
        "Section 11 returns submitted",
        COUNT,
        "Section 11 returns submitted in the year's cycle.",
        "section11.submitted",
        exact=True,
    ),
    _figure(
        "assurance.differences",
        "Professional differences raised",
        COUNT,
        "Professional differences (escalations between agencies) raised in the year.",
        "differences.total",
        "assurance:difference_list",
    ),
    _figure(
        "assurance.differences_resolved",
        "Professional differences resolved",
        COUNT,
        "Professional differences raised in the year that were resolved.",
        "differences.resolved",
        "assurance:difference_list",
    ),
    # --- training ---
    _figure(
        "training.sessions_delivered",
        "Training sessions delivered",
        COUNT,
        "Sessions that started in the year and were not cancelled.",
        "sessions_delivered",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.places_offered",
        "Training places offered",
        COUNT,
        "The capacity of the sessions delivered.",
        "places_offered",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.attended",
        "People attending training",
        COUNT,
        "Attendances marked attended on the sessions delivered.",
        "attended",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.webinar_sessions",
        "Webinar sessions",
        COUNT,
        "Live webinar sessions delivered in the year.",
        "webinars.sessions",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.webinar_attended",
        "People attending webinars",
        COUNT,
        "Attendances at the live webinars delivered.",
        "webinars.attended",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.evaluations",
        "Training evaluations returned",
        COUNT,
        "Evaluations returned for attended sessions.",
        "evaluation.responses",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.met_needs_percent",
        "Training met their needs (%)",
        PERCENT,
        "Evaluations saying the training met the person's needs, as a share of evaluations.",
        "evaluation.met_needs_percent",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.delivery_right_percent",
        "Delivery was right for them (%)",
        PERCENT,
        "Evaluations saying the way the training was delivered was right for them.",
        "evaluation.delivery_right_percent",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.average_rating",
        "Average training rating",
        RATING,
        "The mean rating given in evaluations, to one decimal place.",
        "evaluation.average_rating",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.briefing_views",
        "Virtual briefing views",
        COUNT,
        "Views of the virtual briefings in the year.",
        "briefing_views",
        "training:briefing_list",
        exact=True,
    ),
    _figure(
        "training.briefing_completions",
        "Virtual briefings completed",
        COUNT,
        "Briefings completed (with a certificate) in the year.",
        "briefing_completions",
        "training:briefing_list",
        exact=True,
    ),
    _figure(
        "training.certificates_issued",
        "Certificates issued",
        COUNT,
        "Training certificates issued in the year.",
        "certificates_issued",
        TRAINING_URL,
        exact=True,
    ),
    _figure(
        "training.courses_validated",
        "Single-agency courses validated",
        COUNT,
        "Agencies' own safeguarding courses validated by the partnership in the year.",
        "validation.courses",
        "training:validation_list",
        exact=True,
    ),
    _figure(
        "training.practice_changed_percent",
        "Practice changed after training (%)",
        PERCENT,
        "Follow-up responses saying practice changed, as a share of responses.",
        "impact.practice_changed_percent",
        TRAINING_URL,
        exact=True,
    ),
)

FIGURES += (
    # --- governance (governance.reporting): meetings, decisions, money; not about children ---
    _figure(
        "governance.meetings",
        "Meetings held",
        COUNT,
        "Meetings of the board and its subgroups held in the year (cancelled ones left out).",
        "sum:meetings.meetings",
        exact=True,
    ),
    _figure(
        "governance.attendance_expected",
        "Seats expected at meetings",
        COUNT,
        "Members expected at the year's meetings, one per member per meeting.",
        "sum:attendance_by_group.expected",
        exact=True,
    ),
    _figure(
        "governance.attendance_attended",
        "Seats filled at meetings",
        COUNT,
        "Members who attended the year's meetings, in person or by sending a deputy.",
        "sum:attendance_by_group.attended",
        exact=True,
    ),
    _figure(
        "governance.attendance_percent",
        "Attendance at meetings (%)",
        PERCENT,
        "Seats filled as a share of seats expected at the year's meetings, rounded half up.",
        "rate:attendance_by_group",
        exact=True,
    ),
    _figure(
        "governance.decisions",
        "Decisions recorded",
        COUNT,
        "Decisions recorded at the year's meetings (restricted groups' decisions left out).",
        "len:decisions",
        exact=True,
    ),
    _figure(
        "governance.escalations",
        "Escalations between groups",
        COUNT,
        "Matters a group escalated to another group (usually the board) in the year.",
        "len:escalations",
        exact=True,
    ),
    _figure(
        "governance.funding_agreed",
        "Partner contributions agreed",
        POUNDS,
        "The money the partner agencies agreed to contribute to the partnership for the year.",
        "funding.total_agreed",
        exact=True,
    ),
    _figure(
        "governance.funding_received",
        "Partner contributions received",
        POUNDS,
        "The money the partner agencies paid to the partnership for the year.",
        "funding.total_received",
        exact=True,
    ),
    _figure(
        "governance.funding_spent",
        "Partnership spending",
        POUNDS,
        "The partnership's spending in the year, all budget lines together.",
        "funding.total_spent",
        exact=True,
    ),
    # --- website (website.reporting): visits to the public site, not about children ---
    _figure(
        "website.page_views",
        "Website page views",
        COUNT,
        "Pages of the partnership's public website viewed in the year.",
        "site.page_views",
        exact=True,
    ),
    _figure(
        "website.users",
        "Website users",
        COUNT,
        "Different visitors to the public website in the year (counted per device).",
        "site.users",
        exact=True,
    ),
    _figure(
        "website.from_search",
        "Website users arriving from a search engine",
        COUNT,
        "Visitors who came to the website from a search engine in the year.",
        "site.from_search",
        exact=True,
    ),
    _figure(
        "website.search_share",
        "Website users arriving from a search engine (%)",
        PERCENT,
        "Visitors from a search engine as a share of all visitors, rounded half up.",
        "site.search_share",
        exact=True,
    ),
    _figure(
        "website.mobile_share",
        "Website users on a mobile phone (%)",
        PERCENT,
        "Visitors using a mobile phone as a share of all visitors, rounded half up.",
        "site.mobile_share",
        exact=True,
    ),
    _figure(
        "website.desktop",
        "Website users on a computer",
        COUNT,
        "Visitors using a desktop or laptop computer in the year.",
        "site.desktop",
        exact=True,
    ),
    _figure(
        "website.mobile",
        "Website users on a mobile phone",
        COUNT,
        "Visitors using a mobile phone in the year.",
        "site.mobile",
        exact=True,
    ),
    _figure(
        "website.tablet",
        "Website users on a tablet",
        COUNT,
        "Visitors using a tablet in the year.",
        "site.tablet",
        exact=True,
    ),
    _figure(
        "website.top_page_views",
        "Views of the most visited page",
        COUNT,
        "Page views of the website's most visited page in the year.",
        "first:top_pages",
        exact=True,
    ),
)

# Figures counted from their module's provenance records (core/provenance.py) rather than read
# from a computed section: the module has no section of its own in the report.
RECORDS_COUNT = "records:count"

FIGURES += (
    # --- exploitation (exploitation.provenance): children discussed are counts of children ---
    _figure(
        "exploitation.children_discussed",
        "Children discussed at MACE",
        COUNT,
        "Children discussed at a multi-agency child exploitation (MACE) meeting in the year, "
        "each child once.",
        RECORDS_COUNT,
        "exploitation:child_list",
    ),
    _figure(
        "exploitation.locations_mapped",
        "Locations of concern mapped",
        COUNT,
        "Places where a concern about exploitation was recorded in the year, each once.",
        RECORDS_COUNT,
        "exploitation:location_list",
        exact=True,
    ),
)

# Sums the published figures obey: (total, parts). Secondary suppression uses them.
SUMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("child_deaths.notified", ("child_deaths.expected", "child_deaths.unexpected")),
    (
        "child_deaths.reviews_completed",
        (
            "child_deaths.with_modifiable",
            "child_deaths.without_modifiable",
            "child_deaths.insufficient_information",
        ),
    ),
)

# Modules with counts that need disclosure control (counts of children): a published version
# shows their computed section as a table of the catalogued figures' published values, never
# as the module renders it with exact counts. Datasets controls its own tables.
CONTROLLED_MODULES = frozenset(
    f.module for f in FIGURES if not f.exact and f.unit == COUNT and f.module != "datasets"
)

DATASETS_URL = "datasets:dashboard"


def records_count(figure: CatalogueFigure, year: ReportingYear) -> Value:
    """A figure counted from its provenance records (None when its module offers none)."""
    records = figure.records
    return records.count(year) if records is not None else None


def read_figure(figures: Any, path: str) -> Value:
    """The value at `path` in a module's figures (see _read)."""
    return _read(figures, path)


def _read(figures: Any, path: str) -> Value:
    """The value at `path`: an attribute path, `len:` its length, `sum:list.attr` the sum of an
    attribute over a list, `rate:list` the share of `attended` in `expected` over a list,
    `first:list` the count of the first (label, count) pair."""
    if path.startswith(("sum:", "rate:", "first:")):
        kind, rest = path.split(":", 1)
        items_path, _, attribute = rest.partition(".")
        items = _read(figures, items_path)
        if not isinstance(items, list | tuple):
            return None
        if kind == "sum":
            return sum(getattr(item, attribute) for item in items)
        if kind == "first":
            return items[0][1] if items else None
        return percent(sum(item.attended for item in items), sum(item.expected for item in items))
    length = path.startswith("len:")
    target: Any = figures
    for part in path.removeprefix("len:").split("."):
        if target is None:
            return None
        target = getattr(target, part)
    if length:
        return len(target) if target is not None else None
    return target  # type: ignore[no-any-return]


# The computed sections' keys and titles by module (as their report_section returns them), so a
# page can offer them without computing every figure.
MODULE_SECTION_TITLES = {
    "safeguarding.partnership.reporting": ("about", "About the partnership"),
    "safeguarding.datasets.reporting": ("datasets", "Safeguarding children data"),
    "safeguarding.case_reviews.reporting": (
        "case_reviews",
        "Learning from child safeguarding practice reviews",
    ),
    "safeguarding.child_deaths.reporting": ("child_deaths", "Learning from child deaths"),
    "safeguarding.assurance.reporting": ("assurance", "Quality assurance and scrutiny"),
    "safeguarding.training.reporting": ("training", "Multi-agency training"),
    "safeguarding.governance.reporting": ("governance", "Governance, priorities and funding"),
    "safeguarding.website.reporting": ("website", "Website"),
}


def module_section_titles(year: ReportingYear) -> list[tuple[str, str]]:
    """(key, title) of each computed section in settings order; a module not listed above is
    computed to find out."""
    found = []
    for module_path in settings.ANNUAL_REPORT_SECTIONS:
        known = MODULE_SECTION_TITLES.get(module_path)
        if known is None:
            section: ReportSection = import_string(f"{module_path}.report_section")(year)
            known = (section.key, section.title)
        found.append(known)
    return found


# Modules offering provenance besides those with a report section (settings).
PROVENANCE_MODULES: tuple[str, ...] = ("safeguarding.exploitation",)


def record_lists() -> dict[str, RecordList]:
    """Every figure's record list by key: the `RECORDS` of each reporting module's sibling
    `provenance` module (core/provenance.py), found by import path like the sections."""
    modules = [path.rsplit(".", 1)[0] for path in settings.ANNUAL_REPORT_SECTIONS]
    return _record_lists(tuple(modules) + PROVENANCE_MODULES)


@cache
def _record_lists(packages: tuple[str, ...]) -> dict[str, RecordList]:
    found: dict[str, RecordList] = {}
    for package in packages:
        if find_spec(f"{package}.provenance") is None:
            continue  # no provenance.py: the module's figures link to their definitions only
        found.update(import_module(f"{package}.provenance").RECORDS)
    return found


def module_sections(year: ReportingYear) -> dict[str, ReportSection]:
    """Each module's computed section for the year, by its key (settings order)."""
    sections: dict[str, ReportSection] = {}
    for module_path in settings.ANNUAL_REPORT_SECTIONS:
        build = import_string(f"{module_path}.report_section")
        section: ReportSection = build(year)
        sections[section.key] = section
    return sections


def _dataset_figures(section: ReportSection) -> Iterable[tuple[CatalogueFigure, Value]]:
    data = section.figures
    for row in getattr(data, "rows", []):
        for cell in row.values:
            key = f"datasets.{row.key}.{slugify(cell.area).replace('-', '_')}"
            figure = CatalogueFigure(
                key=key,
                label=f"{row.label}: {cell.area}",
                unit=COUNT,
                definition=f"{row.label} in {cell.area} in the year, from the data returns "
                "(already controlled for disclosure by the datasets module).",
                path="",
                records_url_name=DATASETS_URL,
                exact=True,
            )
            yield figure, cell.count


def figure_values(
    year: ReportingYear, *, sections: dict[str, ReportSection] | None = None
) -> dict[str, FigureValue]:
    """Every catalogued figure's value for the year, by key, computed now."""
    sections = module_sections(year) if sections is None else sections
    now = timezone.now()
    values: dict[str, FigureValue] = {}
    for figure in FIGURES:
        if figure.path == RECORDS_COUNT:
            values[figure.key] = FigureValue(figure, records_count(figure, year), now)
            continue
        section = sections.get(figure.module)
        if section is None:
            continue
        values[figure.key] = FigureValue(figure, _read(section.figures, figure.path), now)
    for figure, value in _derived_figures(year, sections):
        values[figure.key] = FigureValue(figure, value, now)
    return values


def _derived_figures(
    year: ReportingYear, sections: dict[str, ReportSection]
) -> Iterable[tuple[CatalogueFigure, Value]]:
    """The figures made from a section's rows (data, priorities, training by priority) and
    the context figures."""
    if "datasets" in sections:
        yield from _dataset_figures(sections["datasets"])
    if "governance" in sections:
        yield from _priority_figures(sections["governance"])
    if "training" in sections:
        yield from _exploitation_training_figures(year, sections["training"])
    yield from _context_figures(year)


def _priority_figures(section: ReportSection) -> Iterable[tuple[CatalogueFigure, Value]]:
    """Each priority's evidence figures (governance), as `priority.<number>.<figure token>`."""
    for priority in getattr(section.figures, "priorities", []):
        for item in priority.figures:
            yield (
                CatalogueFigure(
                    key=f"priority.{priority.number}.{item.token}",
                    label=f"Priority {priority.number}: {item.label}",
                    unit=COUNT,
                    definition=f"{item.label}, counted from the records linked to priority "
                    f"{priority.number} ({priority.title}) as evidence of its progress.",
                    path="",
                    records_url_name="partnership:priority_list",
                    exact=True,
                ),
                item.value,
            )


EXPLOITATION_PEOPLE_TRAINED = "exploitation.people_trained"


def _exploitation_training_figures(
    year: ReportingYear, section: ReportSection
) -> Iterable[tuple[CatalogueFigure, Value]]:
    """People trained on exploitation: training's count for the exploitation priority (the
    one exploitation's reporting names), so neither domain app imports the other."""
    from safeguarding.exploitation.reporting import exploitation_priority

    priority = exploitation_priority(year)
    trained = getattr(section.figures, "people_trained_on", None)
    if priority is None or trained is None:
        return
    yield (
        CatalogueFigure(
            key=EXPLOITATION_PEOPLE_TRAINED,
            label="People trained on exploitation",
            unit=COUNT,
            definition="Distinct people who, in the year, attended a session of a course "
            f"linked to priority {priority.number} (the exploitation priority: the course's "
            "own priority, or a course or session linked to it as evidence) or completed a "
            "briefing on it. Each person counts once; attendance from paper registers, which "
            "names nobody, counts once per row.",
            path="",
            records_url_name=TRAINING_URL,
            exact=True,
        ),
        trained(priority.number) or 0,
    )


CONTEXT_UNITS = {"count": COUNT, "percent": PERCENT, "rate": "rate", "other": "other"}


def _context_figures(year: ReportingYear) -> Iterable[tuple[CatalogueFigure, Value]]:
    """The edition's context figures (from published sources), as `context.<key>`."""
    from safeguarding.annual_reports.models import ContextFigure

    items = ContextFigure.objects.filter(edition__year_label=year.label).select_related("area")
    for item in items.order_by("key"):
        place = item.area.name if item.area else "the partnership area"
        source = Source(
            title=item.source_title,
            publisher=item.source_publisher,
            url=item.source_url,
            accessed_on=f"{item.accessed_on:%-d %B %Y}",
        )
        figure = CatalogueFigure(
            key=f"context.{item.key}",
            label=item.label,
            unit=CONTEXT_UNITS.get(item.unit, item.unit),
            definition=f"{item.label}, {place}, {item.period}. Source: {item.source_title} "
            f"({item.source_publisher}).",
            path="",
            exact=True,
            source=source,
        )
        value = item.value
        yield figure, int(value) if value == value.to_integral_value() else value


def catalogue(year: ReportingYear) -> list[CatalogueFigure]:
    """The catalogue for a year (the datasets family depends on the areas in the records)."""
    return [v.figure for v in figure_values(year).values()]


def format_value(value: Value, unit: str = COUNT) -> str:
    """A figure as text: thousands separators, `%` for percentages, `:` when not available."""
    if value is None:
        return ":"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, float | Decimal):
        text = f"{value:,.1f}"
    else:  # pragma: no cover - defensive
        text = str(value)
    if unit == POUNDS:
        return f"£{value:,.0f}"
    return f"{text}%" if unit == PERCENT else text


def json_value(value: Value) -> int | float | str | None:
    """A value as stored in a published version's snapshot (JSON)."""
    if isinstance(value, Decimal):
        return float(value)
    return value
