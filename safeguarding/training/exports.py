"""Training's streamed exports: CSV written a row at a time to the response, XLSX written to a
temporary file and sent in chunks, so a large partnership's export never sits in memory as
one string. Cells go through core.exports.safe_cell (formulas neutralised, numbers kept)."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook

from safeguarding.core.exports import safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_stream(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_stream(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "Data"
) -> FileResponse:
    """A write-only workbook (rows are not kept in memory) saved to a temporary file, which
    the response then sends in chunks and closes (deleting it)."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=sheet[:31])
    worksheet.append([safe_cell(cell) for cell in header])
    for row in rows:
        worksheet.append([safe_cell(cell) for cell in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the FileResponse
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
