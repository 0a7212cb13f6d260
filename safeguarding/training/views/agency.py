"""An agency's training page: what its safeguarding lead needs about their staff's training
(upcoming bookings, attended, did not attend, approvals waiting, this year's charges) and an
export of every booking of the agency's staff.

Form page: not used here: the page only reads (approving posts to the approvals page).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.core import exports
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.paging import page_of
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency
from safeguarding.training import permissions, selectors
from safeguarding.training.views.common import CRUMBS

EXPORT_HEADER = [
    "Session date",
    "Course",
    "Person",
    "Booking",
    "Status",
    "Attendance",
    "Charge (£)",
]


@login_required
@require_GET
def agency_training(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    agency = permissions.get_agency_training_for_user_or_404(request.user, pk)
    file_format = request.GET.get("format", "")
    if file_format in ("csv", "xlsx"):
        return _export(request, agency, file_format)
    year = ReportingYear.containing(timezone.localdate())
    show = request.GET.get("show", "")
    if show not in selectors.AGENCY_LISTS:
        show = "upcoming"
    counts = selectors.agency_booking_counts(agency=agency, start=year.start, end=year.end)
    page = page_of(
        request,
        selectors.agency_booking_list(agency=agency, show=show, start=year.start, end=year.end),
    )
    event_record_view(actor=request.user, target=agency, what="agency training")
    return render(
        request,
        "training/agency_training.html",
        {
            "agency": agency,
            "show": show,
            "show_label": selectors.AGENCY_LISTS[show],
            "lists": [(key, label, counts[key]) for key, label in selectors.AGENCY_LISTS.items()],
            "charges_pounds": f"£{counts['charges_pence'] / 100:,.2f}",
            "year": year,
            "page_obj": page,
            "query": f"show={show}",
            "breadcrumbs": CRUMBS((agency.name, "")),
        },
    )


def _export(
    request: AuthenticatedHttpRequest, agency: Agency, file_format: str
) -> StreamingHttpResponse | FileResponse:
    bookings = selectors.agency_booking_export(agency=agency)
    event_record_export(
        actor=request.user,
        what="agency training bookings",
        rows=bookings.count(),
        target=agency,
        file_format=file_format,
    )
    rows = (
        (
            timezone.localtime(booking.session.starts_at).date(),
            booking.session.course.title,
            booking.learner.display_name if booking.learner else "Not recorded",
            booking.pk,
            booking.get_status_display(),
            booking.get_attendance_display(),
            booking.charge_pence / 100,
        )
        for booking in bookings.iterator(chunk_size=500)
    )
    name = f"training-bookings-{agency.pk}-{timezone.localdate():%Y%m%d}"
    return exports.stream_response(file_format, name, EXPORT_HEADER, rows, sheet="Bookings")
