"""Agencies: the list, one agency's page, adding, changing, renaming and disabling one.

Form page: not used for the list's sector filter: a GET filter, nothing is saved.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import calls, form_view, initial_from
from safeguarding.core.paging import filter_query
from safeguarding.core.permissions import require
from safeguarding.partnership import forms, permissions, selectors, services
from safeguarding.partnership.models import Agency
from safeguarding.partnership.views.common import CRUMBS, add_page, page_of


def _agencies() -> tuple[str, str]:
    return ("Agencies", reverse("partnership:agency_list"))


def _agency(agency: Agency) -> tuple[str, str]:
    return (agency.name, reverse("partnership:agency_detail", args=[agency.pk]))


@login_required
@require_GET
def agency_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    sector = request.GET.get("sector", "")
    agencies = selectors.agency_list(sector=sector if sector in Agency.Sector.values else "")
    page = page_of(request, agencies)
    return render(
        request,
        "partnership/agency_list.html",
        {
            "page_obj": page,
            "sectors": Agency.Sector.choices,
            "sector": sector,
            "query": filter_query(request, keep=("sector",)),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": CRUMBS(("Agencies", "")),
        },
    )


@login_required
@require_GET
def agency_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = permissions.get_agency_for_user_or_404(request.user, pk)
    return render(
        request,
        "partnership/agency_detail.html",
        {
            "agency": agency,
            "names": selectors.agency_names(agency=agency),
            "services": selectors.agency_service_list(agency=agency),
            "can_edit": permissions.can_edit_partnership(request.user),
            "can_disable": permissions.can_disable_agency(request.user, agency),
            "breadcrumbs": CRUMBS(_agencies(), (agency.name, "")),
        },
    )


agency_create = add_page(
    form_class=forms.AgencyForm,
    save=lambda user, form: services.agency_create(actor=user, **form.cleaned_data),
    success_message=lambda agency: f"{agency.name} has been added.",
    success_url=lambda agency: reverse("partnership:agency_list"),
    title="Add an agency",
    submit="Add agency",
    breadcrumbs=lambda: CRUMBS(_agencies(), ("Add", "")),
)


def _detail_url(agency: Agency) -> str:
    return reverse("partnership:agency_detail", args=[agency.pk])


# What every page about one agency shares: its fetch for a change, a return to its page and its
# trail (Agencies > the agency > this page).
agency_page = partial(
    form_view,
    fetch=partial(permissions.get_agency_for_user_or_404, write=True),
    success_url=_detail_url,
    breadcrumbs=lambda agency, crumb: CRUMBS(_agencies(), _agency(agency), crumb),
    edits_record=True,
)


agency_update = agency_page(
    forms.AgencyEditForm,
    calls(services.agency_update, "agency", versioned=True),
    initial=lambda agency: initial_from(agency, forms.AgencyEditForm),
    success_message=lambda agency: f"{agency.name} has been updated.",
    title=lambda agency: f"Change {agency.name}",
    submit="Save changes",
    crumb="Change",
)


agency_rename = agency_page(
    forms.AgencyRenameForm,
    calls(services.agency_rename, "agency", versioned=True),
    initial=lambda agency: {"version": agency.version},
    result_message=lambda agency: f"The agency is now called {agency.name}.",
    title=lambda agency: f"Rename {agency.name}",
    submit="Rename agency",
    intro=(
        "The old name is kept in the agency's history, so earlier records still show "
        "the name it had then."
    ),
    crumb="Rename",
)


# An agency that has stopped is disabled, never deleted: it is no longer offered for new
# records, and the records that name it keep it.
agency_disable = agency_page(
    forms.AgencyDisableForm,
    calls(services.agency_disable, "agency", versioned=True),
    initial=lambda agency: {"disabled_on": timezone.localdate(), "version": agency.version},
    success_message=lambda agency: (
        f"{agency.name} has been disabled: it is no longer offered for new records."
    ),
    title=lambda agency: f"Disable {agency.name}",
    submit="Disable agency",
    intro=(
        "Disable an agency that has stopped. It is not deleted: records that name it keep "
        "it, but it is no longer offered for new records or on the list of agencies."
    ),
    crumb="Disable",
)
