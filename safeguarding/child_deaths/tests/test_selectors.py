"""Selectors: the de-identified open-case summary, and lists that do not grow queries with rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import selectors, services
from safeguarding.child_deaths.tests.factories import notification_make

pytestmark = pytest.mark.django_db


def test_open_case_summary_counts_by_age_and_delay() -> None:
    today = date(2021, 3, 31)
    recent = notification_make(date_of_death=date(2021, 1, 1))
    middle = notification_make(date_of_death=date(2020, 6, 1))
    notification_make(date_of_death=date(2019, 12, 1))
    notification_make(
        date_of_death=date(2019, 1, 1),
        residence_area=None,
        home_area_name="Elsewhere",
        reviewed_by_this_panel=False,
    )
    for case in (recent, middle):
        services.notification_delay_update(
            actor=None, notification=case, expected_version=None, delay_reason="inquest"
        )
    summary = selectors.open_case_summary(today=today)
    assert summary.total == 3
    assert summary.by_age == [("Under 6 months", 1), ("6 to 12 months", 1), ("Over 12 months", 1)]
    assert summary.by_delay == [("No reason recorded", 1), ("Awaiting inquest", 2)]


def test_case_list_queries_do_not_grow_with_cases(
    client: Client, make_user: Callable[..., User], django_assert_max_num_queries: Any
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    client.force_login(manager)
    notification_make()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("child_deaths:notification_list"))
    for _ in range(5):
        notification_make()
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("child_deaths:notification_list"))
    assert response.content.decode().count(">CDOP-2020-") == 6


def test_dashboard_draws_charts_with_the_table_figures(
    client: Client, make_user: Callable[..., User]
) -> None:
    notification_make(date_of_death=date(2020, 6, 1))
    client.force_login(make_user(Role.BOARD_MEMBER))
    body = client.get(reverse("child_deaths:dashboard") + "?year=2020-21").content.decode()
    assert body.count('role="img"') == 1  # no reviews completed: only the age chart
    assert "Deaths notified in 2020-21 by age at death" in body
    assert "1 to 4 years: 1 (100%)" in body
