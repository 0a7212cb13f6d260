"""Dates are shown as 24 December 2026 and 9:40am; numbers with thousands separators."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import reporting, services
from safeguarding.child_deaths.tests.factories import notification_make
from safeguarding.core.years import ReportingYear

pytestmark = pytest.mark.django_db


def test_archived_date_and_time_in_govuk_style(
    client: Client, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    case = notification_make()
    with time_machine.travel(dt.datetime(2026, 12, 24, 9, 40, tzinfo=dt.UTC), tick=False):
        services.notification_archive(actor=manager, notification=case, reason="In error")
    client.force_login(manager)
    body = client.get(reverse("child_deaths:notification_detail", args=[case.pk])).content
    assert "Archived on 24 December 2026 at 9:40am" in body.decode()


def test_report_figures_have_thousands_separators() -> None:
    figures = dataclasses.replace(
        reporting.figures_for_year(ReportingYear.parse("2020-21")), notified=1234
    )
    html = render_to_string("child_deaths/report_section.html", {"figures": figures})
    assert "the deaths of 1,234 children" in html
