"""The case reviews home page and its lists: deadlines, notifications and agency requests
(practice reviews' list is in reviews.py). Every list is paginated, filtered and counted; the
home page shows the first few of each with a link to the whole list, whose count it gives.

Form page: not used: these pages only read (their filters are GET forms).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.case_reviews import forms, permissions, selectors
from safeguarding.case_reviews.views.common import CRUMBS, list_page
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require

HOME_SHOWN = 5


@login_required
@require_GET
def case_review_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    require(permissions.can_view_case_review_home(user))
    deadlines = selectors.deadline_list(user=user)
    requests = selectors.agency_request_list_for_user(user=user, open_only=True)
    notifications = selectors.incident_notification_list_for_user(user=user)
    return render(
        request,
        "case_reviews/home.html",
        {
            "deadlines": deadlines[:HOME_SHOWN],
            "deadline_count": len(deadlines),
            "requests": requests[:HOME_SHOWN],
            "request_count": requests.count(),
            "notifications": notifications[:HOME_SHOWN],
            "notification_count": notifications.count(),
            "review_count": selectors.practice_review_list_for_user(user=user).count(),
            "can_manage": permissions.can_manage_case_reviews(user),
            "case_team": permissions.is_case_team(user),
            "sees_lists": permissions.can_view_case_reviews(user),
            "breadcrumbs": [("Home", reverse("core:home")), ("Case reviews", "")],
        },
    )


@login_required
@require_GET
def deadline_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every case review deadline the user is responsible for: the list the "My work" card
    counts and opens."""
    require(permissions.can_view_case_review_home(request.user))
    form = forms.DeadlineFilterForm(request.GET or None)
    deadlines = selectors.deadline_list(user=request.user, **form.filters())
    return render(
        request,
        "case_reviews/deadline_list.html",
        {
            **list_page(request, deadlines, form),
            "today": timezone.localdate(),
            "breadcrumbs": CRUMBS(("Deadlines", "")),
        },
    )


@login_required
@require_GET
def incident_notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_case_reviews(request.user))
    form = forms.IncidentNotificationFilterForm(request.GET or None)
    notifications = selectors.incident_notification_list_for_user(
        user=request.user, **form.filters()
    )
    return render(
        request,
        "case_reviews/incident_notification_list.html",
        {
            **list_page(request, notifications, form),
            "can_manage": permissions.can_manage_case_reviews(request.user),
            "breadcrumbs": CRUMBS(("Notifications", "")),
        },
    )


@login_required
@require_GET
def agency_request_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Requests to agencies: every one for the case team; an agency lead's own agency's."""
    require(permissions.can_view_case_review_home(request.user))
    form = forms.AgencyRequestFilterForm(request.GET or None)
    requests = selectors.agency_request_list_for_user(
        user=request.user, state=form.filters().get("state", "")
    )
    return render(
        request,
        "case_reviews/agency_request_list.html",
        {
            **list_page(request, requests, form),
            "breadcrumbs": CRUMBS(("Agency requests", "")),
        },
    )
