"""Issue #17: survey exports stream, and a value starting with = + - @ comes out safe
(neutralised with an apostrophe) in the CSV and the XLSX file of each export."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.assurance import services
from safeguarding.assurance.tests.factories import open_survey
from safeguarding.core.testing import EXPORT_FORMATS, export_get, streamed_cells

pytestmark = pytest.mark.django_db

DANGEROUS = ["=HYPERLINK(1)", "+SUM(1)", "-SUM(1)", "@SUM(1)", "=A1", "+A1"]


def test_survey_answers_export_neutralises_formulas(client: Client, officer: User) -> None:
    survey = open_survey()
    for value in DANGEROUS:
        services.survey_answer(
            survey=survey, answers={"seen": "Yes", "comment": value}, today=dt.date(2020, 11, 2)
        )
    url = reverse("assurance:survey_export", args=[survey.pk])
    for file_format in EXPORT_FORMATS:
        rows = streamed_cells(export_get(client, officer, url, file_format))
        assert sorted(r[3] for r in rows[1:]) == sorted(f"'{v}" for v in DANGEROUS), file_format


def test_survey_links_export_neutralises_formulas(client: Client, officer: User) -> None:
    survey = open_survey()
    for value in DANGEROUS[:4]:
        services.survey_links_issue(actor=officer, survey=survey, group=value, count=1)
    url = reverse("assurance:survey_links_export", args=[survey.pk])
    for value in DANGEROUS[:4]:
        for file_format in EXPORT_FORMATS:
            rows = streamed_cells(export_get(client, officer, url, file_format, group=value))
            assert rows[1][0] == f"'{value}", file_format
