"""The yearly reports annual_reports has published, listed on the public site."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from safeguarding.annual_reports.models import PublishedVersion, ReportEdition

pytestmark = pytest.mark.django_db


def test_published_yearly_reports_are_listed_with_links_to_their_public_pages(
    client, officer
) -> None:
    edition = ReportEdition.objects.create(year_label="2020-21", title="Yearly report 2020-21")
    ReportEdition.objects.create(year_label="2021-22", title="Draft report 2021-22")
    for number in (1, 2):
        PublishedVersion.objects.create(
            edition=edition, number=number, title="Yearly report 2020-21",
            published_at=datetime(2021, 9, number, tzinfo=UTC), published_by=officer,
        )  # fmt: skip
    html = client.get(reverse("website:annual_report_list")).content.decode()
    assert reverse("published_reports:published_version", args=["2020-21", 2]) in html
    assert reverse("published_reports:published_pdf", args=["2020-21", 2]) in html
    assert "Draft report 2021-22" not in html
    assert (
        client.get(reverse("published_reports:published_version", args=["2020-21", 2])).status_code
        == 200
    )
    assert (
        reverse("website:annual_report_list")
        in client.get(reverse("website:home")).content.decode()
    )
    search = client.get(reverse("website:search"), {"q": "yearly 2020"}).content.decode()
    assert reverse("published_reports:published_version", args=["2020-21", 2]) in search


def test_without_a_published_report_the_page_says_so(client) -> None:
    html = client.get(reverse("website:annual_report_list")).content.decode()
    assert "No yearly report has been published yet." in html
