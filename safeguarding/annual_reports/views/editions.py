"""Editions: sections and their narratives, the figure list, the sign-off workflow, publication
and the statutory follow-up.

Form page: not used for the section editor (its Preview button re-renders the page with the
narrative as it will be published, without saving) or for the one-button workflow steps (submit,
reopen, move), which are POST-only.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.annual_reports import (
    catalogue,
    forms,
    permissions,
    provenance,
    selectors,
    services,
)
from safeguarding.annual_reports.models import EditionSection, ReportEdition
from safeguarding.annual_reports.views.common import CRUMBS, edition_crumbs
from safeguarding.annual_reports.views.editor import editor_page
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    GET_POST,
    Words,
    calls,
    calls_on,
    cleaned,
    create_view,
    form_page,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _detail_url(edition: ReportEdition) -> str:
    return reverse("annual_reports:edition_detail", args=[edition.pk])


# --- editions ---------------------------------------------------------------------------------


def _may_manage(user: User) -> None:
    require(
        permissions.can_manage_annual_report(user),
        write_attempt=permissions.can_view_annual_report(user),
    )


edition_create = create_view(
    check=_may_manage,
    form_class=forms.EditionCreateForm,
    save=lambda user, form: services.report_edition_create(
        actor=user, year=form.cleaned_data["year"], title=form.cleaned_data["title"]
    ),
    success_message=lambda edition: f"{edition.title} has been started.",
    success_url=_detail_url,
    title="Start a yearly report",
    submit="Start the report",
    breadcrumbs=lambda: CRUMBS(("Start a report", "")),
)


@login_required
@require_GET
def edition_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    edition = permissions.get_edition_for_user_or_404(request.user, pk)
    view = selectors.edition_view(edition=edition, include_hidden=True)
    latest = selectors.latest_version(edition=edition)
    changed = selectors.figures_changed_since(version=latest, shown=view.shown) if latest else []
    return render(
        request,
        "annual_reports/edition_detail.html",
        {
            "edition": edition,
            "view": view,
            "sign_offs": selectors.sign_off_status(edition=edition),
            "today": timezone.localdate(),
            "seats": selectors.seat_holder_list(day=timezone.localdate()),
            "versions": selectors.version_list(edition=edition),
            "latest": latest,
            "changed": changed,
            "can_edit": permissions.can_edit_edition(request.user, edition),
            "can_sign_off": permissions.can_sign_off_edition(request.user, edition),
            "breadcrumbs": CRUMBS((edition.title, "")),
        },
    )


@login_required
@require_GET
def edition_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The draft as it will be published (disclosure-controlled figures, hidden sections left
    out)."""
    edition = permissions.get_edition_for_user_or_404(request.user, pk)
    view = selectors.edition_view(edition=edition, links=True)
    return render(
        request,
        "annual_reports/edition_preview.html",
        {
            "edition": edition,
            "view": view,
            "sections": view.published_sections(),
            "footnotes": view.published_footnotes(),
            "breadcrumbs": edition_crumbs(edition, ("Preview", "")),
        },
    )


# What the pages about one edition share: the permission-checked fetch (for writing), the
# trail and a return to the edition's page.
edition_page = partial(
    form_view,
    fetch=partial(permissions.get_edition_for_user_or_404, write=True),
    success_url=_detail_url,
    breadcrumbs=edition_crumbs,
)

edition_update = edition_page(
    form_class=forms.EditionUpdateForm,
    initial=lambda edition: initial_from(edition, forms.EditionUpdateForm),
    edits_record=True,
    save=calls(services.report_edition_update, "edition", versioned=True),
    success_message="The report's details have been saved.",
    title=lambda edition: f"Change {edition.title}",
    crumb="Change",
    submit="Save changes",
)


@login_required
@require_GET
def figure_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The figure catalogue with this year's values: exact and as they would be published."""
    edition = permissions.get_edition_for_user_or_404(request.user, pk)
    values, shown = selectors.edition_figures(year=selectors.edition_year(edition))
    rows = [
        {
            "figure": item.figure,
            "exact": catalogue.format_value(item.value, item.figure.unit)
            if provenance.may_see_exact(request.user, item.figure)
            else "Not shown",
            "shown": catalogue.format_value(shown[key], item.figure.unit),
            "module": catalogue.MODULE_LABELS.get(item.figure.module, item.figure.module),
        }
        for key, item in values.items()
    ]
    return render(
        request,
        "annual_reports/figure_list.html",
        {
            "edition": edition,
            "rows": rows,
            "breadcrumbs": edition_crumbs(edition, ("Figures", "")),
        },
    )


# --- sections ---------------------------------------------------------------------------------


def _section_page(
    request: AuthenticatedHttpRequest,
    *,
    edition: ReportEdition,
    save: Any,
    title: str,
    submit: str,
    initial: dict[str, Any] | None = None,
    record: EditionSection | None = None,
) -> HttpResponse:
    """The section editor (views/editor.py: the form page plus Preview)."""
    return editor_page(
        request,
        edition=edition,
        form_class=forms.SectionForm,
        form_kwargs={"module_choices": selectors.module_section_choices()},
        initial=initial,
        record=record,
        save=save,
        success_message="The section has been saved.",
        success_url=_detail_url(edition),
        cancel_url=_detail_url(edition),
        title=title,
        submit=submit,
        breadcrumbs=edition_crumbs(edition, (title, "")),
    )


@login_required
@require_http_methods(GET_POST)
def section_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    edition = permissions.get_edition_for_user_or_404(request.user, pk, write=True)
    return _section_page(
        request,
        edition=edition,
        save=lambda form: services.report_section_create(
            actor=request.user, edition=edition, **cleaned(form)
        ),
        title="Add a section",
        submit="Add the section",
    )


@login_required
@require_http_methods(GET_POST)
def section_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    section = permissions.get_section_for_user_or_404(request.user, pk, write=True)
    return _section_page(
        request,
        edition=section.edition,
        initial=initial_from(section, forms.SectionForm),
        record=section,
        save=calls_on(
            services.report_section_update, actor=request.user, section=section, versioned=True
        ),
        title=f"Change “{section.title}”",
        submit="Save the section",
    )


@login_required
@require_POST
def section_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    section = permissions.get_section_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.report_section_move(
            actor=request.user, section=section, up=request.POST.get("direction") == "up"
        ),
        to=_detail_url(section.edition) + "#sections",
    )


# --- workflow ---------------------------------------------------------------------------------


@login_required
@require_POST
def edition_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    edition = permissions.get_edition_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.report_edition_submit(actor=request.user, edition=edition),
        done="The report has been sent to the lead partners for sign-off.",
        to=_detail_url(edition),
    )


edition_return = edition_page(
    form_class=forms.ReturnForm,
    save=lambda user, edition, form: services.report_edition_return(
        actor=user, edition=edition, reason=form.cleaned_data["reason"]
    ),
    success_message="The report is back in draft: sign-offs start again when it is resent.",
    title="Return the report for changes",
    crumb="Return for changes",
    submit="Return for changes",
)


@login_required
@require_http_methods(GET_POST)
def edition_sign_off(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A lead partner signs off for themselves today, or the business unit records the
    sign-off a lead partner (or their delegate) gave on a day (rules.py)."""
    edition = permissions.get_edition_for_signer_or_404(request.user, pk)
    recording = permissions.can_manage_annual_report(request.user)
    form_class = forms.SignOffRecordForm if recording else forms.SignOffForm
    # A function, not a declaration: the form, the words and what the service is told depend
    # on who signs (a lead partner for themselves, or the business unit recording a sign-off).
    return form_page(
        request,
        form_class=form_class,
        form_kwargs={"user": request.user},
        save=lambda form: services.report_sign_off_record(
            actor=request.user,
            edition=edition,
            agency=form.cleaned_data["agency"],
            signed_on=form.cleaned_data.get("signed_on"),
            by_delegate=form.cleaned_data.get("signed_by") == "delegate",
        ),
        success_message="The sign-off has been recorded.",
        success_url=_detail_url(edition),
        title=(
            f"Record a sign-off of {edition.title}" if recording else f"Sign off {edition.title}"
        ),
        submit="Record the sign-off" if recording else "Sign off the report",
        intro=(
            "Record a sign-off the lead safeguarding partner, or their delegated partner, gave "
            "for their agency: it must be the person holding the seat on that day."
            if recording
            else "By signing off you confirm, as your agency's lead safeguarding partner (or "
            "their delegate), that the report can be published as it stands."
        ),
        breadcrumbs=edition_crumbs(edition, ("Sign off", "")),
    )


edition_publish = edition_page(
    forms.PublishForm,
    lambda user, edition, form: services.report_edition_publish(
        actor=user, edition=edition, correction_note=form.cleaned_data["correction_note"]
    ),
    result_message=lambda version: f"Version {version.number} has been published.",
    title=lambda edition: f"Publish {edition.title}",
    crumb="Publish",
    submit="Publish",
    intro="Publishing freezes the report as it reads now, with every figure's value. The "
    "public page and the PDF show this version; a later correction is a new version.",
)


@login_required
@require_POST
def edition_reopen(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    edition = permissions.get_edition_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.report_edition_reopen(actor=request.user, edition=edition),
        done=lambda _: (
            f"Draft of version {edition.draft_number} started: the published version "
            "stays as it is until the correction is signed off and published."
        ),
        to=_detail_url(edition),
    )


edition_follow_up = edition_page(
    form_class=forms.FollowUpForm,
    initial=lambda edition: initial_from(edition, forms.FollowUpForm),
    edits_record=True,
    save=calls(services.report_follow_up_record, "edition", versioned=True),
    words=Words(
        "Where the published report was sent", "Save the dates", "The dates have been saved."
    ),
    crumb="Where it was sent",
    intro="The report must be sent to the Child Safeguarding Practice Review Panel and to "
    "Foundations within 7 days of publication.",
)
