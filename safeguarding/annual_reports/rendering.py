"""Rendering a report to a standalone HTML document (the command line and downloads)."""

from __future__ import annotations

from django.template.loader import render_to_string

from safeguarding.annual_reports.selectors import AnnualReport


def annual_report_html(report: AnnualReport) -> str:
    return render_to_string("annual_reports/report_file.html", {"report": report})
