"""The learning exports stream and neutralise formulas in CSV and XLSX (#17)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.core.testing import (
    assert_export_formula_safe,
    each_format_and_formula_start,
    export_get,
)
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@each_format_and_formula_start
def test_learning_export_is_formula_safe(
    client: Client, officer: User, file_format: str, start: str
) -> None:
    value = f"{start}cmd|' /C calc'!A0"
    LearningPointFactory.create(title=value)

    response = export_get(client, officer, reverse("learning:learning_export"), file_format)

    assert_export_formula_safe(response, value)


@each_format_and_formula_start
def test_learning_trends_export_is_formula_safe(
    client: Client, officer: User, file_format: str, start: str
) -> None:
    value = f"{start}SUM(A1:A9)"
    theme = ThemeFactory.create(name=value)
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 5, 1))

    response = export_get(
        client,
        officer,
        reverse("learning:learning_trends_export"),
        file_format,
        start="2020-21",
        end="2021-22",
    )

    assert_export_formula_safe(response, value)
