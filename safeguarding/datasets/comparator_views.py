"""Pages for comparators: the list with a form to enter one, and the CSV import."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, Trail, form_page
from safeguarding.core.permissions import require
from safeguarding.datasets import comparator_forms, conventions, permissions, selectors, services

CRUMBS = Trail("Safeguarding data", "datasets:dashboard")


@login_required
@require_http_methods(GET_POST)
def comparator_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_figures(request.user))
    require(permissions.can_manage_comparators(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=comparator_forms.ComparatorForm,
        form_kwargs={"areas": permissions.importable_areas(request.user)},
        save=lambda form: services.comparator_set(
            actor=request.user,
            area=form.cleaned_data["area"],
            geography=form.cleaned_data["geography"],
            figure=form.cleaned_data["figure"],
            year=form.cleaned_data["year"],
            value=form.cleaned_data["value"],
            source=form.cleaned_data["source"],
        ),
        success_message="The comparator has been saved.",
        success_url=reverse("datasets:comparator_list"),
        title="Comparators",
        intro=(
            "England's, the region's and statistical neighbours' published figures, shown beside "
            "each area's with their source. Enter one here or import the Department's CSV."
        ),
        submit="Save comparator",
        template="datasets/comparator_list.html",
        context={
            "comparators": selectors.comparator_list(),
            "symbol_key": conventions.symbol_key({conventions.NOT_AVAILABLE}),
        },
        breadcrumbs=CRUMBS(("Comparators", "")),
    )


@login_required
@require_http_methods(GET_POST)
def comparator_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_comparators(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=comparator_forms.ComparatorImportForm,
        save=lambda form: services.comparators_import(
            actor=request.user,
            text=form.cleaned_data["comparators_file"],
            areas=list(permissions.importable_areas(request.user)),
        ),
        success_message=lambda rows: f"{rows} comparators have been imported.",
        success_url=reverse("datasets:comparator_list"),
        title="Import comparators",
        submit="Import",
        breadcrumbs=CRUMBS(("Comparators", reverse("datasets:comparator_list")), ("Import", "")),
    )
