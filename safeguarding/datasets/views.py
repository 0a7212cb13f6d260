"""Pages for safeguarding data: figures, definitions, exports, imports and populations.

Form page: not used for the figures' pages and the export (GET filters by year), the import's
page (a report of the check) and its progress (JSON).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.core import exports
from safeguarding.core.buttons import button_post
from safeguarding.core.charts import Series, line_chart
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Crumb,
    Trail,
    calls,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, forms, permissions, selectors, services
from safeguarding.datasets.models import ImportBatch, Population

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Safeguarding data", "datasets:dashboard")
PAGE_SIZE = 50


def _year(request: AuthenticatedHttpRequest) -> tuple[ReportingYear, list[ReportingYear]]:
    year, years = _year_and_years(request)
    return year, years.available


def _year_and_years(request: AuthenticatedHttpRequest) -> tuple[ReportingYear, selectors.Years]:
    """The year asked for, if the person may see it; otherwise the latest complete year."""
    years = selectors.years_for_user(user=request.user)
    try:
        chosen = ReportingYear.parse(request.GET.get("year", ""))
    except ValueError:
        return years.default, years
    if chosen not in years.available and not permissions.can_see_incomplete_years(request.user):
        return years.default, years
    return chosen, years


def _trend(grid: selectors.Grid) -> list[dict[str, object]]:
    labels = [y.label for y in grid.years]
    out = []
    for figure in figures.REPORT_FIGURES:
        series = [
            Series(c.label, [grid.cell(figure.key, c.key, y).value for y in grid.years])
            for c in grid.columns
        ]
        out.append(
            {
                "figure": figure,
                "chart": line_chart(
                    key=f"trend-{figure.key}",
                    title=f"{figure.label} by year: {', '.join(c.label for c in grid.columns)}",
                    labels=labels,
                    series=series,
                    label_column="Year",
                    caption=f"{figure.label} by year (the figures in the chart)",
                ),
            }
        )
    return out


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_figures(request.user))
    year, known = _year_and_years(request)
    available = known.available
    years = sorted({*available, year, year.previous})
    grid = selectors.figures_grid(user=request.user, years=years)
    return render(
        request,
        "datasets/dashboard.html",
        {
            "year": year,
            "available": available,
            "incomplete": year in available and year not in known.complete,
            "grid": grid,
            "figure_list": figures.FIGURES,
            "trend": _trend(grid),
            "can_import": permissions.can_import(request.user),
            "breadcrumbs": [*CRUMBS()[:-1], ("Safeguarding data", "")],
        },
    )


@login_required
@require_GET
def area_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    area = permissions.get_area_for_user_or_404(request.user, pk)
    year, available = _year(request)
    grid = selectors.figures_grid(
        user=request.user, years=sorted({*available, year, year.previous})
    )
    by_quarter = selectors.quarters_table(grid=grid, year=year)
    quarters = {f.key: by_quarter[(f.key, area.pk)] for f in figures.FIGURES if f.by_quarter}
    return render(
        request,
        "datasets/area_detail.html",
        {
            "area": area,
            "year": year,
            "available": available,
            "grid": grid,
            "figure_list": figures.FIGURES,
            "quarters": quarters,
            "quarter_figures": [f for f in figures.FIGURES if f.by_quarter],
            "comparisons": selectors.comparison_lines(grid=grid, year=year, area_pks=[area.pk]),
            "breadcrumbs": CRUMBS((area.name, "")),
        },
    )


@login_required
@require_GET
def definitions(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_figures(request.user))
    return render(
        request,
        "datasets/definitions.html",
        {
            "figure_list": figures.FIGURES,
            "families": figures.FAMILIES,
            "breadcrumbs": CRUMBS(("Definitions", "")),
        },
    )


@login_required
@require_GET
def figures_export(request: AuthenticatedHttpRequest) -> StreamingHttpResponse:
    require(permissions.can_view_figures(request.user))
    year, available = _year(request)
    years = sorted({*available, year})
    grid = selectors.figures_grid(user=request.user, years=years)
    header = ["Year", "Area", "Figure", "Count", "Rate per 10,000", "Source", "Population"]
    rows = (
        [
            y.label,
            column.label,
            figure.label,
            grid.cell(figure.key, column.key, y).value,
            grid.cell(figure.key, column.key, y).rate,
            grid.cell(figure.key, column.key, y).source,
            grid.populations.get((column.key, y.start_year)),
        ]
        for y in years
        for column in grid.columns
        for figure in figures.FIGURES
    )
    file_format = exports.export_format(request)
    event_record_export(
        actor=request.user,
        what="safeguarding figures" + (" (exact)" if grid.exact else " (suppressed)"),
        rows=len(years) * len(grid.columns) * len(figures.FIGURES),
        file_format=file_format,
    )
    return exports.stream_response(
        file_format, "safeguarding-figures", header, rows, sheet="Figures"
    )


# --- imports -------------------------------------------------------------------------


def _may_import(user: User) -> None:
    """Imports' and populations' pages: 404 without the figures, 403 for those who may not
    import for any area."""
    require(permissions.can_view_figures(user))
    require(permissions.can_import(user), write_attempt=True)


@login_required
@require_GET
def import_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _may_import(request.user)
    return render(
        request,
        "datasets/import_list.html",
        {
            "page_obj": page_of(
                request,
                selectors.import_batch_list_for_user(user=request.user),
                per_page=PAGE_SIZE,
            ),
            "breadcrumbs": CRUMBS(("Imports", "")),
        },
    )


# The form offers the areas this user may import for.
import_create = create_view(
    check=_may_import,
    form_class=forms.ImportForm,
    form_kwargs=lambda user: {"areas": permissions.importable_areas(user)},
    save=lambda user, form: services.import_submit(
        actor=user,
        area=form.cleaned_data["area"],
        period_start=form.cleaned_data["period"][0],
        period_end=form.cleaned_data["period"][1],
        files=form.cleaned_data["return_files"],
    ),
    success_url=lambda batch: reverse("datasets:import_detail", args=[batch.pk]),
    title="Import a return",
    intro=(
        "The file is read, checked and then deleted: only what the figures need is kept "
        "(child identifiers are replaced by a code, dates of birth by the month and year; "
        "names, postcodes and workers are not stored)."
    ),
    submit="Import",
    breadcrumbs=lambda: CRUMBS(
        ("Imports", reverse("datasets:import_list")), ("Import a return", "")
    ),
)


@login_required
@require_GET
def import_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    batch = permissions.get_import_batch_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=batch, what="import result")
    return render(
        request,
        "datasets/import_detail.html",
        {
            "batch": batch,
            "changed": [d for d in batch.differences if d.get("changed")],
            "breadcrumbs": CRUMBS(
                ("Imports", reverse("datasets:import_list")), (f"Import {batch.pk}", "")
            ),
        },
    )


@login_required
@require_GET
def import_status(request: AuthenticatedHttpRequest, pk: int) -> JsonResponse:
    batch = permissions.get_import_batch_for_user_or_404(request.user, pk)
    return JsonResponse(
        {
            "status": batch.status,
            "finished": batch.is_finished,
            "percent": batch.progress_percent,
            "rows_done": batch.rows_done,
            "rows_total": batch.rows_total,
        }
    )


def _import_url(batch: ImportBatch) -> str:
    return reverse("datasets:import_detail", args=[batch.pk])


def _import_crumbs(batch: ImportBatch, crumb: Crumb) -> list[Crumb]:
    """Imports > the import > the page's own crumb."""
    return CRUMBS(
        ("Imports", reverse("datasets:import_list")),
        (f"Import {batch.pk}", _import_url(batch)),
        crumb,
    )


def _approving(batch: ImportBatch) -> bool:
    return batch.status == ImportBatch.Status.AWAITING_APPROVAL


def _confirmed_message(done: ImportBatch) -> str:
    if done.status == ImportBatch.Status.CURRENT:
        return "The import is now in use for the figures."
    return "Your check is recorded: a second person must now approve the import."


# The confirmation step: put a checked import in use (or approve it). Its title, button and
# crumb follow the import's state, its message what was done.
import_confirm = form_view(
    forms.ImportConfirmForm,
    lambda user, batch, form: services.import_batch_confirm(
        actor=user,
        batch=batch,
        warnings_checked=bool(form.cleaned_data.get("warnings_checked")),
    ),
    fetch=partial(permissions.get_import_batch_for_user_or_404, write=True),
    form_kwargs=lambda user, batch: {"has_warnings": bool(batch.warnings)},
    result_message=_confirmed_message,
    success_url=_import_url,
    title=lambda batch: (
        f"Approve import {batch.pk}" if _approving(batch) else f"Put import {batch.pk} in use"
    ),
    crumb=lambda batch: "Approve" if _approving(batch) else "Put in use",
    caption=lambda batch: f"{batch.area.name}, {batch.get_kind_display()}",
    intro=(
        "Its figures replace the figures in use for this area and period on every page, "
        "export and report. You can withdraw it later."
    ),
    submit=lambda batch: (
        "Approve and put in use" if _approving(batch) else "Put the import in use"
    ),
    template="datasets/import_confirm.html",
    context=lambda user, batch: {"batch": batch},
    breadcrumbs=_import_crumbs,
)


import_withdraw = form_view(
    forms.ImportWithdrawForm,
    calls(services.import_batch_withdraw, "batch"),
    fetch=partial(permissions.get_import_batch_for_user_or_404, write=True),
    title=lambda batch: f"Withdraw import {batch.pk}",
    crumb="Withdraw",
    caption=lambda batch: f"{batch.area.name}, {batch.get_kind_display()}",
    intro=lambda batch: (
        "Its figures stop being used at once"
        + (
            f"; import {batch.replaces_id}, which it replaced, is used again."
            if batch.replaces_id
            else "."
        )
    ),
    submit="Withdraw the import",
    success_message=lambda batch: (
        "The import is withdrawn"
        + (f": import {batch.replaces_id} is in use again." if batch.replaces_id else ".")
    ),
    success_url=_import_url,
    breadcrumbs=_import_crumbs,
)


@login_required
@require_POST
def import_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    batch = permissions.get_import_batch_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.import_batch_cancel(actor=request.user, batch=batch),
        done="The import was cancelled and nothing from it is kept.",
        to=reverse("datasets:import_detail", args=[batch.pk]),
    )


# --- populations ---------------------------------------------------------------------


# The form heads a page of the list, and offers the areas this user may import for.
population_list = create_view(
    check=_may_import,
    form_class=forms.PopulationForm,
    form_kwargs=lambda user: {"areas": permissions.importable_areas(user)},
    save=lambda user, form: services.population_create(actor=user, **form.cleaned_data),
    success_message="The population has been saved.",
    success_url=lambda population: reverse("datasets:population_list"),
    title="Populations",
    intro=(
        "Rates are per 10,000 children aged 0 to 17. Enter each area's population for each "
        "year with its source (usually the ONS mid-year estimate)."
    ),
    submit="Save population",
    template="datasets/population_list.html",
    context=lambda request: {
        "page_obj": page_of(request, selectors.population_list(), per_page=PAGE_SIZE)
    },
    breadcrumbs=lambda: CRUMBS(("Populations", "")),
)


def _population_crumbs(population: Population, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(("Populations", reverse("datasets:population_list")), crumb)


population_update = form_view(
    forms.PopulationChangeForm,
    calls(services.population_update, "population", versioned=True),
    fetch=partial(permissions.get_population_for_user_or_404, write=True),
    title=lambda population: (
        f"{population.area.name}, {ReportingYear(population.year_start).label}"
    ),
    crumb="Change",
    caption="Populations",
    submit="Save population",
    success_message="The population has been changed.",
    success_url=lambda population: reverse("datasets:population_list"),
    initial=lambda population: initial_from(population, forms.PopulationChangeForm),
    edits_record=True,  # after an edit conflict the form takes the current version
    breadcrumbs=_population_crumbs,
)
