"""Streamed exports of the figures: CSV line by line, XLSX from a spooled file in chunks.

Every cell goes through core.exports.safe_cell, so a value starting with = + - @ is never run
as a formula by a spreadsheet.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import StreamingHttpResponse
from openpyxl import Workbook

from safeguarding.core.exports import safe_cell

CHUNK = 64 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield writer.writerow([safe_cell(h) for h in header])
        for row in rows:
            yield writer.writerow([safe_cell(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_stream(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str
) -> StreamingHttpResponse:
    def chunks() -> Iterator[bytes]:
        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(title=sheet[:31])
        worksheet.append([safe_cell(h) for h in header])
        for row in rows:
            worksheet.append([safe_cell(v) for v in row])
        with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as spool:
            workbook.save(spool)
            spool.seek(0)
            while chunk := spool.read(CHUNK):
                yield chunk

    response = StreamingHttpResponse(chunks(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
