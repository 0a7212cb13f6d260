"""Streamed downloads of case review lists: rows are written as they are read, so a long list
never sits in memory whole. Every cell goes through core.exports.safe_cell (a value starting
with = + - @ is neutralised, so a spreadsheet never runs it as a formula)."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import FileResponse, StreamingHttpResponse

from safeguarding.core.exports import safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Line:
    """A file-like object whose write() hands the line back (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_stream_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_stream_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str
) -> FileResponse:
    """The workbook is written row by row (openpyxl's write-only mode) to a temporary file,
    which is then streamed in chunks."""
    from openpyxl import Workbook  # on the first export, not with the views (core.exports)

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=sheet[:31])
    worksheet.append([safe_cell(cell) for cell in header])
    for row in rows:
        worksheet.append([safe_cell(cell) for cell in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse
    workbook.save(spool)
    spool.seek(0)
    response = FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response
