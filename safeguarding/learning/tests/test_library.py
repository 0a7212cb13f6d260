"""The database of learning: search over source titles, agency and area filters, the page per
review, trends (chart and table) and the exports (scoped, formula-safe, logged)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from safeguarding.accounts.models import User
from safeguarding.activity_log import verbs as activity_verbs
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, response_bytes
from safeguarding.core.years import ReportingYear
from safeguarding.learning import forms, selectors, verbs
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory, GroupFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 6, 1))]


# --- selectors -----------------------------------------------------------------------


def test_search_matches_the_source_title(officer: User) -> None:
    hit = LearningPointFactory.create(title="Supervise babies", source_title="CSPR: Oliver")
    LearningPointFactory.create(title="Other", source_title="CSPR: Willow")

    assert list(selectors.learning_point_list_for_user(user=officer, search="oliver")) == [hit]


def test_filters_by_agency_and_area(officer: User) -> None:
    agency, area = AgencyFactory.create(), AreaFactory.create()
    both = LearningPointFactory.create(agencies=[agency], area=area)
    LearningPointFactory.create(agencies=[agency])
    LearningPointFactory.create(area=area)

    found = selectors.learning_point_list_for_user(user=officer, agency=agency, area=area)

    assert list(found) == [both]


def test_source_page_selector_hides_unpublished_from_practitioners(
    practitioner: User, panel_member: User
) -> None:
    source = GroupFactory.create()
    published = LearningPointFactory.create(source=source, is_published=True)
    LearningPointFactory.create(source=source, is_published=False)
    ref = {
        "source_type_id": ContentType.objects.get_for_model(source).pk,
        "source_id": source.pk,
    }

    assert list(selectors.learning_point_list_for_source_ref(user=practitioner, **ref)) == [
        published
    ]
    assert selectors.learning_point_list_for_source_ref(user=panel_member, **ref).count() == 2


def test_earliest_year_is_the_first_visible_learning(practitioner: User) -> None:
    LearningPointFactory.create(recorded_on=date(2018, 5, 1), is_published=False)
    LearningPointFactory.create(recorded_on=date(2019, 5, 1))

    assert selectors.earliest_learning_year(user=practitioner) == ReportingYear(2019)


def test_trend_export_rows_carry_the_table_figures(officer: User) -> None:
    theme = ThemeFactory.create(name="Farm animals")
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 5, 1))
    LearningPointFactory.create(themes=[theme], recorded_on=date(2021, 5, 1))
    LearningPointFactory.create(themes=[theme], recorded_on=date(2021, 5, 2))
    trend = selectors.theme_trend(years=[ReportingYear(2020), ReportingYear(2021)], user=officer)

    rows = selectors.trend_export_rows(trend=trend)

    assert ["Farm animals", 1, 2, 3] in rows
    assert rows[-1] == ["All themes", 1, 2, 3]


# --- form ----------------------------------------------------------------------


def test_trend_form_defaults_to_the_earliest_year_up_to_this_year() -> None:
    form = forms.TrendForm(None)

    years = form.years(earliest=ReportingYear(2019))

    assert [y.label for y in years] == ["2019-20", "2020-21", "2021-22"]


def test_trend_form_refuses_reversed_years() -> None:
    form = forms.TrendForm({"start": "2021-22", "end": "2019-20"})

    assert not form.is_valid()
    assert len(form.years(earliest=None)) == 5  # falls back to the default span


# --- pages ---------------------------------------------------------------------------


def test_trends_page_shows_chart_and_table_with_the_same_figures(
    client: Client, officer: User, outsider: User
) -> None:
    theme = ThemeFactory.create(name="Farm animals")
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 5, 1))
    matrix = ViewMatrix(client, reverse("learning:learning_trends"))

    response = matrix.allowed(officer, data={"start": "2020-21", "end": "2021-22"})
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "post")

    content = response.content.decode()
    assert 'role="img"' in content
    assert '<title id="trend-title">' in content
    assert "Farm animals" in content
    assert "<caption" in content


def test_source_page_matrix(
    client: Client, practitioner: User, outsider: User, panel_member: User
) -> None:
    source = GroupFactory.create()
    LearningPointFactory.create(source=source, source_title="CSPR: Oliver", title="Dogs")
    url = reverse(
        "learning:learning_source_detail",
        args=[ContentType.objects.get_for_model(source).pk, source.pk],
    )
    matrix = ViewMatrix(client, url)

    response = matrix.allowed(practitioner)
    matrix.outsider(outsider)
    matrix.wrong_method(panel_member, "post")

    assert "CSPR: Oliver" in response.content.decode()


def test_source_page_404_when_nothing_visible(client: Client, practitioner: User) -> None:
    source = GroupFactory.create()
    LearningPointFactory.create(source=source, is_published=False)
    url = reverse(
        "learning:learning_source_detail",
        args=[ContentType.objects.get_for_model(source).pk, source.pk],
    )

    ViewMatrix(client, url).outsider(practitioner)


def test_csv_export_is_scoped_formula_safe_and_logged(
    client: Client, practitioner: User, outsider: User
) -> None:
    LearningPointFactory.create(title='=HYPERLINK("http://x")', is_published=True)
    LearningPointFactory.create(title="Draft", is_published=False)
    matrix = ViewMatrix(client, reverse("learning:learning_export"))

    response = matrix.allowed(practitioner, data={"format": "csv"})
    matrix.outsider(outsider)
    matrix.wrong_method(practitioner, "post")

    rows = list(csv.reader(io.StringIO(response_bytes(response).decode())))
    assert len(rows) == 2  # header and the one published point
    assert rows[1][0].startswith("'=")
    event = ActivityEvent.objects.get(verb=activity_verbs.EXPORTED)
    assert event.data == {"what": "Learning", "rows": 1, "format": "csv"}


def test_xlsx_trend_export_matches_the_table(client: Client, officer: User) -> None:
    theme = ThemeFactory.create(name="Farm animals")
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 5, 1))
    client.force_login(officer)

    response = client.get(
        reverse("learning:learning_trends_export"),
        {"format": "xlsx", "start": "2020-21", "end": "2021-22"},
    )

    sheet = load_workbook(io.BytesIO(response_bytes(response))).worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["Theme", "2020-21", "2021-22", "Total"]
    assert ["Farm animals", 1, 0, 1] in values
    assert ActivityEvent.objects.filter(verb=activity_verbs.EXPORTED, data__format="xlsx").exists()


def test_export_refuses_an_unknown_format(client: Client, officer: User) -> None:
    client.force_login(officer)

    response = client.get(reverse("learning:learning_export"), {"format": "pdf"})

    assert response.status_code == 404
    assert not ActivityEvent.objects.filter(verb=activity_verbs.EXPORTED).exists()


def test_publish_and_withdraw_matrix(
    client: Client, officer: User, panel_member: User, member_readonly: User, outsider: User
) -> None:
    point = LearningPointFactory.create(is_published=False)
    publish = ViewMatrix(client, reverse("learning:learning_point_publish", args=[point.pk]))
    withdraw = ViewMatrix(client, reverse("learning:learning_point_unpublish", args=[point.pk]))

    publish.outsider(outsider, method="post")
    publish.outsider(member_readonly, method="post")  # cannot see unpublished learning
    publish.wrong_method(officer, "get")
    publish.allowed(panel_member, method="post", status=403)  # sees it, may not publish
    publish.allowed(officer, method="post", status=302)
    point.refresh_from_db()
    assert point.is_published
    withdraw.read_only_write(member_readonly)  # now visible to them: 403
    withdraw.allowed(officer, method="post", status=302)

    point.refresh_from_db()
    assert not point.is_published
    assert ActivityEvent.objects.filter(verb=verbs.LEARNING_POINT_UNPUBLISHED).exists()


def test_list_page_filters_by_agency_and_area(client: Client, officer: User) -> None:
    agency, area = AgencyFactory.create(), AreaFactory.create()
    LearningPointFactory.create(title="For the agency here", agencies=[agency], area=area)
    LearningPointFactory.create(title="For someone else")

    response = ViewMatrix(client, reverse("learning:learning_point_list")).allowed(
        officer, data={"agency": agency.pk, "area": area.pk}
    )

    assert "For the agency here" in response.content.decode()
    assert "For someone else" not in response.content.decode()
