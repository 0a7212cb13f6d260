"""The actions export streams and neutralises formulas in CSV and XLSX (#17)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.actions.tests.factories import ActionFactory
from safeguarding.core.testing import DANGEROUS_STARTS, assert_export_formula_safe

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("start", DANGEROUS_STARTS)
def test_action_export_is_formula_safe(
    client: Client, owner: User, file_format: str, start: str
) -> None:
    value = f'{start}HYPERLINK("http://example.invalid")'
    ActionFactory.create(description=value)
    client.force_login(owner)

    response = client.get(reverse("actions:action_export"), {"format": file_format})

    assert_export_formula_safe(response, value)
