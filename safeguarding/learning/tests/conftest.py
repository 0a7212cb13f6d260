"""Learning's own cast, on top of the root conftest (owner, officer, member_readonly,
outsider): a practitioner and a case review panel member, who see different learning."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.partnership.tests.factories import AgencyFactory


@pytest.fixture
def practitioner(make_user: Callable[..., User]) -> User:
    """Sees published learning only."""
    return make_user((Role.PRACTITIONER, AgencyFactory.create()))


@pytest.fixture
def panel_member(make_user: Callable[..., User]) -> User:
    """A case review panel member: sees unpublished learning too, cannot manage themes."""
    return make_user(Role.CASE_REVIEW_PANEL)
