"""A signed-in person's training: booking, the waiting list, cancelling, evaluating,
certificates, the impact survey and completing briefings.

Form page: not used for booking or accepting an offer: each is one button posting back to the
page it came from, which shows the outcome as a message. Leaving the waiting list (or turning
down an offered place) cannot be undone, so it has a confirmation page (form_view).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from safeguarding.activity_log.services import event_record_export
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest, file_response
from safeguarding.core.pages import Closed, Crumb, Words, form_view
from safeguarding.core.paging import page_of
from safeguarding.training import forms, ics, permissions, selectors, services
from safeguarding.training.models import TrainingBooking
from safeguarding.training.views.common import CRUMBS, your_training_crumb

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


@login_required
@require_POST
def session_book(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_to_book_or_404(request.user, pk)
    return button_post(
        request,
        lambda: services.booking_create(actor=request.user, session=session),
        done=_booking_message,
        to=reverse("training:session_detail", args=[session.pk]),
    )


def _booking_message(booking: TrainingBooking) -> str:
    status = booking.status
    if status == TrainingBooking.Status.CONFIRMED:
        return "Your place is booked. We have e-mailed you the joining instructions."
    if status == TrainingBooking.Status.PENDING_APPROVAL:
        return "Your place is held until your line manager approves it."
    return (
        "The session is full, so you are on the waiting list. If a place frees up we will "
        "offer it to you by e-mail."
    )


@login_required
@require_GET
def booking_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "training/booking_list.html",
        {
            "page_obj": page_of(request, selectors.booking_list_for_user(user=request.user)),
            "briefing_certificates": selectors.briefing_certificate_list_for_user(
                user=request.user
            ).count(),
            "breadcrumbs": CRUMBS(("Your training", "")),
        },
    )


@login_required
@require_GET
def certificate_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own briefing certificates (a session's certificate is on its booking)."""
    certificates = selectors.briefing_certificate_list_for_user(user=request.user)
    return render(
        request,
        "training/certificate_list.html",
        {
            "page_obj": page_of(request, certificates),
            "breadcrumbs": CRUMBS(your_training_crumb(), ("Briefing certificates", "")),
        },
    )


def _cancel_message(booking: TrainingBooking) -> str:
    text = "Your booking has been cancelled."
    if booking.charge_pence:
        text += (
            f" Because it was cancelled late, £{booking.charge_pence / 100:.2f} will be "
            "charged to your agency."
        )
    return text


@login_required
@require_POST
def offer_accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.offer_accept(actor=request.user, booking=booking),
        done=_booking_message,
        to=reverse("training:booking_list"),
    )


def _to_bookings(booking: TrainingBooking) -> str:
    return reverse("training:booking_list")


def _booking_crumbs(booking: TrainingBooking, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(your_training_crumb(), crumb)


# What a learner's pages about one of their bookings share: the permission-checked fetch
# (for writing), the trail and a return to their training.
booking_page = partial(
    form_view,
    fetch=partial(permissions.get_booking_for_user_or_404, write=True),
    success_url=_to_bookings,
    breadcrumbs=_booking_crumbs,
)

# A confirmation page (its own template: the warning about a late charge).
booking_cancel = booking_page(
    Form,
    lambda user, booking, form: services.booking_cancel(actor=user, booking=booking),
    Words("Cancel your place", "Cancel my place"),
    result_message=_cancel_message,
    crumb="Cancel a booking",
    template="training/booking_cancel.html",
    context=lambda user, booking: {
        "booking": booking,
        "is_free": services.cancellation_is_free(booking.session),
    },
)


def _offered(booking: TrainingBooking) -> bool:
    return booking.status == TrainingBooking.Status.OFFERED


def _nothing_to_leave(user: User, booking: TrainingBooking) -> Closed | None:
    if booking.status in (TrainingBooking.Status.WAITLISTED, TrainingBooking.Status.OFFERED):
        return None
    return Closed(
        "You are not on the waiting list for this session and have no place offered, "
        "so there is nothing to leave. Nothing has been changed.",
        _to_bookings(booking),
        messages.ERROR,
    )


def _leave_words(booking: TrainingBooking) -> str:
    return "Turn down the place" if _offered(booking) else "Leave the waiting list"


# Leaving the waiting list, or turning down a place offered from it, cannot be undone (the
# place goes to the next person): a confirmation page with a warning. A booking no longer
# waiting or offered is told so, with nothing changed.
waitlist_leave = booking_page(
    Form,
    lambda user, booking, form: services.waitlist_leave(actor=user, booking=booking),
    closed=_nothing_to_leave,
    title=_leave_words,
    submit=_leave_words,
    success_message=lambda booking: (
        "You have turned down the place."
        if _offered(booking)
        else "You have left the waiting list."
    ),
    crumb="Leave the waiting list",
    template="training/waitlist_leave.html",
    context=lambda user, booking: {"booking": booking, "offered": _offered(booking)},
)

evaluation_create = booking_page(
    form_class=forms.EvaluationForm,
    form_kwargs=lambda user, booking: {"course": booking.session.course},
    save=lambda user, booking, form: services.evaluation_submit(
        actor=user, booking=booking, **form.values()
    ),
    success_message="Thank you for your evaluation. Your certificate is ready to download.",
    title=lambda booking: f"Evaluate {booking.session.course.title}",
    crumb="Evaluation",
    intro=(
        "Your answers help us improve the training. Your certificate is ready as soon as "
        "you send them."
    ),
    submit="Send evaluation",
)


impact_response_create = booking_page(
    form_class=forms.ImpactForm,
    save=lambda user, booking, form: services.impact_response_submit(
        actor=user, booking=booking, **form.values()
    ),
    success_message="Thank you: your answers help show what training changes.",
    title=lambda booking: f"Since the training: {booking.session.course.title}",
    crumb="Impact survey",
    submit="Send answers",
)


@login_required
@require_GET
def certificate_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    certificate = permissions.get_certificate_for_user_or_404(request.user, pk)
    if certificate.is_revoked:
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("training:certificate_verify_code", args=[certificate.code])
    )
    pdf = services.certificate_pdf(certificate=certificate, verify_url=verify_url)
    event_record_export(
        actor=request.user,
        what="training certificate",
        rows=1,
        target=certificate,
        file_format="pdf",
    )
    return file_response(
        pdf, filename=f"certificate-{certificate.code}.pdf", content_type="application/pdf"
    )


@login_required
@require_GET
def booking_calendar(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The booking as an .ics file to add to the person's calendar."""
    booking = permissions.get_booking_calendar_for_user_or_404(request.user, pk)
    return file_response(
        ics.booking_calendar(booking=booking),
        filename=f"training-{booking.pk}.ics",
        content_type="text/calendar; charset=utf-8",
    )


briefing_complete = form_view(
    fetch=partial(permissions.get_briefing_for_user_or_404, write=True),
    form_class=forms.BriefingCompleteForm,
    form_kwargs=lambda user, briefing: {"briefing": briefing},
    save=lambda user, briefing, form: services.briefing_complete(
        actor=user,
        briefing=briefing,
        answers=form.answers(),
        rating=int(form.cleaned_data["rating"]),
        feedback=form.cleaned_data["feedback"],
    ),
    success_message="Briefing complete. Your certificate is ready to download.",
    success_url=lambda briefing: reverse("training:briefing_detail", args=[briefing.pk]),
    title=lambda briefing: f"Complete: {briefing.title}",
    crumb="Complete",
    intro="Answer the check questions and tell us how useful the briefing was.",
    submit="Mark as complete",
    breadcrumbs=lambda briefing, crumb: CRUMBS(
        ("Virtual briefings", reverse("training:briefing_list")),
        (briefing.title, reverse("training:briefing_detail", args=[briefing.pk])),
        crumb,
    ),
)
