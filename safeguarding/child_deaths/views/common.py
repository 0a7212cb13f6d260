"""Helpers shared by the child death pages: breadcrumbs, form pages, errors, the year."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.years import ReportingYear

_GET_POST = ["GET", "POST"]
FORM_PAGE = "child_deaths/form_page.html"


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Home", reverse("core:home")),
        ("Child deaths", reverse("child_deaths:dashboard")),
        *extra,
    ]


def _case_crumbs(case: ChildDeathNotification, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return _crumbs(
        ("Cases", reverse("child_deaths:notification_list")),
        (case.reference, reverse("child_deaths:notification_detail", args=[case.pk])),
        *extra,
    )


def _year(request: AuthenticatedHttpRequest) -> tuple[ReportingYear, str]:
    """The reporting year asked for, or the default one with the reason the asked one was not
    understood."""
    from safeguarding.child_deaths import selectors

    asked = request.GET.get("year", "").strip()
    if asked:
        try:
            return ReportingYear.parse(asked), ""
        except ValueError as exc:
            return selectors.default_reporting_year(), str(exc)
    return selectors.default_reporting_year(), ""


def _form_page(
    request: AuthenticatedHttpRequest, form: Form, *, title: str, submit: str, **extra: Any
) -> HttpResponse:
    return render(request, FORM_PAGE, {"form": form, "title": title, "submit": submit, **extra})
