"""Context figures: figures about the area from published sources, each with its source,
added one at a time or imported from a CSV file (all or nothing)."""

from __future__ import annotations

from functools import partial

from safeguarding.annual_reports import forms, permissions, selectors, services
from safeguarding.annual_reports.views.common import EditionList
from safeguarding.core.pages import (
    Words,
    calls,
    form_view,
    initial_from,
)

FIGURES = EditionList("Context figures", "annual_reports:context_figure_list")


context_figure_list = FIGURES.list_view(
    "annual_reports/context_figure_list.html", figures=selectors.context_figure_list
)


# What the pages about an edition's context figures share: the edition fetched for writing,
# the trail and a return to the list.
edition_page = partial(
    form_view,
    fetch=partial(permissions.get_edition_for_user_or_404, write=True),
    success_url=FIGURES.url,
    breadcrumbs=FIGURES.trail,
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
    success_url=lambda figure: FIGURES.url(figure.edition),
    title=lambda figure: f"Change “{figure.label}”",
    submit="Save changes",
    breadcrumbs=lambda figure, crumb: FIGURES.trail(figure.edition, (figure.label, "")),
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
