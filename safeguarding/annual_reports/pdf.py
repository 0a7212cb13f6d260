"""The PDF of a published version (WeasyPrint), tagged for accessibility: PDF/UA-1 (document
language, title, structure tags for headings, tables and lists, alt texts), a contents page and
page numbers from CSS @page counters."""

from __future__ import annotations

from django.template.loader import render_to_string

from safeguarding.annual_reports.models import PublishedVersion


def version_pdf(*, version: PublishedVersion, partnership_name: str, base_url: str) -> bytes:
    # WeasyPrint is imported on the first PDF, not with the views that import this module: it
    # took 350 ms of every web process's first request (its font libraries).
    from weasyprint import HTML

    html = render_to_string(
        "published_reports/version_pdf.html",
        {"version": version, "edition": version.edition, "partnership_name": partnership_name},
    )
    document = HTML(string=html, base_url=base_url)
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf
