"""Figure provenance: a figure's definition, and the list of records it counts.

Form page: not used: these pages only read. Viewing a record list is logged.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record
from safeguarding.annual_reports import permissions, provenance, verbs
from safeguarding.annual_reports.views.common import CRUMBS
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require
from safeguarding.core.years import reporting_year_or_404


@login_required
@require_GET
def figure_detail(request: AuthenticatedHttpRequest, year: str, key: str) -> HttpResponse:
    require(permissions.can_view_annual_report(request.user))
    try:
        definition = provenance.figure_definition_get(year=reporting_year_or_404(year), key=key)
    except KeyError as exc:
        raise Http404 from exc
    records = definition.records
    return render(
        request,
        "annual_reports/figure_detail.html",
        {
            "definition": definition,
            "figure": definition.figure,
            "may_see_records": records is not None and records.allowed(request.user),
            "may_see_exact": provenance.may_see_exact(request.user, definition.figure),
            "records_url": definition.figure.provenance_path(definition.year),
            "breadcrumbs": CRUMBS((f"{definition.figure.label}, {year}", "")),
        },
    )


@login_required
@require_GET
def figure_records(request: AuthenticatedHttpRequest, year: str, key: str) -> HttpResponse:
    """The records a figure counts, as the module lets this viewer see them (404 for anyone
    the module does not let see its records)."""
    require(permissions.can_view_annual_report(request.user))
    reporting_year = reporting_year_or_404(year)
    try:
        records = provenance.figure_record_list_get(key=key)
    except KeyError as exc:
        raise Http404 from exc
    require(records.allowed(request.user))
    result = provenance.figure_records_for_user(
        user=request.user, year=reporting_year, records=records, page=request.GET.get("page")
    )
    event_record(
        actor=request.user,
        verb=verbs.FIGURE_RECORDS_VIEWED,
        data={
            "figure": key,
            "year": reporting_year.label,
            "page": result.page.number,
            "shown": len(result.rows),
            "visible": result.visible,
            "total": result.total,
        },
        kind=ActivityEvent.Kind.VIEW,
    )
    figure = provenance.STATIC[key]
    definition_url = figure.definition_path(reporting_year)
    return render(
        request,
        "annual_reports/figure_records.html",
        {
            "figure": figure,
            "year": reporting_year,
            "records": records,
            "result": result,
            "page_obj": result.page,
            "breadcrumbs": CRUMBS(
                (f"{figure.label}, {year}", definition_url),
                ("Records", ""),
            ),
        },
    )
