"""annual_reports: staff write the yearly report; every role reads it (no role: 404); the
safeguarding lead of the agency asked writes a partner's contribution; a statutory partner's
lead signs off (no agency in the world is one, so everyone gets 403 there); a figure's records
are seen by whoever the owning module lets see them (figure provenance)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from safeguarding.core.tests.matrix.spec import (
    CASE_REVIEW_PANEL,
    CASE_TEAM_AND_READERS,
    CDOP_MANAGER,
    CDOP_PANEL,
    FORBIDDEN,
    GONE,
    LEAD,
    NO_ROLE,
    NOT_FOUND,
    OK,
    STAFF,
    STAFF_AND_LEAD,
    Case,
    action,
    expect,
    form,
    on_each,
    pk,
    read_page,
    same,
)

# Anyone holding a role reads; a person with no role gets 404.
READ = expect(OK, ({NO_ROLE}, NOT_FOUND))
# Partnership staff write; other roles 403; no role 404.
STAFF_WRITE = expect(FORBIDDEN, (STAFF, OK), ({NO_ROLE}, NOT_FOUND))
# No one may (the author of another agency's contribution, a sign-off with no statutory lead).
NOBODY = expect(FORBIDDEN, ({NO_ROLE}, NOT_FOUND))
# The agency's safeguarding lead writes its contribution; no one else.
LEAD_WRITES = expect(FORBIDDEN, (LEAD, OK), (NO_ROLE, NOT_FOUND))


_draft = pk("ar_draft")
_signed_off = pk("ar_signed_off")
_published = pk("ar_published")
_section = pk("ar_section")
_contribution_a = pk("ar_contribution_a")
_contribution_b = pk("ar_contribution_b")
_context_figure = pk("ar_context_figure")
_scrutineer_part = pk("ar_scrutineer_part")


def _year(world: Any) -> dict[str, Any]:
    return {"year": "2020-21"}


def _figure(key: str) -> Any:
    return lambda world: {"year": "2020-21", "key": key}


def _read(*fills: tuple[str, Any]) -> tuple[Case, ...]:
    return tuple(read_page(label, READ, fill) for label, fill in fills)


def _staff_form(*fills: tuple[str, Any]) -> tuple[Case, ...]:
    return tuple(form(label, STAFF_WRITE, fill) for label, fill in fills)


DRAFT = ("the draft", _draft)
SIGNED_OFF = ("the signed-off edition", _signed_off)
PUBLISHED = ("the published edition", _published)
CONTRIBUTIONS = (
    ("agency A's contribution", "ar_contribution_a"),
    ("agency B's contribution", "ar_contribution_b"),
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    "annual_reports:edition_create": (same("no object", STAFF_WRITE),),
    "annual_reports:report_index": (read_page("no object", READ),),
    # --- the computed report of a year ---
    "annual_reports:report_detail": _read(("2020-21", _year)),
    "annual_reports:report_download": _read(("2020-21", _year)),
    # --- editions ---
    "annual_reports:edition_detail": _read(DRAFT, PUBLISHED),
    "annual_reports:edition_preview": _read(DRAFT),
    "annual_reports:figure_list": _read(DRAFT),
    "annual_reports:edition_update": _staff_form(DRAFT),
    "annual_reports:section_create": _staff_form(DRAFT),
    "annual_reports:section_update": _staff_form(("a section of the draft", _section)),
    "annual_reports:section_move": (action("a section of the draft", STAFF_WRITE, _section),),
    "annual_reports:edition_submit": (action("the draft", STAFF_WRITE, _draft),),
    "annual_reports:edition_return": _staff_form(SIGNED_OFF),
    # Staff record a sign-off a seat holder gave; a signer signs for their own seat (the world
    # has no statutory partner, so no one else may).
    "annual_reports:edition_sign_off": (same("the draft", STAFF_WRITE, _draft),),
    "annual_reports:edition_publish": _staff_form(SIGNED_OFF),
    "annual_reports:edition_reopen": (action("the published edition", STAFF_WRITE, _published),),
    "annual_reports:edition_follow_up": _staff_form(PUBLISHED),
    # --- context figures ---
    "annual_reports:context_figure_list": _read(DRAFT),
    "annual_reports:context_figure_create": _staff_form(DRAFT),
    "annual_reports:context_figure_import": _staff_form(DRAFT),
    "annual_reports:context_figure_update": _staff_form(
        ("a context figure of the draft", _context_figure)
    ),
    # --- partners' contributions: agency A's lead writes agency A's ---
    "annual_reports:contribution_list": _read(DRAFT),
    "annual_reports:contribution_request": _staff_form(DRAFT),
    "annual_reports:contribution_detail": _read(
        ("agency A's contribution", _contribution_a), ("agency B's", _contribution_b)
    ),
    "annual_reports:contribution_update": on_each(same, CONTRIBUTIONS, LEAD_WRITES, NOBODY),
    "annual_reports:contribution_submit": on_each(action, CONTRIBUTIONS, LEAD_WRITES, NOBODY),
    "annual_reports:contribution_accept": (
        action("agency A's contribution", STAFF_WRITE, _contribution_a),
    ),
    "annual_reports:contribution_return": _staff_form(
        ("agency A's contribution", _contribution_a)
    ),
    # --- the scrutineer's report ---
    "annual_reports:scrutineer_part_list": _read(DRAFT),
    "annual_reports:scrutineer_parts_create": (action("the draft", STAFF_WRITE, _draft),),
    "annual_reports:scrutineer_part_update": _staff_form(
        ("a part of the scrutineer's report", _scrutineer_part)
    ),
    # --- figure provenance: the definition for every reader; the records as the module says ---
    "annual_reports:figure_detail": _read(
        ("a count of child deaths", _figure("child_deaths.notified")),
        ("a percentage", _figure("child_deaths.under_one_percent")),
    ),
    "annual_reports:figure_records": (
        read_page(
            "child deaths notified (CDOP roles only)",
            expect(NOT_FOUND, ({CDOP_MANAGER, CDOP_PANEL}, OK)),
            _figure("child_deaths.notified"),
        ),
        read_page(
            "rapid reviews (the case team and the read-only roles)",
            CASE_TEAM_AND_READERS,
            _figure("case_reviews.criteria_met"),
        ),
        read_page(
            "attendances (they name people: staff, and a lead their agency's)",
            STAFF_AND_LEAD,
            _figure("training.attended"),
        ),
        read_page(
            "children discussed at MACE (staff, MACE members, agency leads; never read-only)",
            # The CDOP and case review panel users sit on a MACE in the world (exploitation).
            expect(NOT_FOUND, (STAFF | {LEAD, CDOP_PANEL, CASE_REVIEW_PANEL}, OK)),
            _figure("exploitation.children_discussed"),
        ),
        read_page("meetings held (whoever sees governance)", READ, _figure("governance.meetings")),
        read_page("a percentage has no records", GONE, _figure("child_deaths.under_one_percent")),
    ),
}

MISSING: frozenset[str] = frozenset()


def build(world: Any) -> None:
    """A draft edition for 2021-22 (its sections, a context figure, the scrutineer's parts, a
    contribution asked of agency A and one of agency B), a signed-off edition for 2022-23, and
    a published edition for 2020-21 with its version (the published_reports pages use it)."""
    from safeguarding.accounts.roles import Role
    from safeguarding.annual_reports import services
    from safeguarding.annual_reports.models import PublishedVersion, ReportEdition
    from safeguarding.core.years import ReportingYear

    officer = world.users[Role.BUSINESS_UNIT]
    records = world.records
    draft = services.report_edition_create(actor=officer, year=ReportingYear(2021))
    records["ar_draft"] = draft
    records["ar_section"] = section = draft.sections.order_by("position")[0]
    due = timezone.localdate() + dt.timedelta(days=30)
    for name, agency in (
        ("ar_contribution_a", world.agency_a),
        ("ar_contribution_b", world.agency_b),
    ):
        records[name] = services.contribution_request(
            actor=officer,
            edition=draft,
            section=section,
            agency=agency,
            title=f"{agency}'s part",
            brief="What your agency did this year.",
            due_on=due,
        )
    records["ar_context_figure"] = services.context_figure_create(
        actor=officer,
        edition=draft,
        key="population",
        label="Children living in the area",
        area=None,
        period="mid-2021",
        value=Decimal(1000),
        unit="count",
        source_title="Synthetic population estimates",
        source_publisher="A synthetic statistics office",
        source_url="https://statistics.example/population",
        accessed_on=dt.date(2022, 1, 10),
    )
    records["ar_scrutineer_part"] = services.scrutineer_parts_create(actor=officer, edition=draft)[
        0
    ]

    signed_off = services.report_edition_create(actor=officer, year=ReportingYear(2022))
    ReportEdition.objects.filter(pk=signed_off.pk).update(status=ReportEdition.Status.SIGNED_OFF)
    records["ar_signed_off"] = signed_off

    published = services.report_edition_create(actor=officer, year=ReportingYear(2020))
    ReportEdition.objects.filter(pk=published.pk).update(status=ReportEdition.Status.PUBLISHED)
    records["ar_published"] = published
    records["ar_version"] = PublishedVersion.objects.create(
        edition=published,
        number=1,
        title=published.title,
        published_at=timezone.now(),
        published_by=officer,
        sections=[
            {
                "key": "introduction",
                "title": "Introduction",
                "narrative": "<p>A synthetic published report.</p>",
                "module": "",
                "footnotes": False,
            }
        ],
        young_people_html="<p>A synthetic summary for children and young people.</p>",
        figures={
            "child_deaths.notified": {
                "label": "Child deaths notified",
                "unit": "count",
                "definition": "Deaths notified in the year.",
                "module": "child_deaths",
                "value": 7,
                "shown": 7,
                "text": "7",
                "computed_at": "2021-06-01T00:00:00+00:00",
            }
        },
    )
