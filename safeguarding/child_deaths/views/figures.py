"""De-identified figures for anyone with a role, and national comparators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.child_deaths import forms, permissions, reporting, selectors, services
from safeguarding.child_deaths.models import NationalComparator
from safeguarding.child_deaths.views.common import CRUMBS
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import create_view
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _reporting_year_asked(request: AuthenticatedHttpRequest) -> tuple[ReportingYear, str]:
    """The reporting year asked for, or the default one with the reason the asked one was not
    understood."""
    asked = request.GET.get("year", "").strip()
    if asked:
        try:
            return ReportingYear.parse(asked), ""
        except ValueError as exc:
            return selectors.default_reporting_year(), str(exc)
    return selectors.default_reporting_year(), ""


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """De-identified figures for a reporting year: anyone with a role."""
    require(permissions.can_view_figures(request.user))
    year, year_error = _reporting_year_asked(request)
    figures = reporting.figures_for_year(year)
    return render(
        request,
        "child_deaths/dashboard.html",
        {
            "year": year,
            "year_error": year_error,
            "figures": figures,
            "timeliness_chart": bar_chart(
                key="timeliness",
                title=f"Reviews completed in {year.label} by time from death to completed review",
                figures=[Figure(c.label, c.count, c.percent) for c in figures.timeliness],
                columns=("Time taken", "Reviews"),
                percent_column="Per cent",
                caption="The figures in the chart: time to a completed review",
                caption_style="hidden",
            ),
            "age_chart": bar_chart(
                key="ages",
                title=f"Deaths notified in {year.label} by age at death",
                figures=[
                    Figure(c.label, c.count, c.percent)
                    for c in figures.by_age_band
                    if c.label != "Under 1 year (total)"
                ],
                columns=("Age at death", "Deaths"),
                percent_column="Per cent",
                caption="The figures in the chart: age at death",
                caption_style="hidden",
            ),
            "open_summary": selectors.open_case_summary(),
            "can_view_cases": permissions.can_view_cases(request.user),
            "can_view_requests": permissions.can_view_requests(request.user),
            "can_manage": permissions.can_manage_child_deaths(request.user),
            "breadcrumbs": [("Home", reverse("core:home")), ("Child deaths", "")],
        },
    )


def _dashboard_for_year(comparator: NationalComparator) -> str:
    return f"{reverse('child_deaths:dashboard')}?year={comparator.reporting_year}"


def _may_enter_comparators(user: User) -> None:
    require(permissions.can_view_figures(user))
    require(permissions.can_manage_child_deaths(user), write_attempt=True)


comparator_create = create_view(
    check=_may_enter_comparators,
    form_class=forms.ComparatorForm,
    save=lambda user, form: services.comparator_save(actor=user, **form.cleaned_data),
    success_message="The national figure has been saved.",
    success_url=_dashboard_for_year,
    title="Enter a national comparator",
    submit="Save national figure",
    breadcrumbs=lambda: CRUMBS(("National comparator", "")),
)
