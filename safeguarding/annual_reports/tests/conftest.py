"""Fixtures for the annual report: an edition, the three lead partner agencies and a signer
for each (the safeguarding lead of that agency)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.annual_reports import services
from safeguarding.annual_reports.models import EditionSection, ReportEdition
from safeguarding.core.years import ReportingYear
from safeguarding.governance import services as governance_services
from safeguarding.governance.models import Appointment
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

SECTORS = {
    "local_authority": Agency.Sector.LOCAL_AUTHORITY,
    "police": Agency.Sector.POLICE,
    "health": Agency.Sector.HEALTH,
}


@pytest.fixture
def partners(db: None) -> dict[str, Agency]:
    return {
        role: AgencyFactory.create(
            name=f"Test {role} partner", sector=sector, statutory_partner=True, statutory_role=role
        )
        for role, sector in SECTORS.items()
    }


@pytest.fixture
def signers(make_user: Callable[..., User], partners: dict[str, Agency]) -> dict[str, User]:
    """Each partner's safeguarding lead, appointed its lead safeguarding partner in governance
    from 1 January 2020 (so they hold the seat on the day they sign)."""
    found = {}
    for role, agency in partners.items():
        user = make_user((Role.AGENCY_LEAD, agency), full_name=f"Signer {role}")
        governance_services.appointment_create(
            actor=None,
            role=Appointment.Role.LEAD_PARTNER,
            holder_name=user.full_name,
            job_title="Chief executive",
            agency=agency,
            person=user,
            started_on=date(2020, 1, 1),
        )
        found[role] = user
    return found


@pytest.fixture
def edition(officer: User) -> ReportEdition:
    return services.report_edition_create(actor=officer, year=ReportingYear(2020))


@pytest.fixture
def in_review(officer: User, edition: ReportEdition) -> ReportEdition:
    """The edition, submitted by the officer for review and sign-off."""
    services.report_edition_submit(actor=officer, edition=edition)
    edition.refresh_from_db()
    return edition


@pytest.fixture
def sign_all(
    signers: dict[str, User], partners: dict[str, Agency]
) -> Callable[[ReportEdition], None]:
    def _sign(edition: ReportEdition) -> None:
        for role, user in signers.items():
            services.report_sign_off_record(actor=user, edition=edition, agency=partners[role])
        edition.refresh_from_db()

    return _sign


@pytest.fixture
def write_section(officer: User) -> Callable[..., EditionSection]:
    """write_section(edition, key, body, **fields): the officer rewrites the body of the
    edition's section `key`, and any other field named (title, module_section, hidden); the
    fields not named keep their values."""

    def _write(edition: ReportEdition, key: str, body: str, **fields: Any) -> EditionSection:
        section = edition.sections.get(key=key)
        kept: dict[str, Any] = {
            "title": section.title,
            "module_section": section.module_section,
            "hidden": section.hidden,
        }
        return services.report_section_update(
            actor=officer,
            section=section,
            expected_version=section.version,
            body=body,
            **(kept | fields),
        )

    return _write


@pytest.fixture
def published(
    officer: User,
    edition: ReportEdition,
    sign_all: Callable[[ReportEdition], None],
    write_section: Callable[..., EditionSection],
) -> Any:
    write_section(
        edition,
        "child_deaths",
        "Deaths notified: {{ child_deaths.notified }}.",
        module_section="",
        hidden=False,
    )
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    return services.report_edition_publish(actor=officer, edition=edition)
