"""Reading the annual report: the computed report of a year (settings.ANNUAL_REPORT_SECTIONS),
the editions, their sections rendered with the figure catalogue, and published versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from safeguarding.annual_reports import catalogue, charts, figure_cache, rules, text
from safeguarding.annual_reports.models import (
    LEAD_PARTNER_ROLES,
    ContextFigure,
    ContributionRevision,
    EditionSection,
    EditionSignOff,
    PartnerContribution,
    PublishedVersion,
    ReportEdition,
    ScrutineerPart,
)
from safeguarding.annual_reports.publishing import controlled_values
from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear
from safeguarding.governance.selectors import PartnerSeat
from safeguarding.partnership.models import Agency

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

FOLLOW_UP_DAYS = 7
SCRUTINEER_SECTION = "scrutineer"


@dataclass(frozen=True)
class AnnualReport:
    year: ReportingYear
    partnership_name: str
    sections: list[ReportSection]


def annual_report_build(*, year: ReportingYear) -> AnnualReport:
    """The computed report of a year, its sections kept per year in the cache (figure_cache:
    recomputed after a write to the records they read)."""
    sections = list(figure_cache.module_sections(year).values())
    return AnnualReport(year=year, partnership_name=settings.PARTNERSHIP_NAME, sections=sections)


# --- editions --------------------------------------------------------------------------------


def _accepted_contributions(edition: ReportEdition) -> dict[int, list[PartnerContribution]]:
    found: dict[int, list[PartnerContribution]] = {}
    accepted = edition.contributions.filter(status=PartnerContribution.Status.ACCEPTED)
    for item in accepted.select_related("agency").order_by("agency__name"):
        found.setdefault(item.section_id, []).append(item)
    return found


def contribution_list(*, edition: ReportEdition) -> QuerySet[PartnerContribution]:
    return edition.contributions.select_related("agency", "section").order_by(
        "section__position", "agency__name"
    )


def contribution_list_to_write(*, user: User) -> QuerySet[PartnerContribution]:
    """Contributions waiting for the user to write them (requested or returned) for an agency
    whose safeguarding lead they are, in draft editions."""
    return (
        PartnerContribution.objects.filter(
            agency_id__in=user.lead_agency_ids,
            status__in=[PartnerContribution.Status.REQUESTED, PartnerContribution.Status.RETURNED],
            edition__status=ReportEdition.Status.DRAFT,
        )
        .select_related("edition", "agency")
        .order_by("due_on", "pk")
    )


def scrutineer_part_list(*, edition: ReportEdition) -> QuerySet[ScrutineerPart]:
    return edition.scrutineer_parts.order_by("position")


def contribution_revision_list(
    *, contribution: PartnerContribution
) -> QuerySet[ContributionRevision]:
    return contribution.revisions.select_related("submitted_by").order_by("-number")


def context_figure_list(*, edition: ReportEdition) -> QuerySet[ContextFigure]:
    return edition.context_figures.select_related("area").order_by("key")


def edition_list() -> QuerySet[ReportEdition]:
    return ReportEdition.objects.prefetch_related("versions")


def edition_year(edition: ReportEdition) -> ReportingYear:
    return ReportingYear.parse(edition.year_label)


def section_list(*, edition: ReportEdition, include_hidden: bool = True) -> list[EditionSection]:
    sections = edition.sections.order_by("position", "id")
    return list(sections if include_hidden else sections.filter(hidden=False))


@dataclass
class SectionView:
    section: EditionSection
    narrative: text.Rendered
    module: ReportSection | None
    year: ReportingYear
    # Parts shown after the narrative: accepted partner contributions (under the agency's
    # name) and the scrutineer's report parts: (heading, lead sentence, text).
    parts: list[tuple[str, str, text.Rendered]] = field(default_factory=list)

    @property
    def narrative_html(self) -> str:
        """The narrative, then each part under its heading."""
        html = [self.narrative.html]
        for heading, lead, rendered in self.parts:
            html.append(f'<h3 class="govuk-heading-m">{escape(heading)}</h3>')
            if lead:
                html.append(f"<p><strong>{escape(lead)}</strong></p>")
            html.append(rendered.html)
        return "\n".join(html)

    @property
    def module_html(self) -> str:
        if self.module is None:
            return ""
        return render_to_string(
            self.module.template,
            {"figures": self.module.figures, "year": self.year},
        )


@dataclass
class EditionView:
    edition: ReportEdition
    year: ReportingYear
    sections: list[SectionView]
    values: dict[str, catalogue.FigureValue]
    shown: dict[str, catalogue.Value]
    young_people: text.Rendered
    errors: list[str] = field(default_factory=list)
    footnotes: list[catalogue.Source] = field(default_factory=list)
    links: bool = False  # signed-in pages: each figure links to its definition

    @property
    def footnotes_section(self) -> str:
        """The section the numbered sources are listed in: "sources" if shown, else the last."""
        keys = [s.section.key for s in self.sections]
        if "sources" in keys:
            return "sources"
        return keys[-1] if keys else ""

    def published_sections(self) -> list[dict[str, Any]]:
        """The sections as the public page and the PDF show them (and as a version keeps them)."""
        return [
            {
                "key": s.section.key,
                "title": s.section.title,
                "narrative": s.narrative_html,
                "module": self.published_module_html(s),
                "footnotes": s.section.key == self.footnotes_section,
            }
            for s in self.sections
        ]

    def published_module_html(self, section: SectionView) -> str:
        """A module's computed section as published: a module with counts of children
        (catalogue.CONTROLLED_MODULES) is shown as the table of its catalogued figures'
        published values (1 to 5 shown as `c`), the others as the module renders them."""
        if section.module is None:
            return ""
        drawn = charts.section_charts_html(section.module)
        if section.module.key not in catalogue.CONTROLLED_MODULES:
            return drawn + section.module_html
        rows = [
            (
                figure.label,
                catalogue.format_value(self.shown[figure.key], figure.unit),
                figure.definition_path(self.year) if self.links else "",
            )
            for figure in catalogue.FIGURES
            if figure.module == section.module.key and figure.key in self.shown
        ]
        return (
            drawn
            + charts.section_tables_html(section.module)
            + render_to_string(
                "annual_reports/_published_figures.html",
                {"title": section.module.title, "rows": rows, "year": self.year},
            )
        )

    def published_footnotes(self) -> list[dict[str, Any]]:
        return [
            {"number": n, **source.as_dict()} for n, source in enumerate(self.footnotes, start=1)
        ]


class _Footnotes:
    """Numbers each cited source once, in order of first use across the report."""

    def __init__(self, values: dict[str, catalogue.FigureValue]) -> None:
        self.values = values
        self.sources: list[catalogue.Source] = []

    def cite(self, key: str) -> int | None:
        item = self.values.get(key)
        if item is None or item.figure.source is None:
            return None
        if item.figure.source not in self.sources:
            self.sources.append(item.figure.source)
        return self.sources.index(item.figure.source) + 1


def figure_lookup(
    values: dict[str, catalogue.FigureValue], shown: dict[str, catalogue.Value]
) -> Any:
    def lookup(key: str) -> str | None:
        if key not in values:
            return None
        return catalogue.format_value(shown[key], values[key].figure.unit)

    return lookup


def edition_figures(
    *, year: ReportingYear, sections: dict[str, ReportSection] | None = None
) -> tuple[dict[str, catalogue.FigureValue], dict[str, catalogue.Value]]:
    """Every catalogued figure now, and the value each would be published with."""
    values = catalogue.figure_values(year, sections=sections)
    return values, controlled_values(values)


def edition_view(
    *, edition: ReportEdition, include_hidden: bool = False, links: bool = False
) -> EditionView:
    """The edition rendered now: narratives with published (disclosure-controlled) figures,
    and each section's computed module section. With `links` (signed-in pages), every figure
    is a link to its definition (annual_reports:figure_detail), never in a published version."""
    year = edition_year(edition)
    modules = catalogue.module_sections(year)
    values, shown = edition_figures(year=year, sections=modules)
    lookup = figure_lookup(values, shown)
    link = _definition_linker(year) if links else None
    notes = _Footnotes(values)
    views = []
    errors: list[str] = []
    accepted = _accepted_contributions(edition)
    for section in section_list(edition=edition, include_hidden=include_hidden):
        rendered = text.render(section.body, lookup=lookup, cite=notes.cite, link=link)
        errors += [f"{section.title}: {e}" for e in rendered.errors]
        parts = []
        for contribution in accepted.get(section.pk, []):
            part = text.render(contribution.body, lookup=lookup, cite=notes.cite, link=link)
            errors += [f"{section.title}, {contribution.agency}: {e}" for e in part.errors]
            parts.append((str(contribution.agency), "", part))
        if section.key == SCRUTINEER_SECTION:
            for item in scrutineer_part_list(edition=edition):
                part = text.render(item.body, lookup=lookup, cite=notes.cite, link=link)
                errors += [f"{section.title}, {item.title}: {e}" for e in part.errors]
                lead = f"Judgement: {item.judgement}" if item.judgement else ""
                parts.append((item.title, lead, part))
        module = modules.get(section.module_section)
        views.append(SectionView(section, rendered, module, year, parts))
    young = text.render(edition.young_people_summary, lookup=lookup, link=link)
    errors += [f"Children and young people's summary: {e}" for e in young.errors]
    return EditionView(edition, year, views, values, shown, young, errors, notes.sources, links)


def _definition_linker(year: ReportingYear) -> Any:
    prefix = reverse("annual_reports:figure_detail", args=[year.label, "KEY"]).removesuffix("KEY/")
    return lambda key: f"{prefix}{key}/"


def module_section_choices() -> list[tuple[str, str]]:
    """The computed sections a report section may show (key, title), from the settings."""
    year = ReportingYear.containing(timezone.localdate()).previous
    return [("", "None"), *catalogue.module_section_titles(year)]


# --- sign-off ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerSignOff:
    role: str
    label: str
    sign_off: EditionSignOff | None


def sign_off_status(*, edition: ReportEdition) -> list[PartnerSignOff]:
    """For each lead partner, its sign-off of the current draft's current round (or None)."""
    found = {
        s.statutory_role: s
        for s in edition.sign_offs.filter(
            draft_number=edition.draft_number, round=edition.review_round
        ).select_related("agency", "signed_by", "appointment")
    }
    return [PartnerSignOff(code, label, found.get(code)) for code, label in LEAD_PARTNER_ROLES]


@dataclass(frozen=True)
class SeatHolder:
    agency: Agency
    seat: PartnerSeat


def seat_holder_list(*, day: date) -> list[SeatHolder]:
    """Who holds each lead partner agency's seat on `day` (governance's appointments), for the
    edition page: the lead safeguarding partner and any delegated partner."""
    return [
        SeatHolder(agency, rules.seat_on(agency, day))
        for agency in rules.lead_partner_agencies().order_by("statutory_role", "name")
    ]


# --- published versions -----------------------------------------------------------------------


def version_list(*, edition: ReportEdition) -> QuerySet[PublishedVersion]:
    return edition.versions.order_by("-number")


def latest_version(*, edition: ReportEdition) -> PublishedVersion | None:
    return edition.versions.order_by("-number").first()


def published_edition_list() -> list[tuple[ReportEdition, PublishedVersion]]:
    """Editions with at least one published version, each with its latest version."""
    result = []
    for edition in ReportEdition.objects.filter(versions__isnull=False).distinct():
        version = latest_version(edition=edition)
        if version is not None:
            result.append((edition, version))
    return result


def published_version_get(*, year_label: str, number: int | None = None) -> PublishedVersion:
    """A published version by year and number (the latest when number is None); raises
    PublishedVersion.DoesNotExist."""
    versions = PublishedVersion.objects.select_related("edition").filter(
        edition__year_label=year_label
    )
    if number is None:
        version = versions.order_by("-number").first()
        if version is None:
            raise PublishedVersion.DoesNotExist
        return version
    return versions.get(number=number)


@dataclass(frozen=True)
class ChangedFigure:
    key: str
    label: str
    published: Any
    now: Any


def figures_changed_since(
    *, version: PublishedVersion, shown: dict[str, catalogue.Value]
) -> list[ChangedFigure]:
    """Figures whose published value differs from the value they would be published with now
    (after later corrections to the records)."""
    changed = []
    for key, snap in version.figures.items():
        now = catalogue.json_value(shown.get(key))
        if now != snap.get("shown"):
            changed.append(ChangedFigure(key, snap.get("label", key), snap.get("shown"), now))
    return changed


# --- statutory follow-up -------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpDue:
    edition: ReportEdition
    published_on: date
    due_on: date
    missing: list[str]

    @property
    def overdue(self) -> bool:
        return self.due_on < timezone.localdate()


def follow_up_due_list() -> list[FollowUpDue]:
    """Published editions not yet recorded as sent to both the Child Safeguarding Practice
    Review Panel and Foundations (due 7 days after first publication)."""
    due = []
    editions = ReportEdition.objects.filter(versions__number=1).filter(
        sent_to_panel_on__isnull=True
    ) | ReportEdition.objects.filter(versions__number=1).filter(
        sent_to_foundations_on__isnull=True
    )
    for edition in editions.distinct().order_by("year_label"):
        first = edition.versions.get(number=1)
        published_on = timezone.localdate(first.published_at)
        missing = []
        if edition.sent_to_panel_on is None:
            missing.append("the Child Safeguarding Practice Review Panel")
        if edition.sent_to_foundations_on is None:
            missing.append("Foundations")
        due.append(
            FollowUpDue(edition, published_on, published_on + timedelta(FOLLOW_UP_DAYS), missing)
        )
    return due
