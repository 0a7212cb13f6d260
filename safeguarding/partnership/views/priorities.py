"""The priorities the Board has agreed."""

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
from safeguarding.partnership.models import Priority
from safeguarding.partnership.views.common import CRUMBS, add_page, page_of


def _priorities() -> tuple[str, str]:
    return ("Priorities", reverse("partnership:priority_list"))


def _priority_url(priority: Priority) -> str:
    return reverse("partnership:priority_detail", args=[priority.pk])


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
            "query": filter_query(request, keep=("q", "current")),
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


priority_create = add_page(
    form_class=forms.PriorityForm,
    save=lambda user, form: services.priority_create(actor=user, **form.cleaned_data),
    success_message="The priority has been added.",
    success_url=_priority_url,
    title="Add a priority",
    submit="Add priority",
    breadcrumbs=lambda: CRUMBS(_priorities(), ("Add", "")),
)


priority_update = form_view(
    forms.PriorityEditForm,
    calls(services.priority_update, "priority", versioned=True),
    fetch=partial(permissions.get_priority_for_user_or_404, write=True),
    initial=lambda priority: initial_from(priority, forms.PriorityEditForm),
    edits_record=True,
    success_message="The priority has been updated.",
    success_url=_priority_url,
    title=lambda priority: f"Change priority {priority.number}",
    submit="Save changes",
    breadcrumbs=lambda priority, crumb: CRUMBS(
        _priorities(), (f"Priority {priority.number}", _priority_url(priority)), crumb
    ),
    crumb="Change",
)
