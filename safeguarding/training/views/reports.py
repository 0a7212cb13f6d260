"""Reports: each agency's charge statement for non-attendance, and the annual "Training impact
on professional practice" report.

Form page: not used here: the statement's date filter is a GET form on a report (nothing is
saved).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.core import exports
from safeguarding.core.http import AuthenticatedHttpRequest, file_response
from safeguarding.core.pages import Crumb
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency
from safeguarding.training import forms, permissions, reporting, selectors
from safeguarding.training.views.common import CRUMBS, manage_crumb


@login_required
@require_GET
def statement_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_statement_list(request.user))
    agencies = selectors.agency_list_for_statements(user=request.user)
    return render(
        request,
        "training/statement_list.html",
        {
            "page_obj": page_of(request, agencies.order_by("name")),
            "breadcrumbs": CRUMBS(manage_crumb(), ("Agency statements", "")),
        },
    )


@login_required
@require_GET
def agency_statement(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Charges for non-attendance to one agency. Its lead sees only their own agency's."""
    agency = permissions.get_agency_statement_for_user_or_404(request.user, pk)
    year = ReportingYear.containing(timezone.localdate())
    form = forms.StatementFilterForm(
        request.GET if "start-day" in request.GET else None,
        initial={"start": year.start, "end": year.end},
    )
    start, end = year.start, year.end
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    statement = selectors.agency_statement(agency=agency, start=start, end=end)
    if request.GET.get("format") == "csv":
        event_record_export(
            actor=request.user,
            what="training charge statement",
            rows=statement.rows.count(),
            target=agency,
            file_format="csv",
        )
        return exports.csv_stream_response(
            f"training-statement-{agency.pk}-{start:%Y%m%d}-{end:%Y%m%d}.csv",
            ["Session date", "Course", "Booking", "Reason", "Charge (£)"],
            (
                (
                    timezone.localtime(booking.session.starts_at).date(),
                    booking.session.course.title,
                    booking.pk,
                    booking.get_attendance_display(),
                    booking.charge_pence / 100,
                )
                for booking in statement.rows.iterator(chunk_size=500)
            ),
        )
    event_record_view(actor=request.user, target=agency, what="training charge statement")
    return render(
        request,
        "training/agency_statement.html",
        {
            "form": form,
            "statement": statement,
            "page_obj": page_of(request, statement.rows),
            "query": f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
            "breadcrumbs": _statement_crumbs(request, agency),
        },
    )


def _statement_crumbs(request: AuthenticatedHttpRequest, agency: Agency) -> list[Crumb]:
    """Staff come from the statements list; an agency's lead from their agency's page."""
    if permissions.can_view_training_people(request.user):
        return CRUMBS(
            manage_crumb(),
            ("Agency statements", reverse("training:statement_list")),
            (agency.name, ""),
        )
    return CRUMBS(
        (agency.name, reverse("training:agency_training", args=[agency.pk])),
        ("Charge statement", ""),
    )


def _year_or_404(label: str) -> ReportingYear:
    try:
        return ReportingYear.parse(label)
    except ValueError as exc:
        raise Http404 from exc


@login_required
@require_GET
def impact_report(request: AuthenticatedHttpRequest, year: str) -> HttpResponse:
    """The annual "Training impact on professional practice" report: figures and quotes."""
    require(permissions.can_view_training_management(request.user))
    reporting_year = _year_or_404(year)
    context = {
        "figures": reporting.report_figures(reporting_year),
        "year": reporting_year,
        "generated_on": timezone.localdate(),
    }
    if request.GET.get("format") == "pdf":
        from weasyprint import HTML

        html = render_to_string("training/impact_report_pdf.html", context)
        event_record_export(
            actor=request.user, what="training impact report", rows=1, file_format="pdf"
        )
        return file_response(
            HTML(string=html).write_pdf(),
            filename=f"training-impact-{reporting_year.label}.pdf",
            content_type="application/pdf",
        )
    context["breadcrumbs"] = CRUMBS(
        manage_crumb(), (f"Training impact {reporting_year.label}", "")
    )
    return render(request, "training/impact_report.html", context)
