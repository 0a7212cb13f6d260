"""Context figures: figures about the area from published sources, each with its source,
added one at a time or imported from a CSV file (all or nothing)."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.annual_reports import forms, permissions, selectors, services
from safeguarding.annual_reports.models import ReportEdition
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Trail,
    Words,
    calls,
    form_view,
    initial_from,
)

CRUMBS = Trail("Annual reports", "annual_reports:report_index")


def _edition_crumbs(edition: ReportEdition, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return CRUMBS(
        (edition.title, reverse("annual_reports:edition_detail", args=[edition.pk])),
        ("Context figures", reverse("annual_reports:context_figure_list", args=[edition.pk])),
        *extra,
    )


def _list_url(edition: ReportEdition) -> str:
    return reverse("annual_reports:context_figure_list", args=[edition.pk])


@login_required
@require_GET
def context_figure_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    edition = permissions.get_edition_for_user_or_404(request.user, pk)
    return render(
        request,
        "annual_reports/context_figure_list.html",
        {
            "edition": edition,
            "figures": selectors.context_figure_list(edition=edition),
            "can_edit": permissions.can_edit_edition(request.user, edition)
            and edition.is_editable,
            "breadcrumbs": _edition_crumbs(edition)[:-1] + [("Context figures", "")],
        },
    )


# What the pages about an edition's context figures share: the edition fetched for writing,
# the trail and a return to the list.
edition_page = partial(
    form_view,
    fetch=partial(permissions.get_edition_for_user_or_404, write=True),
    success_url=_list_url,
    breadcrumbs=_edition_crumbs,
)

context_figure_create = edition_page(
    forms.ContextFigureForm,
    calls(services.context_figure_create, "edition"),
    Words("Add a context figure", "Add the figure"),
    result_message=lambda figure: f"“{figure.label}” has been added.",
    crumb="Add",
)


context_figure_update = form_view(
    fetch=partial(permissions.get_context_figure_for_user_or_404, write=True),
    form_class=forms.ContextFigureForm,
    initial=lambda figure: initial_from(figure, forms.ContextFigureForm),
    edits_record=True,
    save=calls(services.context_figure_update, "figure", versioned=True),
    success_message=lambda figure: f"“{figure.label}” has been saved.",
    success_url=lambda figure: _list_url(figure.edition),
    title=lambda figure: f"Change “{figure.label}”",
    submit="Save changes",
    breadcrumbs=lambda figure, crumb: _edition_crumbs(figure.edition, (figure.label, "")),
)


context_figure_import = edition_page(
    forms.ContextImportForm,
    lambda user, edition, form: services.context_figures_import(
        actor=user, edition=edition, content=form.cleaned_data["file"]
    ),
    Words("Import context figures", "Import"),
    result_message=lambda rows: f"{rows} context figures imported.",
    crumb="Import",
    intro="A figure whose key is already there is replaced. If any row has a problem, "
    "nothing is imported and every problem is listed by row and column.",
)
