"""Pages for incident notifications, the identity panel, rapid reviews and agency requests."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.case_reviews import forms, permissions, selectors, services
from safeguarding.case_reviews.models import IncidentNotification, RapidReview
from safeguarding.case_reviews.rules import kind_by_key
from safeguarding.case_reviews.views.common import CRUMBS, may_manage
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    GET_POST,
    Crumb,
    Words,
    calls,
    calls_on,
    create_view,
    form_page,
    form_view,
    initial_from,
)
from safeguarding.core.uploads import attachment_response


def _notification_crumbs(notification: IncidentNotification, *extra: Crumb) -> list[Crumb]:
    return CRUMBS(
        (
            notification.reference,
            reverse("case_reviews:incident_notification_detail", args=[notification.pk]),
        ),
        *extra,
    )


def _rapid_crumbs(rapid: RapidReview, *extra: Crumb) -> list[Crumb]:
    return _notification_crumbs(
        rapid.notification,
        ("Rapid review", reverse("case_reviews:rapid_review_detail", args=[rapid.pk])),
        *extra,
    )


def _notification_url(notification: IncidentNotification) -> str:
    return reverse("case_reviews:incident_notification_detail", args=[notification.pk])


incident_notification_create = create_view(
    check=may_manage,
    form_class=forms.IncidentNotificationForm,
    save=lambda user, form: services.incident_notification_create(actor=user, **form.cleaned_data),
    success_message=lambda notification: f"Notification {notification.reference} recorded.",
    success_url=_notification_url,
    title="Record a serious incident notification",
    submit="Record notification",
    intro="The national Panel must be notified within 5 working days of the local "
    "authority becoming aware. Children are added next, each with a pseudonym.",
    breadcrumbs=lambda: CRUMBS(("Record a notification", "")),
)


@login_required
@require_GET
def incident_notification_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = permissions.get_incident_notification_for_user_or_404(request.user, pk)
    case_team = permissions.is_case_team(request.user)
    event_record_view(actor=request.user, target=notification)
    return render(
        request,
        "case_reviews/incident_notification_detail.html",
        {
            "notification": notification,
            "rapid_review": notification.rapid_review,
            "children": notification.children.all() if case_team else [],
            "case_team": case_team,
            "can_edit": permissions.can_edit_incident_notification(request.user, notification),
            "can_archive": permissions.can_archive_incident_notification(
                request.user, notification
            ),
            "viewers": (
                selectors.incident_notification_viewer_list(notification=notification)
                if case_team
                else []
            ),
            "viewers_url": selectors.incident_notification_viewers_url(notification=notification),
            "breadcrumbs": CRUMBS((notification.reference, "")),
        },
    )


def _rapid_url(rapid: RapidReview) -> str:
    return reverse("case_reviews:rapid_review_detail", args=[rapid.pk])


# What the pages about one notification, or one rapid review, share: the permission-checked
# fetch (for writing), the trail and a return to its page.
notification_page = partial(
    form_view,
    fetch=partial(permissions.get_incident_notification_for_user_or_404, write=True),
    success_url=_notification_url,
    breadcrumbs=_notification_crumbs,
)
rapid_review_page = partial(
    form_view,
    fetch=partial(permissions.get_rapid_review_for_user_or_404, write=True),
    caption=lambda rapid: f"Rapid review of {rapid.notification.reference}",
    success_url=_rapid_url,
    breadcrumbs=_rapid_crumbs,
)

incident_notification_update = notification_page(
    form_class=forms.IncidentNotificationEditForm,
    initial=lambda notification: initial_from(
        notification,
        forms.IncidentNotificationEditForm,
        agencies=list(notification.agencies.all()),
    ),
    edits_record=True,
    save=calls(services.incident_notification_update, "notification", versioned=True),
    success_message=lambda notification: f"Notification {notification.reference} updated.",
    title=lambda notification: f"Change notification {notification.reference}",
    crumb="Change",
    submit="Save changes",
)


incident_notification_archive = notification_page(
    fetch=partial(permissions.get_incident_notification_for_user_or_404, archive=True),
    form_class=forms.ArchiveForm,
    initial=lambda notification: {"version": notification.version},
    edits_record=True,
    save=lambda user, notification, form: services.incident_notification_archive(
        actor=user,
        notification=notification,
        reason=form.cleaned_data["reason"],
        expected_version=form.cleaned_data["version"],
    ),
    success_message=lambda notification: (
        f"Notification {notification.reference} has been archived."
    ),
    success_url=lambda notification: reverse("case_reviews:case_review_home"),
    title=lambda notification: f"Archive notification {notification.reference}",
    crumb="Archive",
    submit="Archive notification",
    intro="An archived notification and its rapid review leave the lists, the deadlines "
    "and the annual report's figures, and can no longer be changed. Nothing is deleted: "
    "its page stays, with the reason.",
    template="case_reviews/confirm_page.html",
    context={"warning": "Archiving cannot be undone."},
)


child_add = notification_page(
    forms.ChildForm,
    lambda user, notification, form: services.child_add(
        actor=user, notification=notification, **form.cleaned_data
    ),
    Words("Add a child", "Add child"),
    result_message=lambda child: f"{child.pseudonym} has been added.",
    caption=lambda notification: notification.reference,
    intro="The pseudonym is used everywhere. The other details go into the restricted "
    "identity panel: encrypted, seen only by the review team, and every view is recorded.",
)


@login_required
@require_GET
def child_identity(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = permissions.get_child_for_user_or_404(request.user, pk)
    services.child_identity_view(actor=request.user, child=child)
    return render(
        request,
        "case_reviews/child_identity.html",
        {
            "child": child,
            "notification": child.notification,
            "breadcrumbs": _notification_crumbs(
                child.notification, (f"Identity panel: {child.pseudonym}", "")
            ),
        },
    )


child_identity_update = form_view(
    fetch=partial(permissions.get_child_for_user_or_404, write=True),
    form_class=forms.ChildIdentityForm,
    initial=lambda child: initial_from(child, forms.ChildIdentityForm),
    edits_record=True,
    save=calls(services.child_identity_update, "child", versioned=True),
    success_message=lambda child: f"The identity panel for {child.pseudonym} has been updated.",
    success_url=lambda child: reverse("case_reviews:child_identity", args=[child.pk]),
    title=lambda child: f"Change the identity panel: {child.pseudonym}",
    caption=lambda child: child.notification.reference,
    submit="Save changes",
    intro=lambda child: (
        f"Date of birth as first entered: “{child.date_of_birth_as_entered}”. "
        "It could not be read as a date: enter the date of birth in the boxes."
        if child.date_of_birth_as_entered
        else ""
    ),
    breadcrumbs=lambda child, crumb: _notification_crumbs(
        child.notification,
        (
            f"Identity panel: {child.pseudonym}",
            reverse("case_reviews:child_identity", args=[child.pk]),
        ),
        ("Change", ""),
    ),
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
            "reviews": selectors.practice_review_list_for_rapid_review(rapid_review=rapid),
            "can_edit": permissions.can_edit_rapid_review(request.user, rapid),
            "case_team": permissions.is_case_team(request.user),
            "breadcrumbs": _notification_crumbs(rapid.notification, ("Rapid review", "")),
        },
    )


rapid_review_update = rapid_review_page(
    form_class=forms.RapidReviewForm,
    initial=lambda rapid: initial_from(rapid, forms.RapidReviewForm),
    edits_record=True,
    save=calls(services.rapid_review_update, "rapid_review", versioned=True),
    words=Words(
        "Meeting, decision and the Panel",
        "Save rapid review",
        "The rapid review has been updated.",
    ),
    crumb="Change",
)


agency_request_create = rapid_review_page(
    form_class=forms.AgencyRequestForm,
    save=calls(services.agency_request_create, "rapid_review"),
    words=Words(
        "Request a chronology or information",
        "Send request",
        "The request has been sent to the agency.",
    ),
    crumb="Request",
)


rapid_review_learning_add = rapid_review_page(
    form_class=forms.LearningForm,
    save=calls(services.rapid_review_learning_record, "rapid_review"),
    words=Words(
        "Record learning from the rapid review",
        "Record learning",
        "The learning has been recorded.",
    ),
    crumb="Learning",
)


@login_required
@require_http_methods(GET_POST)
def agency_request_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The agency's page for a request: what is asked, about which child (by pseudonym), the
    panel's context and by when, the files already attached, and the form to answer it (text,
    files or both). Someone who may see the request but not answer it (a read-only named
    contact) gets the page without the form."""
    agency_request = permissions.get_agency_request_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    can_submit = permissions.can_submit_agency_request(request.user, agency_request)
    if request.method == "GET" and agency_request.response:
        event_record_view(actor=request.user, target=agency_request, what="agency submission")
    notification = agency_request.rapid_review.notification
    # A function, not a declaration: readers see the page too (write only on POST), in a
    # template without the form, chosen by whether the signed-in user may answer.
    return form_page(
        request,
        form_class=forms.AgencyResponseForm,
        initial=initial_from(agency_request, forms.AgencyResponseForm),
        record=agency_request,
        save=calls_on(
            services.agency_request_submit,
            actor=request.user,
            request=agency_request,
            versioned=True,
        ),
        success_message="Thank you: your agency's submission has been received.",
        success_url=reverse("case_reviews:case_review_home"),
        title=f"{agency_request.get_kind_display()} request for {agency_request.agency.name}",
        caption=f"Rapid review of {notification.reference}",
        submit="Submit",
        template=(
            "case_reviews/agency_request_submit.html"
            if can_submit
            else "case_reviews/agency_request_detail.html"
        ),
        context={
            "agency_request": agency_request,
            "children": selectors.notified_child_pseudonyms(notification=notification),
            "documents": selectors.agency_request_document_list(request=agency_request),
        },
        breadcrumbs=CRUMBS((f"{agency_request.get_kind_display()} request", "")),
    )


@login_required
@require_GET
def agency_request_document_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """A file an agency attached: only for people who may see the request; every download is
    recorded in the activity log."""
    document = permissions.get_agency_request_document_for_user_or_404(request.user, pk)
    kind = kind_by_key(document.file_kind)
    event_record_export(
        actor=request.user,
        what="agency request document",
        rows=1,
        target=document.request,
        file_format=kind.key,
    )
    return attachment_response(document.file, download_name=document.original_name, kind=kind)
