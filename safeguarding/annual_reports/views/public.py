"""The public pages of published versions: anyone may read them without signing in (the
partnership publishes its yearly report). Only frozen versions are shown here, never a draft.

Form page: not used: these pages only read.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.annual_reports import permissions, selectors
from safeguarding.annual_reports.models import PublishedVersion
from safeguarding.annual_reports.pdf import version_pdf
from safeguarding.core.http import file_response, public
from safeguarding.core.pages import Trail


def _version(year: str, number: int | None) -> PublishedVersion:
    try:
        return selectors.published_version_get(year_label=year, number=number)
    except PublishedVersion.DoesNotExist as exc:
        raise Http404 from exc


CRUMBS = Trail("Published reports", "published_reports:published_list")


@public
@require_GET
def published_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "published_reports/published_list.html",
        {
            "published": selectors.published_edition_list(),
            "breadcrumbs": [("Home", reverse("core:home")), ("Published reports", "")],
        },
    )


def _figure_links(request: HttpRequest, version: PublishedVersion) -> list[dict[str, str]]:
    """For signed-in readers of the report (staff and partners): each figure of the version
    with a link to its definition (and from there to its records). Visitors see none."""
    user = request.user
    if not (user.is_authenticated and permissions.can_view_annual_report(user)):
        return []
    return [
        {
            "key": key,
            "label": item.get("label", key),
            "text": item.get("text", ""),
            "url": reverse("annual_reports:figure_detail", args=[version.edition.year_label, key]),
        }
        for key, item in sorted(version.figures.items())
    ]


def _version_page(request: HttpRequest, version: PublishedVersion) -> HttpResponse:
    return render(
        request,
        "published_reports/version_detail.html",
        {
            "version": version,
            "edition": version.edition,
            "versions": selectors.version_list(edition=version.edition),
            "figure_links": _figure_links(request, version),
            "breadcrumbs": CRUMBS((version.title, "")),
        },
    )


@public
@require_GET
def published_latest(request: HttpRequest, year: str) -> HttpResponse:
    return _version_page(request, _version(year, None))


@public
@require_GET
def published_version(request: HttpRequest, year: str, number: int) -> HttpResponse:
    return _version_page(request, _version(year, number))


@public
@require_GET
def published_pdf(request: HttpRequest, year: str, number: int) -> HttpResponse:
    version = _version(year, number)
    pdf = version_pdf(
        version=version,
        partnership_name=settings.PARTNERSHIP_NAME,
        base_url=request.build_absolute_uri("/"),
    )
    return file_response(
        pdf,
        filename=f"annual-report-{year}-version-{version.number}.pdf",
        content_type="application/pdf",
        inline=True,
    )


@public
@require_GET
def published_young_people(request: HttpRequest, year: str, number: int) -> HttpResponse:
    version = _version(year, number)
    if not version.young_people_html:
        raise Http404
    return render(
        request,
        "published_reports/young_people.html",
        {
            "version": version,
            "breadcrumbs": CRUMBS(
                (
                    version.title,
                    reverse("published_reports:published_version", args=[year, version.number]),
                ),
                ("For children and young people", ""),
            ),
        },
    )
