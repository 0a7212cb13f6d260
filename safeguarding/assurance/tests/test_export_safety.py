"""Issue #17: survey exports stream, and a value starting with = + - @ comes out safe
(neutralised with an apostrophe) in the CSV and the XLSX file of each export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from safeguarding.assurance import services
from safeguarding.assurance.tests.factories import open_survey

pytestmark = pytest.mark.django_db

DANGEROUS = ["=HYPERLINK(1)", "+SUM(1)", "-SUM(1)", "@SUM(1)", "=A1", "+A1"]


def _csv(response: StreamingHttpResponse) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    stream = response.streaming_content
    return list(csv.reader(io.StringIO(b"".join(stream).decode())))  # type: ignore[arg-type]


def _xlsx(response: Any) -> list[tuple[object, ...]]:
    assert isinstance(response, StreamingHttpResponse)
    content = b"".join(response.streaming_content)  # type: ignore[arg-type]
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def test_survey_answers_export_neutralises_formulas(client: Client, officer) -> None:
    survey = open_survey()
    for value in DANGEROUS:
        services.survey_answer(
            survey=survey, answers={"seen": "Yes", "comment": value}, today=dt.date(2020, 11, 2)
        )
    client.force_login(officer)
    url = reverse("assurance:survey_export", args=[survey.pk])
    rows = _csv(client.get(url))  # type: ignore[arg-type]
    assert sorted(r[3] for r in rows[1:]) == sorted(f"'{v}" for v in DANGEROUS)
    sheet = _xlsx(client.get(url + "?format=xlsx"))
    assert sorted(str(r[3]) for r in sheet[1:]) == sorted(f"'{v}" for v in DANGEROUS)


def test_survey_links_export_neutralises_formulas(client: Client, officer) -> None:
    survey = open_survey()
    for value in DANGEROUS[:4]:
        services.survey_links_issue(actor=officer, survey=survey, group=value, count=1)
    client.force_login(officer)
    url = reverse("assurance:survey_links_export", args=[survey.pk])
    for value in DANGEROUS[:4]:
        rows = _csv(client.get(url, {"group": value}))  # type: ignore[arg-type]
        assert rows[1][0] == f"'{value}"
        sheet = _xlsx(client.get(url, {"group": value, "format": "xlsx"}))
        assert sheet[1][0] == f"'{value}"
