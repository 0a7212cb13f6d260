"""Fixtures for the training tests: a frozen clock (a Monday with no bank holidays nearby), two
agencies, practitioners who book, and a small session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory
from safeguarding.training.models import TrainingSession
from safeguarding.training.tests.factories import TrainingSessionFactory

# Monday 2 June 2025, 9am in London.
NOW = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)


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
def make_practitioner(make_user: Callable[..., User], agency_a: Agency) -> Callable[..., User]:
    def _make(agency: Agency | None = None, **kwargs: Any) -> User:
        return make_user((Role.PRACTITIONER, agency or agency_a), **kwargs)

    return _make


@pytest.fixture
def learner(make_practitioner: Callable[..., User]) -> User:
    return make_practitioner()


@pytest.fixture
def lead_a(make_user: Callable[..., User], agency_a: Agency) -> User:
    return make_user((Role.AGENCY_LEAD, agency_a))


@pytest.fixture
def lead_b(make_user: Callable[..., User], agency_b: Agency) -> User:
    return make_user((Role.AGENCY_LEAD, agency_b))


@pytest.fixture
def session(frozen: Any) -> TrainingSession:
    """Two places, on Thursday 12 June 2025 at 10am (8 working days ahead)."""
    return TrainingSessionFactory.create(
        starts_at=datetime(2025, 6, 12, 9, 0, tzinfo=UTC), capacity=2
    )
