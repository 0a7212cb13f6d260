"""Issue #17: the national export streams, and a value starting with = + - @ comes out safe
(neutralised with an apostrophe) in the CSV and the XLSX file."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths.tests.factories import notification_make

pytestmark = pytest.mark.django_db

DANGEROUS = ["=HYPERLINK(1)", "+SUM(1)", "-SUM(1)", "@SUM(1)"]


def test_national_export_neutralises_formulas_in_csv_and_xlsx(
    client: Client, make_user: Callable[..., User]
) -> None:
    for value in DANGEROUS:
        notification_make(ethnicity=value)
    client.force_login(make_user(Role.CDOP_MANAGER))
    url = reverse("child_deaths:national_export") + "?year=2020-21"

    response = client.get(url + "&format=csv")
    assert isinstance(response, StreamingHttpResponse)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(r["ethnicity"] for r in rows) == sorted(f"'{v}" for v in DANGEROUS)

    response = client.get(url + "&format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    column = list(values[0]).index("ethnicity")
    assert sorted(str(r[column]) for r in values[1:]) == sorted(f"'{v}" for v in DANGEROUS)
