"""core.http.file_response: a file made for the request, as a download or shown inline."""

from __future__ import annotations

from safeguarding.core.http import file_response


def test_file_response_is_a_named_download_with_its_type() -> None:
    response = file_response(
        b"BEGIN:VCALENDAR", filename="meeting-1.ics", content_type="text/calendar"
    )
    assert response["Content-Disposition"] == 'attachment; filename="meeting-1.ics"'
    assert response["Content-Type"] == "text/calendar"
    assert response.content == b"BEGIN:VCALENDAR"


def test_file_response_inline_is_shown_in_the_browser() -> None:
    response = file_response(
        b"%PDF-1.4", filename="report.pdf", content_type="application/pdf", inline=True
    )
    assert response["Content-Disposition"] == 'inline; filename="report.pdf"'
