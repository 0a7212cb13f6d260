"""Groups (boards, subgroups, panels), the governance structure, and seats on a group."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, calls, cleaned, form_page, form_view, initial_from
from safeguarding.core.paging import filter_query
from safeguarding.core.permissions import require
from safeguarding.partnership import forms, permissions, selectors, services
from safeguarding.partnership.governance import governance_svg
from safeguarding.partnership.models import Group
from safeguarding.partnership.views.common import CRUMBS, add_page, page_of, update_page


def _groups() -> tuple[str, str]:
    return ("Groups", reverse("partnership:group_list"))


def _group_url(group: Group) -> str:
    return reverse("partnership:group_detail", args=[group.pk])


def _group(group: Group) -> tuple[str, str]:
    return (group.name, _group_url(group))


@login_required
@require_GET
def group_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    form = forms.GroupFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    groups = selectors.group_list(search=filters.get("q", ""), kind=filters.get("kind", ""))
    return render(
        request,
        "partnership/group_list.html",
        {
            "form": form,
            "page_obj": page_of(request, groups),
            "query": filter_query(request, keep=("q", "kind")),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": CRUMBS(("Groups", "")),
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
            "breadcrumbs": CRUMBS(("Governance structure", "")),
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
            "children": selectors.group_child_list(group=group),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": CRUMBS(_groups(), (group.name, "")),
        },
    )


group_create = add_page(
    form_class=forms.GroupForm,
    save=lambda user, form: services.group_create(actor=user, **cleaned(form)),
    success_message=lambda group: f"{group.name} has been added.",
    success_url=_group_url,
    title="Add a group",
    submit="Add group",
    breadcrumbs=lambda: CRUMBS(_groups(), ("Add", "")),
)


group_update = update_page(
    forms.GroupEditForm,
    calls(services.group_update, "group", versioned=True),
    fetch=partial(permissions.get_group_for_user_or_404, write=True),
    initial=lambda group: initial_from(group, forms.GroupEditForm),
    success_url=_group_url,
    breadcrumbs=lambda group, crumb: CRUMBS(_groups(), _group(group), crumb),
)


group_membership_add = form_view(
    forms.GroupMembershipForm,
    calls(services.group_membership_add, "group"),
    fetch=partial(permissions.get_group_for_user_or_404, write=True),
    success_message="The member has been added.",
    success_url=_group_url,
    title=lambda group: f"Add a member to {group.name}",
    submit="Add member",
    breadcrumbs=lambda group, crumb: CRUMBS(_groups(), _group(group), crumb),
    crumb="Add a member",
)


@login_required
@require_http_methods(GET_POST)
def group_membership_end(
    request: AuthenticatedHttpRequest, pk: int, membership_pk: int
) -> HttpResponse:
    membership = permissions.get_membership_for_user_or_404(
        request.user, membership_pk, group_pk=pk, write=True
    )
    group = membership.group
    # A function, not a declaration: its address names the group and the membership.
    return form_page(
        request,
        form_class=forms.MembershipEndForm,
        save=lambda form: services.group_membership_end(
            actor=request.user, membership=membership, ended_on=form.cleaned_data["ended_on"]
        ),
        success_message="The membership has been ended.",
        success_url=_group_url(group),
        title=f"End a membership of {group.name}",
        intro=f"{membership}. The membership stays in the group's history.",
        submit="End membership",
        breadcrumbs=CRUMBS(_groups(), _group(group), ("End a membership", "")),
    )
