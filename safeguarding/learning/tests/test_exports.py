"""The learning exports stream and neutralise formulas in CSV and XLSX (#17)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.core.testing import DANGEROUS_STARTS, assert_export_formula_safe
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("start", DANGEROUS_STARTS)
def test_learning_export_is_formula_safe(
    client: Client, officer: User, file_format: str, start: str
) -> None:
    value = f"{start}cmd|' /C calc'!A0"
    LearningPointFactory.create(title=value)
    client.force_login(officer)

    response = client.get(reverse("learning:learning_export"), {"format": file_format})

    assert_export_formula_safe(response, value)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("start", DANGEROUS_STARTS)
def test_learning_trends_export_is_formula_safe(
    client: Client, officer: User, file_format: str, start: str
) -> None:
    value = f"{start}SUM(A1:A9)"
    theme = ThemeFactory.create(name=value)
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 5, 1))
    client.force_login(officer)

    response = client.get(
        reverse("learning:learning_trends_export"),
        {"format": file_format, "start": "2020-21", "end": "2021-22"},
    )

    assert_export_formula_safe(response, value)
