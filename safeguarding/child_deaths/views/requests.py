"""Information requests: sending, reminding, and the secure page where agencies return them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.models import InformationRequest
from safeguarding.child_deaths.views.common import CRUMBS, case_crumbs, case_url, paginate
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, calls, form_view, initial_from
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# Its message names the agency sent to, from what the service returned.
request_create = form_view(
    forms.InformationRequestForm,
    calls(services.information_request_create, "notification"),
    fetch=partial(permissions.get_notification_for_user_or_404, write=True),
    result_message=lambda sent: f"The reporting form has been sent to {sent.agency.name}.",
    success_url=case_url,
    title=lambda case: f"Request information: {case.reference}",
    crumb="Request information",
    submit="Send request",
    breadcrumbs=case_crumbs,
)


@login_required
@require_POST
def request_remind(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    info = permissions.get_request_for_user_or_404(request.user, pk)
    case = permissions.get_notification_for_user_or_404(
        request.user, info.notification_id, write=True
    )
    return button_post(
        request,
        lambda: services.information_request_remind(actor=request.user, request=info),
        done=f"A reminder has been sent to {info.agency.name}.",
        to=case_url(case),
    )


@login_required
@require_GET
def request_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_requests(request.user))
    status = request.GET.get("status", "")
    if status not in InformationRequest.Status.values:
        status = ""
    requests = selectors.request_list_for_user(user=request.user, status=status)
    return render(
        request,
        "child_deaths/request_list.html",
        {
            **paginate(request, requests, keep=("status",)),
            "outstanding_only": status == InformationRequest.Status.REQUESTED,
            "today": timezone.localdate(),
            "breadcrumbs": CRUMBS(("Information requests", "")),
        },
    )


def _request_to_return(user: User, pk: int) -> InformationRequest:
    """The request, if the user may return it (403 otherwise, GET too: e.g. once the case is
    archived); its opening is logged, as the page shows the case's details."""
    info = permissions.get_request_for_user_or_404(user, pk, write=True)
    event_record_view(actor=user, target=info)
    return info


def _return_crumbs(info: InformationRequest, crumb: Crumb) -> list[Crumb]:
    """Information requests > the case's reference (the page's own crumb)."""
    list_crumb = ("Information requests", reverse("child_deaths:request_list"))
    return CRUMBS(list_crumb, (info.notification.reference, ""))


# The secure page where an agency returns its information.
request_return = form_view(
    forms.InformationReturnForm,
    calls(services.information_request_return, "request", versioned=True),
    fetch=_request_to_return,
    title=lambda info: f"Return information for {info.notification.reference}",
    caption=lambda info: info.agency.name,
    intro=(
        "This page is only available to your agency and the child death overview panel. "
        "The details below help you find your records."
    ),
    submit="Return information",
    success_message="Thank you: your agency's information has been returned.",
    success_url=lambda info: reverse("child_deaths:request_list"),
    initial=lambda info: initial_from(
        info,
        forms.InformationReturnForm,
        form_version=info.form_version or settings.CHILD_DEATH_FORM_VERSION,
    ),
    edits_record=True,
    breadcrumbs=_return_crumbs,
    template="child_deaths/request_return.html",
    context=lambda user, info: {"info": info, "case": info.notification},
)
