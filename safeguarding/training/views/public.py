"""Public pages: the catalogue, session dates, public briefings and certificate verification.
Booking and everything personal needs an account (see views/learner.py).

Form page: not used here: the certificate check is a GET form that saves nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.core.http import public
from safeguarding.core.paging import page_of
from safeguarding.core.ratelimit import rate_limited, too_many_requests
from safeguarding.training import codes, forms, permissions, selectors, services
from safeguarding.training.models import TrainingBooking
from safeguarding.training.views.common import CRUMBS

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _user(request: HttpRequest) -> User:
    """The visitor: a User, or AnonymousUser (whose role checks all answer no)."""
    return cast("User", request.user)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme == "https" and parts.netloc else ""


@public
@require_GET
def course_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/course_list.html",
        {
            "page_obj": page_of(request, selectors.course_list_public()),
            "can_manage": permissions.can_view_training_management(_user(request)),
            "breadcrumbs": [("Home", reverse("core:home")), ("Training", "")],
        },
    )


@public
@require_GET
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_get_public(pk=pk)
    if course is None:
        raise Http404
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "sessions": selectors.session_list_for_course(course=course),
            "past_page": page_of(request, selectors.session_list_past_for_course(course=course)),
            "can_manage": permissions.can_manage_training(_user(request)),
            "breadcrumbs": CRUMBS((course.title, "")),
        },
    )


@public
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get_public(pk=pk)
    if session is None:
        raise Http404
    booking = selectors.booking_for_learner(user=_user(request), session=session)
    places_left = max(session.capacity - session.taken, 0)  # type: ignore[attr-defined]
    return render(
        request,
        "training/session_detail.html",
        {
            "session": session,
            "booking": booking,
            "places_left": places_left,
            # The joining link is only ever shown to people with a confirmed place.
            "show_joining_link": booking is not None
            and booking.status == TrainingBooking.Status.CONFIRMED,
            "can_book": booking is None
            or booking.status
            not in (*TrainingBooking.HOLDS_PLACE, TrainingBooking.Status.WAITLISTED),
            "breadcrumbs": CRUMBS(
                (
                    session.course.title,
                    reverse("training:course_detail", args=[session.course_id]),
                ),
                ("Session", ""),
            ),
        },
    )


@public
@require_GET
def briefing_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/briefing_list.html",
        {
            "page_obj": page_of(request, selectors.briefing_list_for_user(user=_user(request))),
            "breadcrumbs": CRUMBS(("Virtual briefings", "")),
        },
    )


@public
@require_GET
def briefing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Opening a briefing counts a view, signed in or not."""
    user = _user(request)
    briefing = permissions.get_briefing_for_user_or_404(user, pk)
    services.briefing_view_count(briefing=briefing)
    response = render(
        request,
        "training/briefing_detail.html",
        {
            "briefing": briefing,
            "completion": selectors.briefing_completion_for(user=user, briefing=briefing),
            "breadcrumbs": CRUMBS(
                ("Virtual briefings", reverse("training:briefing_list")), (briefing.title, "")
            ),
        },
    )
    # Allow the briefing's own presentation and audio hosts (and only those) on this page.
    update = {
        directive: [origin]
        for directive, origin in (
            ("frame-src", _origin(briefing.embed_url)),
            ("media-src", _origin(briefing.audio_url)),
        )
        if origin
    }
    if update:
        response._csp_update = update  # type: ignore[attr-defined]
    return response


@public
@require_GET
def certificate_verify(request: HttpRequest) -> HttpResponse:
    form = forms.VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = codes.normalise_code(form.cleaned_data["code"])
        return redirect("training:certificate_verify_code", code=code or "-")
    return render(
        request,
        "training/certificate_verify.html",
        {"form": form, "breadcrumbs": CRUMBS(("Check a certificate", ""))},
    )


@public
@require_GET
def certificate_verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """Confirms a certificate is genuine. A forged code finds nothing; a revoked one says so.
    The page names the course and date, and the holder's name for comparison with the paper.
    Lookups are rate limited per client (core.ratelimit), so codes cannot be guessed in bulk."""
    if rate_limited(
        request,
        scope="certificate_check",
        limit=settings.RATE_LIMIT_CERTIFICATE_CHECK,
        window=settings.RATE_LIMIT_WINDOW_SECONDS,
    ):
        return too_many_requests(request, window=settings.RATE_LIMIT_WINDOW_SECONDS)
    certificate = selectors.certificate_find(code=code)
    return render(
        request,
        "training/certificate_verify.html",
        {
            "form": forms.VerifyForm(initial={"code": code}),
            "checked": True,
            "code": code,
            "certificate": certificate,
            "breadcrumbs": CRUMBS(("Check a certificate", "")),
        },
    )
