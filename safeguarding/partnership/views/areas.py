"""The partnership's overview and its own details, and its areas with their districts."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    GET_POST,
    calls,
    calls_on,
    form_page,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require
from safeguarding.partnership import forms, permissions, selectors, services
from safeguarding.partnership.models import Area
from safeguarding.partnership.views.common import CRUMBS, add_page, update_page


@login_required
@require_GET
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    return render(
        request,
        "partnership/overview.html",
        {
            "partnership": selectors.partnership_get(),
            "areas": selectors.area_list(),
            "statutory_partners": selectors.statutory_partner_list(),
            "can_edit": permissions.can_edit_partnership(request.user),
            "can_manage_people": permissions.can_manage_people(request.user),
            "breadcrumbs": [("Home", reverse("core:home")), (CRUMBS.label, "")],
        },
    )


@login_required
@require_http_methods(GET_POST)
def partnership_update(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    partnership = selectors.partnership_get()
    if partnership is None:
        raise Http404
    # A function, not a declaration: it edits the one partnership record, whose address has no
    # number (and form_view fetches by number).
    return form_page(
        request,
        form_class=forms.PartnershipForm,
        initial=initial_from(partnership, forms.PartnershipForm),
        record=partnership,
        save=calls_on(
            services.partnership_update,
            actor=request.user,
            partnership=partnership,
            versioned=True,
        ),
        success_message="The partnership's details have been updated.",
        success_url=reverse("partnership:overview"),
        title="Change the partnership's details",
        submit="Save changes",
        breadcrumbs=CRUMBS(("Change details", "")),
    )


def _areas() -> tuple[str, str]:
    return ("Areas", reverse("partnership:area_list"))


def _area_url(area: Area) -> str:
    return reverse("partnership:area_detail", args=[area.pk])


def _area(area: Area) -> tuple[str, str]:
    return (area.name, _area_url(area))


@login_required
@require_GET
def area_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    return render(
        request,
        "partnership/area_list.html",
        {
            "areas": selectors.area_list(),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": CRUMBS(("Areas", "")),
        },
    )


@login_required
@require_GET
def area_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    area = permissions.get_area_for_user_or_404(request.user, pk)
    return render(
        request,
        "partnership/area_detail.html",
        {
            "area": area,
            "agencies": selectors.agency_list(area_id=area.pk),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": CRUMBS(_areas(), (area.name, "")),
        },
    )


area_create = add_page(
    form_class=forms.AreaForm,
    save=lambda user, form: services.area_create(
        actor=user, partnership=selectors.partnership_get(), **form.cleaned_data
    ),
    success_message=lambda area: f"{area.name} has been added.",
    success_url=_area_url,
    title="Add an area",
    submit="Add area",
    breadcrumbs=lambda: CRUMBS(_areas(), ("Add", "")),
)


area_update = update_page(
    forms.AreaEditForm,
    calls(services.area_update, "area", versioned=True),
    fetch=partial(permissions.get_area_for_user_or_404, write=True),
    initial=lambda area: initial_from(area, forms.AreaEditForm),
    success_url=_area_url,
    breadcrumbs=lambda area, crumb: CRUMBS(_areas(), _area(area), crumb),
)


district_create = form_view(
    forms.DistrictForm,
    calls(services.district_create, "area"),
    fetch=partial(permissions.get_area_for_user_or_404, write=True),
    success_message=lambda area: f"The district has been added to {area.name}.",
    success_url=_area_url,
    title=lambda area: f"Add a district to {area.name}",
    submit="Add district",
    breadcrumbs=lambda area, crumb: CRUMBS(_areas(), _area(area), crumb),
    crumb="Add a district",
)


@login_required
@require_http_methods(GET_POST)
def district_update(request: AuthenticatedHttpRequest, pk: int, district_pk: int) -> HttpResponse:
    district = permissions.get_district_for_user_or_404(
        request.user, district_pk, area_pk=pk, write=True
    )
    area = district.area
    # A function, not a declaration: its address names the area and the district.
    return form_page(
        request,
        form_class=forms.DistrictEditForm,
        initial=initial_from(district, forms.DistrictEditForm),
        record=district,
        save=calls_on(
            services.district_update, actor=request.user, district=district, versioned=True
        ),
        success_message=lambda saved: f"{saved.name} has been updated.",
        success_url=_area_url(area),
        title=f"Change {district.name}",
        submit="Save changes",
        breadcrumbs=CRUMBS(_areas(), _area(area), ("Change a district", "")),
    )
