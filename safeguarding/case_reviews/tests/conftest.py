"""Case reviews' cast, on top of the root conftest (owner, officer, member_readonly, outsider)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory


@pytest.fixture
def panel_member(make_user: Callable[..., User]) -> User:
    return make_user(Role.CASE_REVIEW_PANEL)


@pytest.fixture
def agency() -> Agency:
    return AgencyFactory.create(name="Testshire Police")


@pytest.fixture
def agency_lead(make_user: Callable[..., User], agency: Agency) -> User:
    return make_user((Role.AGENCY_LEAD, agency))


@pytest.fixture
def practitioner(make_user: Callable[..., User], agency: Agency) -> User:
    return make_user((Role.PRACTITIONER, agency))
