"""The register of a session (marking people one by one or all at once) and line-manager
approvals of bookings.

Form page: not used here: each register row and each approval is one small form posting back
to its list, which shows the outcome as a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_view
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.training import forms, permissions, selectors, services
from safeguarding.training.models import TrainingBooking
from safeguarding.training.views.common import CRUMBS, manage_crumb


@login_required
@require_http_methods(GET_POST)
def session_register(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The register: mark people one by one (POST booking + attendance)."""
    session = permissions.get_session_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    form = forms.AttendanceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        booking = permissions.get_register_booking_or_404(
            request.user, session, form.cleaned_data["booking"], write=True
        )
        return button_post(
            request,
            lambda: services.attendance_mark(
                actor=request.user, booking=booking, attendance=form.cleaned_data["attendance"]
            ),
            done="The register has been updated.",
            to=reverse("training:session_register", args=[session.pk]),
        )
    event_record_view(actor=request.user, target=session, what="register")
    return render(
        request,
        "training/session_register.html",
        {
            "session": session,
            "register": selectors.register_for_session(session=session),
            "waitlist": selectors.waitlist_for_session(session=session),
            "can_edit": permissions.can_edit_session_register(request.user, session),
            "can_manage": permissions.can_change_session(request.user, session),
            "has_started": session.starts_at <= timezone.now(),
            "breadcrumbs": CRUMBS(manage_crumb(), (f"{session}", "")),
        },
    )


@login_required
@require_POST
def register_mark_all(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_for_user_or_404(request.user, pk, write=True)
    form = forms.MarkAllForm(request.POST)
    if form.is_valid():
        return button_post(
            request,
            lambda: services.register_mark_all(
                actor=request.user, session=session, attendance=form.cleaned_data["attendance"]
            ),
            done=lambda marked: f"{marked} people marked on the register.",
            to=reverse("training:session_register", args=[session.pk]),
        )
    return redirect("training:session_register", session.pk)


@login_required
@require_GET
def approval_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_approvals(request.user))
    return render(
        request,
        "training/approval_list.html",
        {
            "page_obj": page_of(request, selectors.approvals_pending_for_user(user=request.user)),
            "breadcrumbs": CRUMBS(manage_crumb(), ("Approvals", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def booking_approve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Approving is one button on the list (POST decision=approve). Not approving cannot be
    undone (the place is freed for the next person), so the list links here first: GET is an
    "Are you sure" page with a warning, whose button posts decision=refuse. A booking no longer
    waiting for approval is told so, and nothing changes."""
    booking = permissions.get_booking_for_approval_or_404(request.user, pk, write=True)
    back_to_agency = (request.POST.get("back_to") or request.GET.get("back_to")) == "agency"
    back = (
        reverse("training:agency_training", args=[booking.agency_id]) + "?show=approvals"
        if back_to_agency
        else reverse("training:approval_list")
    )
    if booking.status != TrainingBooking.Status.PENDING_APPROVAL:
        messages.error(
            request,
            "This booking is no longer waiting for approval, so it cannot be approved or "
            "refused. Nothing has been changed.",
        )
        return redirect(back)
    if request.method == "GET":
        return render(
            request,
            "training/booking_refuse.html",
            {
                "booking": booking,
                "back": back,
                "back_to_agency": back_to_agency,
                "breadcrumbs": CRUMBS(manage_crumb(), ("Approvals", "")),
            },
        )
    approve = request.POST.get("decision") == "approve"
    return button_post(
        request,
        lambda: services.booking_approve(actor=request.user, booking=booking, approve=approve),
        done="Approved." if approve else "Not approved: the place is freed.",
        to=back,
    )
