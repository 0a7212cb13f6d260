"""core.exports.export_format and stream_response: a download link's ?format= and the streamed
file it gets."""

from __future__ import annotations

import io

import pytest
from django.test import RequestFactory
from openpyxl import load_workbook

from safeguarding.core.exports import XLSX_TYPE, export_format, stream_response
from safeguarding.core.testing import response_bytes, streamed_cells


@pytest.mark.parametrize(
    ("query", "expected"),
    [("?format=xlsx", "xlsx"), ("?format=csv", "csv"), ("", "csv"), ("?format=json", "csv")],
)
def test_export_format_is_xlsx_only_when_asked_and_csv_otherwise(
    rf: RequestFactory, query: str, expected: str
) -> None:
    assert export_format(rf.get(f"/export/{query}")) == expected


def test_stream_response_streams_csv_named_with_its_ending() -> None:
    response = stream_response("csv", "reviews", ["Name"], iter([["=cmd"]]))
    assert response["Content-Disposition"] == 'attachment; filename="reviews.csv"'
    assert response["Cache-Control"] == "private, no-store"
    assert streamed_cells(response) == [["Name"], ["'=cmd"]]


def test_stream_response_streams_a_workbook_with_the_named_sheet() -> None:
    response = stream_response("xlsx", "reviews", ["Name"], iter([["A"]]), sheet="Reviews")
    assert response["Content-Type"] == XLSX_TYPE
    assert 'filename="reviews.xlsx"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    workbook = load_workbook(io.BytesIO(response_bytes(response)))
    assert workbook.sheetnames == ["Reviews"]
    assert [c.value for c in workbook["Reviews"][2]] == ["A"]
