"""Fixtures for the actions tests: a frozen clock and two agencies with a lead each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
import time_machine

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

# Monday 2 June 2025, 9am in London: no bank holidays in the following weeks.
NOW = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
TODAY = date(2025, 6, 2)


@pytest.fixture
def frozen() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def agency_a(db: None) -> Agency:
    return AgencyFactory.create(name="Synthetic Police Service")


@pytest.fixture
def agency_b(db: None) -> Agency:
    return AgencyFactory.create(name="Synthetic Health Trust")


@pytest.fixture
def lead_a(make_user: Callable[..., User], agency_a: Agency) -> User:
    """The safeguarding lead of agency A."""
    return make_user((Role.AGENCY_LEAD, agency_a))


@pytest.fixture
def lead_b(make_user: Callable[..., User], agency_b: Agency) -> User:
    return make_user((Role.AGENCY_LEAD, agency_b))
