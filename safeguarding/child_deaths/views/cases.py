"""Case pages: the list, notifying a death, the case record (logged), reasons for delay and
archiving."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.child_deaths.views.common import (
    CRUMBS,
    case_crumbs,
    case_url,
    cases_crumb,
    may_manage,
    paginate,
)
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import calls, create_view, form_view, initial_from
from safeguarding.core.permissions import require
from safeguarding.learning import selectors as learning_selectors

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

NOTIFICATION_FORM = "child_deaths/notification_form.html"


def _show_duplicates(
    user: User, form: forms.NotificationForm, exc: ValidationError
) -> dict[str, Any] | None:
    """on_error for the notification forms: a likely duplicate names the cases it matched, and
    only then, and only to a CDOP manager, offers the box to confirm a different child."""
    if not isinstance(exc, services.LikelyDuplicateError):
        return None
    if permissions.can_override_duplicate(user):
        form.offer_override([m.reference for m in exc.matches])
    return {"duplicates": exc.matches}


def _residence_initial(case: ChildDeathNotification) -> str:
    return str(case.residence_area_id) if case.residence_area_id else forms.OUTSIDE_PARTNERSHIP


@login_required
@require_GET
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """All cases, or (`?show=open`, where the open reviews card leads) the open reviews only,
    oldest death first: the heading's count is the card's number."""
    require(permissions.can_view_cases(request.user))
    show_open = request.GET.get("show") == "open"
    cases = (
        selectors.open_case_list_for_user(user=request.user)
        if show_open
        else selectors.notification_list_for_user(user=request.user)
    )
    listing = paginate(request, cases, keep=("show",))
    return render(
        request,
        "child_deaths/notification_list.html",
        {
            **listing,
            "rows": selectors.case_rows(cases=listing["page_obj"].object_list),
            "show_open": show_open,
            "can_manage": permissions.can_manage_child_deaths(request.user),
            "breadcrumbs": CRUMBS(("Cases", "")),
        },
    )


notification_create = create_view(
    check=may_manage,
    form_class=forms.NotificationForm,
    save=lambda user, form: services.notification_create(actor=user, **form.cleaned_data),
    success_message=lambda case: f"The death has been notified as {case.reference}.",
    success_url=case_url,
    title="Notify a child's death",
    submit="Save notification",
    breadcrumbs=lambda: CRUMBS(cases_crumb(), ("Notify", "")),
    template=NOTIFICATION_FORM,
    on_error=_show_duplicates,
)


@login_required
@require_GET
def notification_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=case)
    review = selectors.review_for_notification(notification=case)
    return render(
        request,
        "child_deaths/notification_detail.html",
        {
            "case": case,
            "review": review,
            "requests": selectors.request_list_for_notification(notification=case),
            "meetings": selectors.meeting_list_for_notification(
                user=request.user, notification=case
            ),
            "learning": (
                learning_selectors.learning_point_list_for_source(source=review) if review else []
            ),
            "actions": (action_selectors.action_list_for_source(source=review) if review else []),
            "can_manage": permissions.can_edit_notification(request.user, case),
            "can_review": permissions.can_review_notification(request.user, case),
            "breadcrumbs": CRUMBS(cases_crumb(), (case.reference, "")),
        },
    )


# Correcting a notification shows the case's details, so opening the form is logged (GET only).
notification_update = form_view(
    forms.NotificationEditForm,
    calls(services.notification_update, "notification", versioned=True),
    fetch=partial(permissions.get_notification_for_user_or_404, write=True),
    opened=lambda user, case: event_record_view(actor=user, target=case, what="notification form"),
    initial=lambda case: initial_from(
        case,
        forms.NotificationEditForm,
        agencies_involved=list(case.agencies_involved.all()),
        residence_area=_residence_initial(case),
    ),
    edits_record=True,
    success_message="The notification has been corrected.",
    success_url=case_url,
    title=lambda case: f"Correct the notification: {case.reference}",
    crumb="Correct the notification",
    submit="Save changes",
    breadcrumbs=case_crumbs,
    template=NOTIFICATION_FORM,
    on_error=_show_duplicates,
)


# What every change to a case shares: its permission-checked fetch (a CDOP manager's change:
# 403 for others, and for an archived case), its trail and a return to its page.
case_page = partial(
    form_view,
    fetch=partial(permissions.get_notification_for_user_or_404, write=True),
    success_url=case_url,
    breadcrumbs=case_crumbs,
)

notification_delay = case_page(
    forms.DelayForm,
    calls(services.notification_delay_update, "notification", versioned=True),
    title=lambda case: f"Reason for delay: {case.reference}",
    crumb="Reason for delay",
    submit="Save",
    success_message="The reason for delay has been saved.",
    initial=lambda case: initial_from(case, forms.DelayForm),
    edits_record=True,
)

notification_archive = case_page(
    forms.ArchiveForm,
    lambda user, case, form: services.notification_archive(
        actor=user, notification=case, reason=form.cleaned_data["reason"]
    ),
    title=lambda case: f"Archive {case.reference}",
    crumb="Archive",
    submit="Archive notification",
    success_message=lambda case: f"{case.reference} has been archived.",
    success_url=lambda case: reverse("child_deaths:notification_list"),
    intro="Archived notifications leave the case lists and the figures. Nothing is deleted.",
)
