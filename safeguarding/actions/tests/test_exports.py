"""The actions export streams and neutralises formulas in CSV and XLSX (#17)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.actions.tests.factories import ActionFactory
from safeguarding.core.testing import (
    assert_export_formula_safe,
    each_format_and_formula_start,
    export_get,
)

pytestmark = pytest.mark.django_db


@each_format_and_formula_start
def test_action_export_is_formula_safe(
    client: Client, owner: User, file_format: str, start: str
) -> None:
    value = f'{start}HYPERLINK("http://example.invalid")'
    ActionFactory.create(description=value)

    response = export_get(client, owner, reverse("actions:action_export"), file_format)

    assert_export_formula_safe(response, value)
