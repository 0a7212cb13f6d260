"""What the child death pages share: the breadcrumb trail and the reporting year asked for."""

from __future__ import annotations

from django.urls import reverse

from safeguarding.child_deaths import selectors
from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, Trail
from safeguarding.core.years import ReportingYear

CRUMBS = Trail("Child deaths", "child_deaths:dashboard")


def case_crumbs(case: ChildDeathNotification, *extra: Crumb) -> list[Crumb]:
    """Home > Child deaths > Cases > the case > whatever the page adds."""
    return CRUMBS(
        ("Cases", reverse("child_deaths:notification_list")),
        (case.reference, reverse("child_deaths:notification_detail", args=[case.pk])),
        *extra,
    )


def reporting_year_asked(request: AuthenticatedHttpRequest) -> tuple[ReportingYear, str]:
    """The reporting year asked for, or the default one with the reason the asked one was not
    understood."""
    asked = request.GET.get("year", "").strip()
    if asked:
        try:
            return ReportingYear.parse(asked), ""
        except ValueError as exc:
            return selectors.default_reporting_year(), str(exc)
    return selectors.default_reporting_year(), ""
