"""Issue #17: the national export streams, and a value starting with = + - @ comes out safe
(neutralised with an apostrophe) in the CSV and the XLSX file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths.tests.factories import notification_make
from safeguarding.core.testing import EXPORT_FORMATS, export_get, streamed_cells

pytestmark = pytest.mark.django_db

DANGEROUS = ["=HYPERLINK(1)", "+SUM(1)", "-SUM(1)", "@SUM(1)"]


def test_national_export_neutralises_formulas_in_csv_and_xlsx(
    client: Client, make_user: Callable[..., User]
) -> None:
    for value in DANGEROUS:
        notification_make(ethnicity=value)
    manager = make_user(Role.CDOP_MANAGER)
    url = reverse("child_deaths:national_export")
    for file_format in EXPORT_FORMATS:
        rows = streamed_cells(export_get(client, manager, url, file_format, year="2020-21"))
        column = rows[0].index("ethnicity")
        expected = sorted(f"'{v}" for v in DANGEROUS)
        assert sorted(r[column] for r in rows[1:]) == expected, file_format
