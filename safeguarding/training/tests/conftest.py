"""Fixtures for the training tests: practitioners who book and a small session, on top of the
root conftest's frozen clock (`frozen`, a Monday with no bank holidays nearby) and its two
agencies with a lead each (`agency_a`, `lead_a`, `agency_b`, `lead_b`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.partnership.models import Agency
from safeguarding.training.models import TrainingSession
from safeguarding.training.tests.factories import TrainingSessionFactory


@pytest.fixture
def make_practitioner(make_user: Callable[..., User], agency_a: Agency) -> Callable[..., User]:
    def _make(agency: Agency | None = None, **kwargs: Any) -> User:
        return make_user((Role.PRACTITIONER, agency or agency_a), **kwargs)

    return _make


@pytest.fixture
def learner(make_practitioner: Callable[..., User]) -> User:
    return make_practitioner()


@pytest.fixture
def session(frozen: Any) -> TrainingSession:
    """Two places, on Thursday 12 June 2025 at 10am (8 working days ahead)."""
    return TrainingSessionFactory.create(
        starts_at=datetime(2025, 6, 12, 9, 0, tzinfo=UTC), capacity=2
    )
