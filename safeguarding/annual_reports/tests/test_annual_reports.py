from __future__ import annotations

import datetime as dt
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix

pytestmark = pytest.mark.django_db


def test_command_writes_the_report_with_every_section(demo_seeded: None, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    call_command("annual_report", "2020-21", "--output", str(output))
    html = output.read_text()
    assert "Annual report 2020-21" in html
    assert "About the partnership" in html
    assert "Cambridgeshire Constabulary" in html
    assert "<script" not in html
    event = ActivityEvent.objects.get(verb="exported")
    assert event.data["what"] == "annual report 2020-21 (command line)"


def test_command_refuses_a_bad_year_or_folder(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="reporting year"):
        call_command("annual_report", "2020", "--output", str(tmp_path / "r.html"))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("annual_report", "2020-21", "--output", str(tmp_path / "no" / "r.html"))


def test_report_pages_matrix(client, member_readonly, outsider) -> None:
    matrix = ViewMatrix(client, reverse("annual_reports:report_detail", args=["2020-21"]))
    response = matrix.allowed(member_readonly)
    assert b"About the partnership" in response.content
    matrix.outsider(outsider)
    matrix.wrong_method(member_readonly, "post")
    matrix.anonymous_redirected()
    matrix = ViewMatrix(client, reverse("annual_reports:report_index"))
    matrix.allowed(member_readonly)
    matrix.outsider(outsider)
    matrix.wrong_method(member_readonly, "post")
    client.force_login(member_readonly)
    assert (
        client.get(reverse("annual_reports:report_detail", args=["nonsense"])).status_code == 404
    )


def test_download_is_logged(client, member_readonly, outsider) -> None:
    matrix = ViewMatrix(client, reverse("annual_reports:report_download", args=["2020-21"]))
    response = matrix.allowed(member_readonly)
    assert response["Content-Disposition"] == 'attachment; filename="annual-report-2020-21.html"'
    assert ActivityEvent.objects.filter(verb="exported", actor=member_readonly).count() == 1
    matrix.outsider(outsider)
    matrix.wrong_method(member_readonly, "post")


def test_command_prints_every_figure_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from safeguarding.annual_reports import catalogue

    call_command("annual_report", "2020-21", "--figures")
    printed = json.loads(capsys.readouterr().out)
    assert printed["year"] == "2020-21"
    keys = [row["key"] for row in printed["figures"]]
    assert {f.key for f in catalogue.FIGURES} <= set(keys)
    first = printed["figures"][0]
    assert set(first) >= {"key", "value", "published", "definition", "label", "unit"}


def test_command_needs_output_or_figures() -> None:
    with pytest.raises(CommandError):
        call_command("annual_report", "2020-21")


def sections_text(version: Any, key: str) -> str:
    return str(next(s["narrative"] for s in version.sections if s["key"] == key))


def _cce_attendance_2020_21() -> int:
    """An independent count: attendance at sessions in 2020-21 of courses whose priority is
    number 3 (each named learner once, each paper-register row once)."""
    from safeguarding.training.models import TrainingBooking

    attended = TrainingBooking.objects.filter(
        attendance="attended",
        session__status="scheduled",
        session__course__priority__number=3,
        session__starts_at__date__range=(date(2020, 4, 1), date(2021, 3, 31)),
    )
    named = attended.exclude(learner=None).values("learner").distinct().count()
    return named + attended.filter(learner=None).count()


def test_demo_publishes_the_2020_21_report_once(demo_seeded: None) -> None:
    from safeguarding.annual_reports import demo
    from safeguarding.annual_reports.models import PublishedVersion, ReportEdition

    demo.seed()
    edition = ReportEdition.objects.get()
    assert edition.status == ReportEdition.Status.PUBLISHED
    version = PublishedVersion.objects.get()
    assert len(version.sign_offs) == 3
    text = " ".join(s["narrative"] for s in version.sections)
    assert "{{" not in text
    assert "573 people" in text
    assert "10,753 times" in text
    assert version.young_people_html
    assert "961" in text
    # The sources cited: area, population, caravans, homelessness, rough sleeping, prisons,
    # website and social media analytics.
    assert [n["number"] for n in version.footnotes] == list(range(1, 9))
    # Social media figures are context figures with their source (the seed's figures).
    # (each value carries its footnote mark, so the values are checked on their own)
    for value in ("111,383", "190,000", "80,112", "1,007"):
        assert value in sections_text(version, "communications")
    assert "The police's year" not in text  # the heading is the agency's name
    assert "partnership webinars" in text
    assert "Judgement: " in text
    assert "Conclusion" in text
    # governance and website figures, as tokens and as computed sections
    assert "275,602 page views" in text
    assert "71,987 users" in text
    assert "met {{" not in text
    sections = {s["key"]: s for s in version.sections}
    assert "£335,000.00" in sections["priorities"]["module"]
    assert "275,602" in sections["communications"]["module"]
    assert version.figures["website.page_views"]["shown"] == 275602
    assert any(key.startswith("priority.") for key in version.figures)
    # charts, each followed by its table
    assert "<svg" in sections["training"]["module"]
    assert "Training sessions by format" in sections["training"]["module"]
    assert "by area" in sections["data"]["module"]
    assert version.figures["governance.meetings"]["value"] > 0
    # People trained on exploitation (priority 3): the registers of the five CCE webinars of
    # 2020-21, 19 + 35 + 37 + 32 + 33 people, checked against the records.
    assert version.figures["exploitation.people_trained"]["value"] == 156
    assert _cce_attendance_2020_21() == 156
    assert "156 people were trained on exploitation" in sections_text(version, "priorities")
    # Priority three's mapping and MACE figures come from exploitation's records too, each
    # checked against an independent count of the 2020-21 discussions and concerns.
    from safeguarding.exploitation.models import ChildDiscussion, LocationConcern

    year = (dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    children = (
        ChildDiscussion.objects.filter(discussed_on__range=year)
        .values("child_id")
        .distinct()
        .count()
    )
    places = (
        LocationConcern.objects.filter(recorded_on__range=year)
        .values("location_id")
        .distinct()
        .count()
    )
    assert children > 5
    assert places > 0
    assert version.figures["exploitation.children_discussed"]["value"] == children
    assert version.figures["exploitation.locations_mapped"]["value"] == places
    priorities = sections_text(version, "priorities")
    assert f"mapped {places} places" in priorities
    assert f"discussed {children} children" in priorities
