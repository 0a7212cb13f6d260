"""Pages for notifications, the identity panel, rapid reviews and agency requests."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_view
from safeguarding.case_reviews import forms, permissions, selectors, services
from safeguarding.case_reviews.models import RapidReview
from safeguarding.case_reviews.views.common import GET_POST, bind, crumbs, form_page
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require


@login_required
@require_GET
def case_review_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    is_lead = bool(permissions.lead_agency_ids(user))
    require(permissions.can_view_case_reviews(user) or is_lead)
    return render(
        request,
        "case_reviews/home.html",
        {
            "notifications": selectors.notification_list_for_user(user=user),
            "reviews": selectors.review_list_for_user(user=user),
            "requests": selectors.agency_request_list_for_user(user=user, open_only=True),
            "deadlines": selectors.deadline_list(user=user),
            "can_manage": permissions.can_manage_case_reviews(user),
            "case_team": permissions.is_case_team(user),
            "breadcrumbs": [("Home", reverse("core:home")), ("Case reviews", "")],
        },
    )


@login_required
@require_http_methods(GET_POST)
def notification_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_case_reviews(request.user))
    require(permissions.can_manage_case_reviews(request.user), write_attempt=True)
    form = forms.NotificationForm(bind(request))
    if request.method == "POST" and form.is_valid():
        try:
            notification = services.notification_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Notification {notification.reference} recorded.")
            return redirect("case_reviews:notification_detail", notification.pk)
    return form_page(
        request,
        form,
        title="Record a serious incident notification",
        submit="Record notification",
        intro="The national Panel must be notified within 5 working days of the local "
        "authority becoming aware. Children are added next, each with a pseudonym.",
        breadcrumbs=crumbs(("Record a notification", "")),
    )


@login_required
@require_GET
def notification_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = permissions.get_notification_for_user_or_404(request.user, pk)
    case_team = permissions.is_case_team(request.user)
    event_record_view(actor=request.user, target=notification)
    return render(
        request,
        "case_reviews/notification_detail.html",
        {
            "notification": notification,
            "rapid_review": notification.rapid_review,
            "children": notification.children.all() if case_team else [],
            "case_team": case_team,
            "can_edit": permissions.can_edit_notification(request.user, notification),
            "viewers": selectors.viewer_list(notification=notification) if case_team else [],
            "viewers_url": reverse(
                "activity_log:viewer_list",
                args=[ContentType.objects.get_for_model(notification).pk, notification.pk],
            ),
            "breadcrumbs": crumbs((notification.reference, "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def notification_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = permissions.get_notification_for_user_or_404(request.user, pk, write=True)
    initial = {
        "area": notification.area,
        "incident_type": notification.incident_type,
        "abuse_or_neglect_suspected": notification.abuse_or_neglect_suspected,
        "looked_after": notification.looked_after,
        "aware_on": notification.aware_on,
        "notified_on": notification.notified_on,
        "summary": notification.summary,
        "agencies": list(notification.agencies.all()),
        "version": notification.version,
    }
    form = forms.NotificationEditForm(bind(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        agencies = data.pop("agencies")
        try:
            services.notification_update(
                actor=request.user,
                notification=notification,
                expected_version=version,
                agencies=agencies,
                **data,
            )
        except ValidationError as exc:
            notification.refresh_from_db(fields=["version"])
            add_service_errors(form, exc, record=notification)
        else:
            messages.success(request, f"Notification {notification.reference} updated.")
            return redirect("case_reviews:notification_detail", notification.pk)
    return form_page(
        request,
        form,
        title=f"Change notification {notification.reference}",
        submit="Save changes",
        breadcrumbs=crumbs(
            (notification.reference, reverse("case_reviews:notification_detail", args=[pk])),
            ("Change", ""),
        ),
    )


@login_required
@require_http_methods(GET_POST)
def child_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = permissions.get_notification_for_user_or_404(request.user, pk, write=True)
    form = forms.ChildForm(bind(request))
    if request.method == "POST" and form.is_valid():
        try:
            child = services.child_add(
                actor=request.user, notification=notification, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{child.pseudonym} has been added.")
            return redirect("case_reviews:notification_detail", notification.pk)
    return form_page(
        request,
        form,
        title="Add a child",
        caption=notification.reference,
        submit="Add child",
        intro="The pseudonym is used everywhere. The other details go into the restricted "
        "identity panel: encrypted, seen only by the review team, and every view is recorded.",
        breadcrumbs=crumbs(
            (notification.reference, reverse("case_reviews:notification_detail", args=[pk])),
            ("Add a child", ""),
        ),
    )


@login_required
@require_GET
def child_identity(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = permissions.get_child_for_user_or_404(request.user, pk)
    services.child_identity_view(actor=request.user, child=child)
    notification = child.notification
    return render(
        request,
        "case_reviews/child_identity.html",
        {
            "child": child,
            "notification": notification,
            "breadcrumbs": crumbs(
                (
                    notification.reference,
                    reverse("case_reviews:notification_detail", args=[notification.pk]),
                ),
                (f"Identity panel: {child.pseudonym}", ""),
            ),
        },
    )


def _rapid_crumbs(rapid: RapidReview, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    ref = rapid.notification.reference
    return crumbs(
        (ref, reverse("case_reviews:notification_detail", args=[rapid.notification_id])),
        ("Rapid review", reverse("case_reviews:rapid_review_detail", args=[rapid.pk])),
        *extra,
    )


@login_required
@require_GET
def rapid_review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rapid = permissions.get_rapid_review_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=rapid)
    return render(
        request,
        "case_reviews/rapid_review_detail.html",
        {
            "rapid_review": rapid,
            "notification": rapid.notification,
            "requests": selectors.agency_request_list_for_rapid_review(rapid_review=rapid),
            "learning": selectors.learning_for(source=rapid, user=request.user),
            "reviews": rapid.reviews.all(),
            "can_edit": permissions.can_edit_rapid_review(request.user, rapid),
            "case_team": permissions.is_case_team(request.user),
            "breadcrumbs": crumbs(
                (
                    rapid.notification.reference,
                    reverse("case_reviews:notification_detail", args=[rapid.notification_id]),
                ),
                ("Rapid review", ""),
            ),
        },
    )


@login_required
@require_http_methods(GET_POST)
def rapid_review_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rapid = permissions.get_rapid_review_for_user_or_404(request.user, pk, write=True)
    fields = list(forms.RapidReviewForm.base_fields)
    initial = {name: getattr(rapid, name) for name in fields}
    form = forms.RapidReviewForm(bind(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.rapid_review_update(
                actor=request.user, rapid_review=rapid, expected_version=version, **data
            )
        except ValidationError as exc:
            rapid.refresh_from_db(fields=["version"])
            add_service_errors(form, exc, record=rapid)
        else:
            messages.success(request, "The rapid review has been updated.")
            return redirect("case_reviews:rapid_review_detail", rapid.pk)
    return form_page(
        request,
        form,
        title="Meeting, decision and the Panel",
        caption=f"Rapid review of {rapid.notification.reference}",
        submit="Save rapid review",
        breadcrumbs=_rapid_crumbs(rapid, ("Change", "")),
    )


@login_required
@require_http_methods(GET_POST)
def agency_request_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rapid = permissions.get_rapid_review_for_user_or_404(request.user, pk, write=True)
    form = forms.AgencyRequestForm(bind(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_request_create(
                actor=request.user, rapid_review=rapid, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The request has been sent to the agency.")
            return redirect("case_reviews:rapid_review_detail", rapid.pk)
    return form_page(
        request,
        form,
        title="Request a chronology or information",
        caption=f"Rapid review of {rapid.notification.reference}",
        submit="Send request",
        breadcrumbs=_rapid_crumbs(rapid, ("Request", "")),
    )


@login_required
@require_http_methods(GET_POST)
def rapid_review_learning_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rapid = permissions.get_rapid_review_for_user_or_404(request.user, pk, write=True)
    form = forms.LearningForm(bind(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.rapid_review_learning_record(
                actor=request.user, rapid_review=rapid, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The learning has been recorded.")
            return redirect("case_reviews:rapid_review_detail", rapid.pk)
    return form_page(
        request,
        form,
        title="Record learning from the rapid review",
        caption=f"Rapid review of {rapid.notification.reference}",
        submit="Record learning",
        breadcrumbs=_rapid_crumbs(rapid, ("Learning", "")),
    )


@login_required
@require_http_methods(GET_POST)
def agency_request_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency_request = permissions.get_agency_request_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    if request.method == "GET" and agency_request.response:
        event_record_view(actor=request.user, target=agency_request, what="agency submission")
    form = forms.AgencyResponseForm(
        bind(request),
        initial={"response": agency_request.response, "version": agency_request.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_request_submit(
                actor=request.user,
                request=agency_request,
                response=form.cleaned_data["response"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            agency_request.refresh_from_db(fields=["version"])
            add_service_errors(form, exc, record=agency_request)
        else:
            messages.success(request, "Thank you: your agency's submission has been received.")
            return redirect("case_reviews:case_review_home")
    return render(
        request,
        "case_reviews/agency_request_submit.html",
        {
            "form": form,
            "agency_request": agency_request,
            "can_submit": permissions.can_submit_agency_request(request.user, agency_request),
            "breadcrumbs": crumbs((f"{agency_request.get_kind_display()} request", "")),
        },
    )
