"""CSV and XLSX exports that are safe to open in a spreadsheet.

Cells beginning with = + - @ (or tab / carriage return) are prefixed with an apostrophe so a
spreadsheet never runs them as formulas (OWASP CSV injection). Numbers stay numbers.
Callers must fetch rows through a selector scoped to the user and record an activity-log event.

`csv_stream_response` / `xlsx_stream_response` stream: rows come from a generator (iterate a
queryset with `.iterator()`), CSV is sent line by line, XLSX is written by openpyxl's write-only
workbook to a temporary file on disk and sent in chunks, so neither holds the export in memory.
New exports use them; `csv_response` / `xlsx_response` remain for small, bounded tables.
A download link asks for its format with `?format=xlsx` (`export_format(request)`: CSV unless
it says so), and `stream_response(file_format, name, header, rows)` sends the one it asked for.

Every export is sent with `Cache-Control: private, no-store`: its rows are sensitive, so no
browser or proxy keeps a copy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from tempfile import SpooledTemporaryFile
from typing import TYPE_CHECKING, Any, TypeVar

from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)

if TYPE_CHECKING:
    from openpyxl import Workbook

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
R = TypeVar("R", bound=HttpResponseBase)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _private(response: R) -> R:
    """The export as a download that no browser or shared cache keeps (its rows are sensitive)."""
    response["Cache-Control"] = "private, no-store"
    return response


def safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    if text.startswith(_DANGEROUS):
        return "'" + text
    return text


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


def _workbook() -> Workbook:
    """A write-only openpyxl workbook. openpyxl is imported here, on the first export, not when
    the views that offer exports are imported (60 ms of every web process's first request)."""
    from openpyxl import Workbook

    return Workbook(write_only=True)


def xlsx_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "Data"
) -> HttpResponse:
    workbook = _workbook()
    worksheet = workbook.create_sheet(title=sheet[:31])
    worksheet.append([safe_cell(h) for h in header])
    for row in rows:
        worksheet.append([safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


class _Echo:
    """A file-like object whose write() hands back the line: csv.writer into a generator."""

    def write(self, value: str) -> str:
        return value


def csv_stream_rows(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        yield writer.writerow([safe_cell(v) for v in row])


def csv_stream_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """A CSV export sent row by row as `rows` is consumed (a generator response)."""
    response = StreamingHttpResponse(
        csv_stream_rows(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


def xlsx_stream_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "Data"
) -> FileResponse:
    """An XLSX export written row by row to a temporary file (in memory only while small) and
    streamed from it in chunks."""
    workbook = _workbook()
    worksheet = workbook.create_sheet(title=sheet[:31])
    worksheet.append([safe_cell(h) for h in header])
    for row in rows:
        worksheet.append([safe_cell(v) for v in row])
    spool = SpooledTemporaryFile(max_size=2 * 1024 * 1024)  # noqa: SIM115 (FileResponse closes it)
    workbook.save(spool)
    spool.seek(0)
    return _private(
        FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
    )


def export_format(request: HttpRequest) -> str:
    """The format a download link asks for: "xlsx" for `?format=xlsx`, otherwise "csv"."""
    return "xlsx" if request.GET.get("format") == "xlsx" else "csv"


def stream_response(
    file_format: str,
    name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "Data",
) -> StreamingHttpResponse:
    """The export streamed as `<name>.xlsx` (a workbook whose one sheet is `sheet`) when
    `file_format` is "xlsx", otherwise as `<name>.csv`."""
    if file_format == "xlsx":
        return xlsx_stream_response(f"{name}.xlsx", header, rows, sheet=sheet)
    return csv_stream_response(f"{name}.csv", header, rows)
