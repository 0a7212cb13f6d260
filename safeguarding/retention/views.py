"""The administrator's retention page (what is due, what is held, what was removed when),
legal holds, and the subject access download (your own data; anyone's for an administrator).

Form page: not used for the subject access search: a GET search form listing people."""

from __future__ import annotations

import json
from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest, file_response
from safeguarding.core.pages import Trail, calls, create_view, form_view
from safeguarding.core.permissions import require
from safeguarding.retention import forms, permissions, selectors, services

CRUMBS = Trail("Retention", "retention:home")


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_retention(request.user))
    today = timezone.localdate()
    return render(
        request,
        "retention/home.html",
        {
            "as_of": today,
            "statuses": selectors.retention_status_list(as_of=today),
            "holds": selectors.legal_hold_list(),
            "released": selectors.legal_hold_list(active=False)[:20],
            "runs": selectors.retention_run_list(),
            "breadcrumbs": CRUMBS(),
        },
    )


legal_hold_place = create_view(
    check=lambda user: require(permissions.can_place_legal_hold(user)),
    form_class=forms.LegalHoldPlaceForm,
    form_kwargs=lambda user: {"record_types": selectors.holdable_type_choices()},
    save=lambda user, form: services.legal_hold_place(
        actor=user,
        content_type_id=int(form.cleaned_data["record_type"]),
        object_id=form.cleaned_data["object_id"],
        reason=form.cleaned_data["reason"],
        review_on=form.cleaned_data["review_on"],
    ),
    success_message=lambda hold: f"{hold.object_label} is held.",
    success_url=lambda hold: reverse("retention:home"),
    title="Place a legal hold",
    submit="Place the hold",
    intro="A held record, and the records under it, are not deleted or anonymised by "
    "the retention schedule until the hold is released.",
    breadcrumbs=lambda: CRUMBS(("Place a legal hold", "")),
)


legal_hold_release = form_view(
    forms.LegalHoldReleaseForm,
    calls(services.legal_hold_release, "hold"),
    fetch=partial(permissions.get_legal_hold_for_user_or_404, write=True),
    success_message=lambda hold: f"The hold on {hold.object_label} has been released.",
    success_url=lambda hold: reverse("retention:home"),
    title=lambda hold: f"Release the hold on {hold.object_label}",
    caption=lambda hold: f"Placed for: {hold.reason}",
    submit="Release the hold",
    breadcrumbs=lambda hold, crumb: CRUMBS((str(hold), "")),
)


@login_required
@require_GET
def person_find(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_retention(request.user))
    form = forms.PersonFindForm(request.GET or None)
    people = selectors.person_find(email=form.cleaned_data["email"]) if form.is_valid() else []
    return render(
        request,
        "retention/person_find.html",
        {
            "form": form,
            "people": people,
            "breadcrumbs": CRUMBS(("Subject access request", "")),
        },
    )


def _json_download(data: object, filename: str) -> HttpResponse:
    response = file_response(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        filename=filename,
        content_type="application/json; charset=utf-8",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The page offering the download of your own data."""
    return render(
        request,
        "retention/my_data.html",
        {
            "breadcrumbs": [
                ("Home", reverse("core:home")),
                ("Your account", reverse("accounts:profile")),
                ("Your data", ""),
            ]
        },
    )


@login_required
@require_GET
def person_data_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = permissions.get_person_for_user_or_404(request.user, pk)
    data = services.person_data_export(actor=request.user, person=person)
    return _json_download(data, f"your-data-{timezone.localdate():%Y-%m-%d}-{person.pk}.json")
