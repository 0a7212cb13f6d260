"""De-identified figures for anyone with a role, and national comparators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.child_deaths import forms, permissions, reporting, selectors, services
from safeguarding.child_deaths.views.common import (
    _GET_POST,
    _crumbs,
    _form_page,
    _year,
)
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require

# --- figures -------------------------------------------------------------------------


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """De-identified figures for a reporting year: anyone with a role."""
    require(permissions.can_view_figures(request.user))
    year, year_error = _year(request)
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


@login_required
@require_http_methods(_GET_POST)
def comparator_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_figures(request.user))
    require(permissions.can_manage_child_deaths(request.user), write_attempt=True)
    form = forms.ComparatorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comparator_save(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The national figure has been saved.")
            year = form.cleaned_data["reporting_year"]
            return redirect(f"{reverse('child_deaths:dashboard')}?year={year}")
    return _form_page(
        request,
        form,
        title="Enter a national comparator",
        submit="Save national figure",
        breadcrumbs=_crumbs(("National comparator", "")),
    )
