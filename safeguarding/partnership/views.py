"""Pages for the partnership's structure: areas, agencies, groups, priorities, people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.accounts.models import RoleAssignment
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require
from safeguarding.partnership import forms, permissions, selectors, services
from safeguarding.partnership.governance import governance_svg
from safeguarding.partnership.models import Agency

_GET_POST = ["GET", "POST"]


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    from django.urls import reverse

    return [
        ("Home", reverse("core:home")),
        ("Partnership", reverse("partnership:overview")),
        *extra,
    ]


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
            "breadcrumbs": [("Home", "/"), ("Partnership", "")],
        },
    )


# --- areas ---------------------------------------------------------------------------


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
            "breadcrumbs": _crumbs(("Areas", "")),
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
            "breadcrumbs": _crumbs(("Areas", "/partnership/areas/"), (area.name, "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def area_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    form = forms.AreaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            area = services.area_create(
                actor=request.user, partnership=selectors.partnership_get(), **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{area.name} has been added.")
            return redirect("partnership:area_detail", area.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": "Add an area",
            "submit": "Add area",
            "breadcrumbs": _crumbs(("Areas", "/partnership/areas/"), ("Add", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def area_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    area = permissions.get_area_for_user_or_404(request.user, pk, write=True)
    initial = {
        "name": area.name,
        "kind": area.kind,
        "ons_code": area.ons_code,
        "la_number": area.la_number,
        "version": area.version,
    }
    form = forms.AreaEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.area_update(actor=request.user, area=area, expected_version=version, **data)
        except ValidationError as exc:
            add_service_errors(form, exc, record=area)
        else:
            messages.success(request, f"{area.name} has been updated.")
            return redirect("partnership:area_detail", area.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Change {area.name}",
            "submit": "Save changes",
            "breadcrumbs": _crumbs(
                ("Areas", "/partnership/areas/"),
                (area.name, f"/partnership/areas/{area.pk}/"),
                ("Change", ""),
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def district_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    area = permissions.get_area_for_user_or_404(request.user, pk, write=True)
    form = forms.DistrictForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.district_create(actor=request.user, area=area, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"The district has been added to {area.name}.")
            return redirect("partnership:area_detail", area.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Add a district to {area.name}",
            "submit": "Add district",
            "breadcrumbs": _crumbs(
                ("Areas", "/partnership/areas/"),
                (area.name, f"/partnership/areas/{area.pk}/"),
                ("Add a district", ""),
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def district_update(request: AuthenticatedHttpRequest, pk: int, district_pk: int) -> HttpResponse:
    area = permissions.get_area_for_user_or_404(request.user, pk, write=True)
    district = get_object_or_404(area.districts.all(), pk=district_pk)
    initial = {"name": district.name, "ons_code": district.ons_code, "version": district.version}
    form = forms.DistrictEditForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.district_update(
                actor=request.user, district=district, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc, record=district)
        else:
            messages.success(request, f"{district.name} has been updated.")
            return redirect("partnership:area_detail", area.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Change {district.name}",
            "submit": "Save changes",
            "breadcrumbs": _crumbs(
                ("Areas", "/partnership/areas/"),
                (area.name, f"/partnership/areas/{area.pk}/"),
                ("Change a district", ""),
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def partnership_update(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    partnership = selectors.partnership_get()
    if partnership is None:
        raise Http404
    initial = {
        "name": partnership.name,
        "short_name": partnership.short_name,
        "description": partnership.description,
        "spans_two_local_authorities": partnership.spans_two_local_authorities,
        "version": partnership.version,
    }
    form = forms.PartnershipForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.partnership_update(
                actor=request.user, partnership=partnership, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc, record=partnership)
        else:
            messages.success(request, "The partnership's details have been updated.")
            return redirect("partnership:overview")
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": "Change the partnership's details",
            "submit": "Save changes",
            "breadcrumbs": _crumbs(("Change details", "")),
        },
    )


# --- agencies ------------------------------------------------------------------------


@login_required
@require_GET
def agency_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    sector = request.GET.get("sector", "")
    agencies = selectors.agency_list(sector=sector if sector in Agency.Sector.values else "")
    page = Paginator(agencies, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partnership/agency_list.html",
        {
            "page_obj": page,
            "sectors": Agency.Sector.choices,
            "sector": sector,
            "query": f"sector={sector}" if sector else "",
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": _crumbs(("Agencies", "")),
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
            "services": agency.services.filter(disabled_on__isnull=True),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": _crumbs(("Agencies", "/partnership/agencies/"), (agency.name, "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def agency_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    form = forms.AgencyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{agency.name} has been added.")
            return redirect("partnership:agency_list")
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": "Add an agency",
            "submit": "Add agency",
            "breadcrumbs": _crumbs(("Agencies", "/partnership/agencies/"), ("Add", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def agency_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = permissions.get_agency_for_user_or_404(request.user, pk, write=True)
    initial = {
        "sector": agency.sector,
        "statutory_partner": agency.statutory_partner,
        "statutory_role": agency.statutory_role,
        "area": agency.area,
        "parent": agency.parent,
        "on_board": agency.on_board,
        "version": agency.version,
    }
    form = forms.AgencyEditForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.agency_update(
                actor=request.user, agency=agency, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc, record=agency)
        else:
            messages.success(request, f"{agency.name} has been updated.")
            return redirect("partnership:agency_detail", agency.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Change {agency.name}",
            "submit": "Save changes",
            "breadcrumbs": _crumbs(
                ("Agencies", "/partnership/agencies/"),
                (agency.name, f"/partnership/agencies/{agency.pk}/"),
                ("Change", ""),
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def agency_rename(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = permissions.get_agency_for_user_or_404(request.user, pk, write=True)
    form = forms.AgencyRenameForm(
        request.POST if request.method == "POST" else None, initial={"version": agency.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_rename(
                actor=request.user,
                agency=agency,
                new_name=form.cleaned_data["new_name"],
                effective=form.cleaned_data["effective"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc, record=agency)
        else:
            messages.success(request, f"The agency is now called {agency.name}.")
            return redirect("partnership:agency_detail", agency.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Rename {agency.name}",
            "submit": "Rename agency",
            "intro": (
                "The old name is kept in the agency's history, so earlier records still show "
                "the name it had then."
            ),
            "breadcrumbs": _crumbs(
                ("Agencies", "/partnership/agencies/"),
                (agency.name, f"/partnership/agencies/{agency.pk}/"),
                ("Rename", ""),
            ),
        },
    )


# --- groups --------------------------------------------------------------------------


@login_required
@require_GET
def group_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    return render(
        request,
        "partnership/group_list.html",
        {
            "groups": selectors.group_list(),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": _crumbs(("Groups", "")),
        },
    )


@login_required
@require_GET
def governance(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    roots = selectors.group_tree()
    return render(
        request,
        "partnership/governance.html",
        {
            "roots": roots,
            "svg": mark_safe(governance_svg(roots)),  # noqa: S308 - built from escaped text
            "breadcrumbs": _crumbs(("Governance structure", "")),
        },
    )


@login_required
@require_GET
def group_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = permissions.get_group_for_user_or_404(request.user, pk)
    return render(
        request,
        "partnership/group_detail.html",
        {
            "group": group,
            "memberships": selectors.group_membership_list(group=group),
            "children": group.children.filter(archived_at__isnull=True),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": _crumbs(("Groups", "/partnership/groups/"), (group.name, "")),
        },
    )


def _group_data(form_data: dict[str, object]) -> dict[str, object]:
    data = dict(form_data)
    data.pop("version", None)
    return data


@login_required
@require_http_methods(_GET_POST)
def group_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    form = forms.GroupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(actor=request.user, **_group_data(form.cleaned_data))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{group.name} has been added.")
            return redirect("partnership:group_detail", group.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": "Add a group",
            "submit": "Add group",
            "breadcrumbs": _crumbs(("Groups", "/partnership/groups/"), ("Add", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def group_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = permissions.get_group_for_user_or_404(request.user, pk, write=True)
    initial = {
        "name": group.name,
        "short_name": group.short_name,
        "kind": group.kind,
        "parent": group.parent,
        "purpose": group.purpose,
        "terms_of_reference": group.terms_of_reference,
        "chair": group.chair,
        "meets": group.meets,
        "version": group.version,
    }
    form = forms.GroupEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_update(
                actor=request.user,
                group=group,
                expected_version=form.cleaned_data["version"],
                **_group_data(form.cleaned_data),
            )
        except ValidationError as exc:
            add_service_errors(form, exc, record=group)
        else:
            messages.success(request, f"{group.name} has been updated.")
            return redirect("partnership:group_detail", group.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Change {group.name}",
            "submit": "Save changes",
            "breadcrumbs": _crumbs(
                ("Groups", "/partnership/groups/"),
                (group.name, f"/partnership/groups/{group.pk}/"),
                ("Change", ""),
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def group_membership_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = permissions.get_group_for_user_or_404(request.user, pk, write=True)
    form = forms.GroupMembershipForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_membership_add(actor=request.user, group=group, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The member has been added.")
            return redirect("partnership:group_detail", group.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Add a member to {group.name}",
            "submit": "Add member",
            "breadcrumbs": _crumbs(
                ("Groups", "/partnership/groups/"),
                (group.name, f"/partnership/groups/{group.pk}/"),
                ("Add a member", ""),
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def group_membership_end(
    request: AuthenticatedHttpRequest, pk: int, membership_pk: int
) -> HttpResponse:
    group = permissions.get_group_for_user_or_404(request.user, pk, write=True)
    membership = get_object_or_404(group.memberships.all(), pk=membership_pk)
    form = forms.MembershipEndForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_membership_end(
                actor=request.user, membership=membership, ended_on=form.cleaned_data["ended_on"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The membership has been ended.")
            return redirect("partnership:group_detail", group.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"End a membership of {group.name}",
            "intro": f"{membership}. The membership stays in the group's history.",
            "submit": "End membership",
            "breadcrumbs": _crumbs(
                ("Groups", "/partnership/groups/"),
                (group.name, f"/partnership/groups/{group.pk}/"),
                ("End a membership", ""),
            ),
        },
    )


# --- priorities ----------------------------------------------------------------------


@login_required
@require_GET
def priority_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    return render(
        request,
        "partnership/priority_list.html",
        {
            "priorities": selectors.priority_list(),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": _crumbs(("Priorities", "")),
        },
    )


@login_required
@require_GET
def priority_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk)
    return render(
        request,
        "partnership/priority_detail.html",
        {
            "priority": priority,
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": _crumbs(
                ("Priorities", "/partnership/priorities/"), (f"Priority {priority.number}", "")
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def priority_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    form = forms.PriorityForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            priority = services.priority_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The priority has been added.")
            return redirect("partnership:priority_detail", priority.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": "Add a priority",
            "submit": "Add priority",
            "breadcrumbs": _crumbs(("Priorities", "/partnership/priorities/"), ("Add", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def priority_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, write=True)
    initial = {
        "number": priority.number,
        "title": priority.title,
        "period_start": priority.period_start,
        "period_end": priority.period_end,
        "what_we_will_do": priority.what_we_will_do,
        "what_success_looks_like": priority.what_success_looks_like,
        "lead_group": priority.lead_group,
        "version": priority.version,
    }
    form = forms.PriorityEditForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.priority_update(
                actor=request.user, priority=priority, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc, record=priority)
        else:
            messages.success(request, "The priority has been updated.")
            return redirect("partnership:priority_detail", priority.pk)
    return render(
        request,
        "partnership/form_page.html",
        {
            "form": form,
            "title": f"Change priority {priority.number}",
            "submit": "Save changes",
            "breadcrumbs": _crumbs(
                ("Priorities", "/partnership/priorities/"),
                (f"Priority {priority.number}", f"/partnership/priorities/{priority.pk}/"),
                ("Change", ""),
            ),
        },
    )


# --- people --------------------------------------------------------------------------


@login_required
@require_GET
def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_people(request.user))
    form = forms.PersonSearchForm(request.GET or None)
    search = form.cleaned_data["q"] if form.is_bound and form.is_valid() else ""
    page = Paginator(selectors.person_list(search=search), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partnership/person_list.html",
        {
            "form": form,
            "page_obj": page,
            "query": f"q={search}" if search else "",
            "breadcrumbs": _crumbs(("People", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def person_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = permissions.get_person_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    form = forms.RoleGrantForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_grant(actor=request.user, user=person, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"The role has been granted to {person.display_name}.")
            return redirect("partnership:person_detail", person.pk)
    return render(
        request,
        "partnership/person_detail.html",
        {
            "person": person,
            "grants": person.role_grants.select_related("agency"),
            "form": form,
            "breadcrumbs": _crumbs(("People", "/partnership/people/"), (person.display_name, "")),
        },
    )


@login_required
@require_POST
def role_revoke(request: AuthenticatedHttpRequest, pk: int, grant_pk: int) -> HttpResponse:
    person = permissions.get_person_for_user_or_404(request.user, pk, write=True)
    grant = get_object_or_404(RoleAssignment, pk=grant_pk, user=person)
    services.role_revoke(actor=request.user, grant=grant)
    messages.success(request, f"The role has been removed from {person.display_name}.")
    return redirect("partnership:person_detail", person.pk)
