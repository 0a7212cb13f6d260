"""The priorities the Board has agreed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, cleaned, form_page, initial_from
from safeguarding.core.permissions import require
from safeguarding.partnership import forms, permissions, selectors, services
from safeguarding.partnership.views.common import CRUMBS, page_of, query_of


def _priorities() -> tuple[str, str]:
    return ("Priorities", reverse("partnership:priority_list"))


@login_required
@require_GET
def priority_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    form = forms.PriorityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    priorities = selectors.priority_list(
        search=filters.get("q", ""),
        on=timezone.localdate() if filters.get("current") else None,
    )
    return render(
        request,
        "partnership/priority_list.html",
        {
            "form": form,
            "page_obj": page_of(request, priorities),
            "query": query_of(request, ("q", "current")),
            "can_edit": permissions.can_edit_partnership(request.user),
            "breadcrumbs": CRUMBS(("Priorities", "")),
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
            "breadcrumbs": CRUMBS(_priorities(), (f"Priority {priority.number}", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def priority_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_partnership(request.user))
    require(permissions.can_edit_partnership(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.PriorityForm,
        save=lambda form: services.priority_create(actor=request.user, **form.cleaned_data),
        success_message="The priority has been added.",
        success_url=lambda priority: reverse("partnership:priority_detail", args=[priority.pk]),
        title="Add a priority",
        submit="Add priority",
        breadcrumbs=CRUMBS(_priorities(), ("Add", "")),
    )


@login_required
@require_http_methods(GET_POST)
def priority_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.PriorityEditForm,
        initial=initial_from(priority, forms.PriorityEditForm),
        record=priority,
        save=lambda form: services.priority_update(
            actor=request.user,
            priority=priority,
            expected_version=form.cleaned_data["version"],
            **cleaned(form),
        ),
        success_message="The priority has been updated.",
        success_url=reverse("partnership:priority_detail", args=[priority.pk]),
        title=f"Change priority {priority.number}",
        submit="Save changes",
        breadcrumbs=CRUMBS(
            _priorities(),
            (
                f"Priority {priority.number}",
                reverse("partnership:priority_detail", args=[priority.pk]),
            ),
            ("Change", ""),
        ),
    )
