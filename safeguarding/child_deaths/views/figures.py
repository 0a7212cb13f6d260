"""De-identified figures for anyone with a role, and national comparators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.child_deaths import forms, permissions, reporting, selectors, services
from safeguarding.child_deaths.models import NationalComparator
from safeguarding.child_deaths.views.common import CRUMBS, reporting_year_asked
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, form_page
from safeguarding.core.permissions import require


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """De-identified figures for a reporting year: anyone with a role."""
    require(permissions.can_view_figures(request.user))
    year, year_error = reporting_year_asked(request)
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


@login_required
@require_http_methods(GET_POST)
def comparator_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_figures(request.user))
    require(permissions.can_manage_child_deaths(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.ComparatorForm,
        save=lambda form: services.comparator_save(actor=request.user, **form.cleaned_data),
        success_message="The national figure has been saved.",
        success_url=_dashboard_for_year,
        title="Enter a national comparator",
        submit="Save national figure",
        breadcrumbs=CRUMBS(("National comparator", "")),
    )
