"""An import is checked before it is used: its figures beside the figures in use, warnings, a
confirmation step, an optional second approval, withdrawal; other roles see only complete
years."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import rules, selectors, services, verbs
from safeguarding.datasets.models import ImportBatch, StoredFigure
from safeguarding.datasets.tests.builders import annex_a, child, episode, episodes_csv
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(make_user: Callable[..., User], area: Area) -> User:
    return make_user((Role.DATA_ANALYST, AgencyFactory(area=area)))


def _read(
    area: Area, path: Path, period: str = "2020-21", actor: User | None = None
) -> ImportBatch:
    start, end = rules.parse_period(period)
    return services.import_submit(
        run_now=True, actor=actor, area=area, period_start=start, period_end=end, files=[path]
    )


def _in_use(area: Area, path: Path, period: str = "2020-21") -> ImportBatch:
    batch = _read(area, path, period)
    return services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)


def _contacts(tmp_path: Path, name: str, count: int, day: date = date(2020, 5, 1)) -> Path:
    rows = [child(f"{name}{n}") + [day, ""] for n in range(count)]
    return annex_a(tmp_path / f"{name}.xlsx", {1: rows})


def _stored(area: Area, key: str, year: int = 2020) -> int | None:
    return StoredFigure.objects.get(area=area, year_start=year, quarter=0, key=key).value


def test_a_read_import_waits_for_its_check_and_changes_nothing(area: Area, tmp_path: Path) -> None:
    batch = _read(area, _contacts(tmp_path, "A", 3))

    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION
    assert not StoredFigure.objects.exists()
    assert selectors.years_with_data() == []


def test_an_annex_a_with_every_event_count_0_is_warned_about(area: Area, tmp_path: Path) -> None:
    episodes = [child(f"L{n}") + [date(2018, 1, 1), "C2", ""] for n in range(38)]
    batch = _read(area, annex_a(tmp_path / "a.xlsx", {8: episodes}))

    assert batch.rows_stored == 38
    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION
    text = " ".join(batch.warnings)
    assert "2020-21: these figures would be 0: Contacts, Children contacted" in text
    assert "The return has no rows in List 1 (contacts): it is absent or empty." in text
    assert "List 8" not in text
    with pytest.raises(ValidationError, match="looked at the warnings"):
        services.import_batch_confirm(actor=None, batch=batch)


def test_a_figure_that_falls_by_more_than_half_is_warned_about_beside_the_figure_in_use(
    area: Area, tmp_path: Path
) -> None:
    first = _in_use(area, _contacts(tmp_path, "A", 20))
    second = _read(area, _contacts(tmp_path, "B", 5))

    row = next(d for d in second.differences if d["key"] == "contacts")
    assert (row["before"], row["after"], row["warning"]) == (20, 5, True)
    assert any(
        w.startswith("2020-21 Contacts: 20 in use, 5 with this import (a change of more than 50%")
        for w in second.warnings
    )
    assert second.replaces_id == first.pk
    assert _stored(area, "contacts") == 20  # nothing replaced until it is put in use


@override_settings(DATASETS_CHECK_CHANGE_PERCENT=80)
def test_the_share_that_warns_is_a_setting(area: Area, tmp_path: Path) -> None:
    _in_use(area, _contacts(tmp_path, "A", 20))
    second = _read(area, _contacts(tmp_path, "B", 5))

    assert not any("Contacts: 20 in use" in w for w in second.warnings)


def test_a_year_with_far_fewer_rows_than_the_year_before_is_warned_about(
    area: Area, tmp_path: Path
) -> None:
    _in_use(area, _contacts(tmp_path, "A", 20))
    batch = _read(area, _contacts(tmp_path, "B", 3, date(2021, 5, 1)), "2021-22")

    assert any(
        w.startswith("2021-22 has 3 rows dated in it; 2020-21 has 20") for w in batch.warnings
    )


def test_the_check_page_shows_warnings_and_puts_in_use_only_once_they_are_looked_at(
    client: Client, analyst: User, area: Area, tmp_path: Path
) -> None:
    _in_use(area, _contacts(tmp_path, "A", 20))
    batch = _read(area, _contacts(tmp_path, "B", 5))
    client.force_login(analyst)

    detail = client.get(reverse("datasets:import_detail", args=[batch.pk])).content.decode()
    assert "Check the import before it is used" in detail
    assert "Large change" in detail
    assert "Use this import" not in detail
    url = reverse("datasets:import_confirm", args=[batch.pk])
    assert "Contacts: 20 in use, 5 with this import" in client.get(url).content.decode()

    refused = client.post(url, {})
    assert refused.status_code == 200
    assert "Confirm that you have looked at the warnings" in refused.content.decode()
    assert client.post(url, {"warnings_checked": "on"}).status_code == 302

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CURRENT
    assert batch.decided_by == analyst
    assert _stored(area, "contacts") == 5


@override_settings(DATASETS_REQUIRE_SECOND_APPROVAL=True)
def test_a_second_person_must_approve_when_the_setting_asks(
    client: Client, make_user: Callable[..., User], analyst: User, area: Area, tmp_path: Path
) -> None:
    second = make_user((Role.DATA_ANALYST, AgencyFactory(area=area)))
    batch = _read(area, _contacts(tmp_path, "A", 20), actor=analyst)
    data = {"warnings_checked": "on"}

    checked = services.import_batch_confirm(actor=analyst, batch=batch, warnings_checked=True)
    assert checked.status == ImportBatch.Status.AWAITING_APPROVAL
    assert not StoredFigure.objects.exists()
    client.force_login(analyst)
    url = reverse("datasets:import_confirm", args=[batch.pk])
    assert "you checked it yourself" in client.post(url, data).content.decode()
    client.force_login(second)
    assert client.post(url, data).status_code == 302

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CURRENT
    assert (batch.checked_by, batch.decided_by) == (analyst, second)
    assert ActivityEvent.objects.filter(verb=verbs.IMPORT_BATCH_CHECKED).count() == 1


def test_withdrawing_a_reimport_brings_the_earlier_import_back(
    client: Client, analyst: User, area: Area, tmp_path: Path
) -> None:
    first = _in_use(area, _contacts(tmp_path, "A", 20))
    second = _in_use(area, _contacts(tmp_path, "B", 5))
    client.force_login(analyst)
    url = reverse("datasets:import_withdraw", args=[second.pk])
    assert (
        "Withdraw the import"
        in client.get(reverse("datasets:import_detail", args=[second.pk])).content.decode()
    )

    assert client.post(url, {"reason": ""}).status_code == 200  # a reason is needed
    response = client.post(url, {"reason": "The file was for the wrong area."})

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (
        ImportBatch.Status.CURRENT,
        ImportBatch.Status.WITHDRAWN,
    )
    assert _stored(area, "contacts") == 20
    event = ActivityEvent.objects.get(verb=verbs.IMPORT_BATCH_WITHDRAWN)
    assert event.data == {"restored": first.pk, "reason": "The file was for the wrong area."}


def test_withdrawing_the_only_import_leaves_no_figures(area: Area, tmp_path: Path) -> None:
    batch = _in_use(area, _contacts(tmp_path, "A", 20))

    services.import_batch_withdraw(actor=None, batch=batch, reason="Uploaded by mistake.")

    assert not StoredFigure.objects.exists()
    with pytest.raises(ValidationError, match="Only an import in use"):
        services.import_batch_withdraw(actor=None, batch=batch, reason="Again.")


def test_other_roles_see_only_years_complete_for_every_area(
    client: Client, make_user: Callable[..., User], analyst: User, area: Area, tmp_path: Path
) -> None:
    city = AreaFactory.create(name="Peterborough", la_number="874")
    _in_use(area, _contacts(tmp_path, "A", 20))
    _in_use(city, _contacts(tmp_path, "B", 30))
    care = [episode(f"E{n}", "01/05/2021", "S", "C2") for n in range(12)]
    _in_use(city, episodes_csv(tmp_path / "e.csv", care), "2021-22")
    board = make_user(Role.BOARD_MEMBER)

    client.force_login(board)
    default = client.get(reverse("datasets:dashboard")).content.decode()
    asked = client.get(reverse("datasets:dashboard") + "?year=2021-22").content.decode()
    area_page = client.get(
        reverse("datasets:area_detail", args=[city.pk]) + "?year=2021-22"
    ).content.decode()
    client.force_login(analyst)
    checking = client.get(reverse("datasets:dashboard") + "?year=2021-22").content.decode()

    assert "<title>Safeguarding data 2020-21" in default
    assert "<title>Safeguarding data 2020-21" in asked
    assert '<option value="2021-22"' not in default
    assert "Peterborough, 2021-22" not in area_page
    assert "<title>Safeguarding data 2021-22" in checking
    assert selectors.years_for_user(user=board).default == ReportingYear(2020)


def test_errors_name_the_persons_file_and_a_recognised_return_is_named(
    client: Client,
    analyst: User,
    area: Area,
    tmp_path: Path,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(analyst)
    empty = SimpleUploadedFile("Northshire Annex A.xlsx", b"not a workbook")
    wrong_year = annex_a(tmp_path / "a.xlsx", {1: [child("C") + [date(2018, 5, 1), ""]]})
    uploads = [empty, SimpleUploadedFile("annex-a-2020.xlsx", wrong_year.read_bytes())]
    pages = []
    for upload in uploads:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("datasets:import_create"),
                {"area": area.pk, "period": "2020-21", "return_files": upload},
            )
        run_tasks()
        pages.append(client.get(response["Location"]).content.decode())

    assert "Northshire Annex A.xlsx" in pages[0]
    assert "return-0" not in pages[0]
    assert "None of the rows falls in the period" in pages[1]
    assert "Not recognised" not in pages[1]
    assert "Ofsted Annex A" in pages[1]
    assert "1 April 2020 to 31 March 2021" in pages[1]
