"""Pages for comparators: the list with a form to enter one, and the CSV import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from safeguarding.core.pages import create_view
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.datasets import comparator_forms, conventions, permissions, selectors, services
from safeguarding.datasets.views import CRUMBS, PAGE_SIZE

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _may_manage_comparators(user: User) -> None:
    require(permissions.can_view_figures(user))
    require(permissions.can_manage_comparators(user), write_attempt=True)


# The form heads the list, and offers the areas this user may import for.
comparator_list = create_view(
    check=_may_manage_comparators,
    form_class=comparator_forms.ComparatorForm,
    form_kwargs=lambda user: {"areas": permissions.importable_areas(user)},
    save=lambda user, form: services.comparator_set(actor=user, **form.cleaned_data),
    success_message="The comparator has been saved.",
    success_url=lambda comparator: reverse("datasets:comparator_list"),
    title="Comparators",
    intro=(
        "England's, the region's and statistical neighbours' published figures, shown beside "
        "each area's with their source. Enter one here or import the Department's CSV."
    ),
    submit="Save comparator",
    template="datasets/comparator_list.html",
    context=lambda request: {
        "page_obj": page_of(request, selectors.comparator_list(), per_page=PAGE_SIZE),
        "symbol_key": conventions.symbol_key({conventions.NOT_AVAILABLE}),
    },
    breadcrumbs=lambda: CRUMBS(("Comparators", "")),
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
