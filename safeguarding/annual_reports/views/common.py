"""What the annual report's pages share: the trail, an edition's crumbs, and the lists kept
under an edition (context figures, contributions, the scrutineer's report)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.annual_reports import permissions
from safeguarding.annual_reports.models import ReportEdition
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, Trail

CRUMBS = Trail("Annual reports", "annual_reports:report_index")


class EditionSelector(Protocol):
    def __call__(self, *, edition: ReportEdition) -> Any: ...


def edition_crumbs(edition: ReportEdition, *extra: Crumb) -> list[Crumb]:
    """Home > Annual reports > the edition > `extra`."""
    return CRUMBS(
        (edition.title, reverse("annual_reports:edition_detail", args=[edition.pk])), *extra
    )


class EditionList:
    """A list of records kept under an edition, with its own page (`url_name`, taking the
    edition's pk) and a crumb (`label`) between the edition and its records' pages."""

    def __init__(self, label: str, url_name: str) -> None:
        self.label = label
        self.url_name = url_name

    def url(self, edition: ReportEdition) -> str:
        return reverse(self.url_name, args=[edition.pk])

    def trail(self, edition: ReportEdition, *extra: Crumb) -> list[Crumb]:
        """Home > Annual reports > the edition > this list > `extra`."""
        return edition_crumbs(edition, (self.label, self.url(edition)), *extra)

    def list_view(
        self, template: str, **records: EditionSelector
    ) -> Callable[[AuthenticatedHttpRequest, int], HttpResponse]:
        """The list's page, declared: the edition (readers see it too), each of `records`
        (a name in the template: the selector that lists them), whether the person may change
        them (`can_edit`) and the crumbs."""

        @login_required
        @require_GET
        def view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
            edition = permissions.get_edition_for_user_or_404(request.user, pk)
            return render(
                request,
                template,
                {
                    "edition": edition,
                    **{name: selector(edition=edition) for name, selector in records.items()},
                    "can_edit": permissions.can_edit_edition(request.user, edition)
                    and edition.is_editable,
                    "breadcrumbs": edition_crumbs(edition, (self.label, "")),
                },
            )

        return view
