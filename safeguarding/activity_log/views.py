"""The activity log, "who has viewed this record", and failed background jobs.

The log and "who has viewed" are paged by keyset (the event's id, carried by the "Newer" and
"Older" links), never by counting or by page number: a page of a log of a million events costs
what a page of a hundred does.

Form page: not used: the log's only form is the GET filter on the event list (no save).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.activity_log import permissions, selectors
from safeguarding.activity_log.forms import EventFilterForm
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require

CURSOR_KEYS = ("before", "after")


def _cursor(request: HttpRequest, key: str) -> int | None:
    value = request.GET.get(key, "")
    return int(value) if value.isdigit() else None


def _page_context(request: HttpRequest, page: selectors.EventPage) -> dict[str, object]:
    query = request.GET.copy()
    for key in (*CURSOR_KEYS, "page"):
        query.pop(key, None)
    return {"event_page": page, "query": query.urlencode()}


@login_required
@require_GET
def event_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_activity_log(request.user))
    filters = {key: value for key, value in request.GET.items() if key not in CURSOR_KEYS}
    form = EventFilterForm(filters or None)
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
    page = selectors.event_page(
        events, before=_cursor(request, "before"), after=_cursor(request, "after")
    )
    return render(
        request,
        "activity_log/event_list.html",
        {"form": form, "verbs": selectors.verb_list(), **_page_context(request, page)},
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
    page = selectors.event_page(
        selectors.viewer_list_for_target(target=target),
        before=_cursor(request, "before"),
        after=_cursor(request, "after"),
    )
    return render(
        request,
        "activity_log/viewer_list.html",
        {
            **_page_context(request, page),
            "target_label": selectors.target_label_for(target=target, default=str(content_type)),
        },
    )


@login_required
@require_GET
def task_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Background jobs, failed ones first, so failures are visible, not only in logs."""
    require(permissions.can_view_task_results(request.user))
    failed = page_of(request, selectors.task_result_list_failed(), per_page=50)
    return render(
        request,
        "activity_log/task_list.html",
        {"page_obj": failed, "failed": failed, "recent": selectors.task_result_list_recent()},
    )
