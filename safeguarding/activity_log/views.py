"""The activity log, "who has viewed this record", and failed background jobs.

Form page: not used: the log's only form is the GET filter on the event list (no save).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.activity_log import permissions, selectors
from safeguarding.activity_log.forms import EventFilterForm
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require


@login_required
@require_GET
def event_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_activity_log(request.user))
    form = EventFilterForm(request.GET or None, verbs=selectors.verb_list())
    events = selectors.event_list()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        events = selectors.event_list(
            actor_id=data["actor"].pk if data["actor"] else None,
            verb=data["verb"],
            kind=data["kind"],
            target_type_id=data["target_type"].pk if data["target_type"] else None,
            target_id=data["target_id"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "activity_log/event_list.html",
        {"form": form, "page_obj": page, "query": query.urlencode()},
    )


@login_required
@require_GET
def viewer_list(
    request: AuthenticatedHttpRequest, content_type_id: int, object_id: str
) -> HttpResponse:
    """Who has viewed this record: for any record, by its type and number."""
    content_type, target = permissions.get_viewed_record_for_user_or_404(
        request.user, content_type_id, object_id
    )
    viewers = selectors.viewer_list_for_target(target=target)
    page = Paginator(viewers, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "activity_log/viewer_list.html",
        {
            "page_obj": page,
            "target_label": selectors.target_label_for(target=target, default=str(content_type)),
        },
    )


@login_required
@require_GET
def task_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Background jobs, failed ones first, so failures are visible, not only in logs."""
    require(permissions.can_view_task_results(request.user))
    return render(
        request,
        "activity_log/task_list.html",
        {
            "failed": selectors.task_result_list_failed(),
            "recent": selectors.task_result_list_recent(),
        },
    )
