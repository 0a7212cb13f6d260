"""A signed-in person's training: booking, the waiting list, cancelling, evaluating,
certificates, the impact survey and completing briefings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_export
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.training import forms, permissions, selectors, services
from safeguarding.training.models import TrainingBooking

_GET_POST = ["GET", "POST"]


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Home", reverse("core:home")),
        ("Training", reverse("training:course_list")),
        ("Your training", reverse("training:booking_list")),
        *extra,
    ]


@login_required
@require_POST
def session_book(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if request.user.is_read_only:
        raise PermissionDenied
    session = selectors.session_get_public(pk=pk)
    if session is None:
        raise Http404
    try:
        booking = services.booking_create(actor=request.user, session=session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _booking_message(booking))
    return redirect("training:session_detail", session.pk)


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
            "bookings": selectors.booking_list_for_user(user=request.user),
            "briefing_certificates": selectors.certificate_list_for_user(user=request.user).filter(
                briefing_completion__isnull=False
            ),
            "breadcrumbs": _crumbs()[:-1] + [("Your training", "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def booking_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_user_or_404(request.user, pk, write=True)
    form = Form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.booking_cancel(actor=request.user, booking=booking)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            text = "Your booking has been cancelled."
            if booking.charge_pence:
                text += (
                    f" Because it was cancelled late, £{booking.charge_pence / 100:.2f} will be "
                    "charged to your agency."
                )
            messages.success(request, text)
            return redirect("training:booking_list")
    return render(
        request,
        "training/booking_cancel.html",
        {
            "form": form,
            "booking": booking,
            "is_free": services.cancellation_is_free(booking.session),
            "breadcrumbs": _crumbs(("Cancel a booking", "")),
        },
    )


@login_required
@require_POST
def offer_accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_user_or_404(request.user, pk, write=True)
    try:
        booking = services.offer_accept(actor=request.user, booking=booking)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _booking_message(booking))
    return redirect("training:booking_list")


@login_required
@require_POST
def waitlist_leave(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_user_or_404(request.user, pk, write=True)
    try:
        services.waitlist_leave(actor=request.user, booking=booking)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "You have left the waiting list.")
    return redirect("training:booking_list")


@login_required
@require_http_methods(_GET_POST)
def evaluation_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_user_or_404(request.user, pk, write=True)
    form = forms.EvaluationForm(
        request.POST if request.method == "POST" else None, course=booking.session.course
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_submit(actor=request.user, booking=booking, **form.values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Thank you for your evaluation. Your certificate is ready to download."
            )
            return redirect("training:booking_list")
    return render(
        request,
        "training/evaluation_form.html",
        {
            "form": form,
            "booking": booking,
            "breadcrumbs": _crumbs(("Evaluation", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def impact_response_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_user_or_404(request.user, pk, write=True)
    form = forms.ImpactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.impact_response_submit(actor=request.user, booking=booking, **form.values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Thank you: your answers help show what training changes.")
            return redirect("training:booking_list")
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Since the training: {booking.session.course.title}",
            "submit": "Send answers",
            "breadcrumbs": _crumbs(("Impact survey", "")),
        },
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
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


@login_required
@require_http_methods(_GET_POST)
def briefing_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    briefing = permissions.get_briefing_for_user_or_404(request.user, pk, write=True)
    form = forms.BriefingCompleteForm(
        request.POST if request.method == "POST" else None, briefing=briefing
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.briefing_complete(
                actor=request.user,
                briefing=briefing,
                answers=form.answers(),
                rating=int(form.cleaned_data["rating"]),
                feedback=form.cleaned_data["feedback"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Briefing complete. Your certificate is ready to download.")
            return redirect("training:briefing_detail", briefing.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Complete: {briefing.title}",
            "intro": "Answer the check questions and tell us how useful the briefing was.",
            "submit": "Mark as complete",
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Virtual briefings", reverse("training:briefing_list")),
                (briefing.title, reverse("training:briefing_detail", args=[briefing.pk])),
                ("Complete", ""),
            ],
        },
    )
