"""Pages for comparators: the list with a form to enter one, and the CSV import."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, create_view, form_page
from safeguarding.core.permissions import require
from safeguarding.datasets import comparator_forms, conventions, permissions, selectors, services
from safeguarding.datasets.views import CRUMBS


@login_required
@require_http_methods(GET_POST)
def comparator_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    # A function: the form heads the list, and offers the areas this user may import for
    # (create_view has no form_kwargs).
    require(permissions.can_view_figures(request.user))
    require(permissions.can_manage_comparators(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=comparator_forms.ComparatorForm,
        form_kwargs={"areas": permissions.importable_areas(request.user)},
        save=lambda form: services.comparator_set(actor=request.user, **form.cleaned_data),
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


comparator_import = create_view(
    check=lambda user: require(permissions.can_manage_comparators(user), write_attempt=True),
    form_class=comparator_forms.ComparatorImportForm,
    save=lambda user, form: services.comparators_import(
        actor=user,
        text=form.cleaned_data["comparators_file"],
        areas=list(permissions.importable_areas(user)),
    ),
    success_message=lambda rows: f"{rows} comparators have been imported.",
    success_url=lambda rows: reverse("datasets:comparator_list"),
    title="Import comparators",
    submit="Import",
    breadcrumbs=lambda: CRUMBS(
        ("Comparators", reverse("datasets:comparator_list")), ("Import", "")
    ),
)
