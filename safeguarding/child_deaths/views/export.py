"""The national (NCMD) export: CDOP managers only, logged.

Form page: not used: the export is a download chosen by query parameters, with no form to save.
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseBase
from django.views.decorators.http import require_GET

from safeguarding.activity_log.services import event_record_export
from safeguarding.child_deaths import permissions, selectors
from safeguarding.core.exports import stream_response
from safeguarding.core.http import AuthenticatedHttpRequest, file_response
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear

# --- national export -----------------------------------------------------------------

EXPORT_FORMATS = ("csv", "xlsx", "json")
CHUNK = 500  # notifications fetched (with their reviews and requests) at a time


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


@login_required
@require_GET
def national_export(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The national (NCMD) export: CDOP managers only, logged.

    Form page: not used: the export is a download chosen by query parameters, with no form to save.
    """
    require(permissions.can_export_national(request.user))
    try:
        year = ReportingYear.parse(request.GET["year"]) if request.GET.get("year") else None
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    file_format = request.GET.get("format", "csv")
    if file_format not in EXPORT_FORMATS:
        file_format = "csv"
    cases = selectors.national_export_cases(user=request.user, year=year)
    event_record_export(
        actor=request.user,
        what="child_deaths.national_export",
        rows=cases.count(),
        file_format=file_format,
    )
    name = f"cdop-national-export-{year.label if year else 'all'}"
    if file_format == "json":
        body = json.dumps(
            {
                "layout": "cdop-ncmd-export-1",
                "fields": selectors.NATIONAL_EXPORT_FIELDS,
                "records": [selectors.national_export_row(c) for c in cases],
            },
            indent=2,
        )
        return file_response(body, filename=f"{name}.json", content_type="application/json")
    rows = (
        [_csv_value(row[f]) for f in selectors.NATIONAL_EXPORT_FIELDS]
        for row in map(selectors.national_export_row, cases.iterator(chunk_size=CHUNK))
    )
    return stream_response(file_format, name, selectors.NATIONAL_EXPORT_FIELDS, rows)
