"""The account page costs the same number of queries however many roles the person holds."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.accounts.roles import Role
from safeguarding.core.testing import assert_same_query_count
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_profile_costs_the_same_at_3_and_30_roles(client: Client, outsider: User) -> None:
    def build(total: int) -> None:
        for _ in range(outsider.role_grants.count(), total):
            RoleAssignment.objects.create(
                user=outsider, role=Role.AGENCY_LEAD, agency=AgencyFactory.create()
            )
        outsider.clear_role_cache()

    client.force_login(outsider)
    url = reverse("accounts:profile")
    assert_same_query_count(build, lambda: client.get(url))
