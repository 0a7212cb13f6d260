"""The computed report of a reporting year as a page and as a downloadable file, and the
list of editions.

Form page: not used: these pages only read.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.activity_log.services import event_record_export
from safeguarding.annual_reports import permissions, selectors
from safeguarding.annual_reports.rendering import annual_report_html
from safeguarding.annual_reports.views.common import CRUMBS
from safeguarding.core.http import AuthenticatedHttpRequest, file_response
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear, reporting_year_or_404


@login_required
@require_GET
def report_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_annual_report(request.user))
    latest = ReportingYear.containing(timezone.localdate()).previous
    years = [ReportingYear(y) for y in range(latest.start_year, 2017, -1)]
    return render(
        request,
        "annual_reports/report_index.html",
        {
            "years": years,
            "editions": selectors.edition_list(),
            "can_manage": permissions.can_manage_annual_report(request.user),
            "breadcrumbs": [("Home", reverse("core:home")), ("Annual reports", "")],
        },
    )


@login_required
@require_GET
def report_detail(request: AuthenticatedHttpRequest, year: str) -> HttpResponse:
    require(permissions.can_view_annual_report(request.user))
    report = selectors.annual_report_build(year=reporting_year_or_404(year))
    return render(
        request,
        "annual_reports/report_detail.html",
        {"report": report, "breadcrumbs": CRUMBS((report.year.label, ""))},
    )


@login_required
@require_GET
def report_download(request: AuthenticatedHttpRequest, year: str) -> HttpResponse:
    require(permissions.can_view_annual_report(request.user))
    report = selectors.annual_report_build(year=reporting_year_or_404(year))
    html = annual_report_html(report)
    event_record_export(
        actor=request.user,
        what=f"annual report {report.year.label}",
        rows=len(report.sections),
        file_format="html",
    )
    return file_response(
        html,
        filename=f"annual-report-{report.year.label}.html",
        content_type="text/html; charset=utf-8",
    )
