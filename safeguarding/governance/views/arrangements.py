"""Governance pages: the overview, the arrangements (appointments, agencies, the document and
its public page) and funding. Every form page is declared with core.pages.form_view or
create_view."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core import uploads
from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.pages import Crumb, calls, cleaned, create_view, form_view
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear, year_asked
from safeguarding.governance import forms, permissions, reporting, selectors, services
from safeguarding.governance.views.crumbs import CRUMBS, arrangements_crumb

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

# --- overview and the arrangements ---------------------------------------------------


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/home.html",
        {
            "breadcrumbs": [*CRUMBS()[:-1], ("Governance", "")],
            "appointments": selectors.appointments_on(day=timezone.localdate()),
            "current": selectors.arrangements_current(),
            "upcoming": selectors.governance_meeting_list_for_user(
                user=request.user, upcoming=True
            )[:5],
        },
    )


@login_required
@require_GET
def arrangements(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/arrangements.html",
        {
            "breadcrumbs": CRUMBS(("Arrangements", "")),
            "appointments": selectors.appointment_history(),
            "members": selectors.arrangements_member_list(),
            "documents": selectors.arrangements_document_list(),
            "current": selectors.arrangements_current(),
            "can_manage": permissions.can_manage_governance(request.user),
        },
    )


@public
@require_GET
def arrangements_public(request: HttpRequest) -> HttpResponse:
    """The published arrangements, for anyone: the current version only."""
    today = timezone.localdate()
    return render(
        request,
        "governance/arrangements_public.html",
        {
            "current": selectors.arrangements_current(),
            "appointments": selectors.appointments_on(day=today),
            "members": selectors.arrangements_member_list(current_only=True),
        },
    )


@public
@require_GET
def arrangements_document_download(request: HttpRequest, pk: int) -> FileResponse:
    """A published version's PDF, for anyone."""
    document = permissions.get_published_arrangements_document_or_404(pk)
    return uploads.attachment_response(
        document.file,
        download_name=f"safeguarding-arrangements-{document.version_label}.pdf",
        kind=uploads.PDF,
    )


@login_required
@require_GET
def figures(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The year's governance figures, as the annual report will show them: appointments,
    meetings and attendance by group and agency (the scrutineer's evidence of engagement),
    decisions, escalations, priorities and funding."""
    require(permissions.can_view_governance(request.user))
    current = ReportingYear.containing(timezone.localdate())
    year = year_asked(request, default=current)
    return render(
        request,
        "governance/figures.html",
        {
            "breadcrumbs": CRUMBS(("Figures", "")),
            "year": year,
            "years": [ReportingYear(y) for y in range(current.start_year, 2018, -1)],
            "figures": reporting.governance_figures(year),
        },
    )


def _arrangements_url(record: Any) -> str:
    return reverse("governance:arrangements")


def _arrangements_crumbs(record: Any, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(arrangements_crumb(), crumb)


def _may_manage(user: User) -> None:
    require(
        permissions.can_manage_governance(user),
        write_attempt=permissions.can_view_governance(user),
    )


def _arrangements_add_crumbs(crumb: str) -> Callable[[], list[Crumb]]:
    return lambda: CRUMBS(arrangements_crumb(), (crumb, ""))


# What the arrangements' pages share: the check (or the permission-checked fetch, for writing)
# and a return to the arrangements page, at the end of their trail.
arrangements_add = partial(create_view, check=_may_manage, success_url=_arrangements_url)
arrangements_page = partial(
    form_view, success_url=_arrangements_url, breadcrumbs=_arrangements_crumbs
)
document_page = partial(
    arrangements_page,
    fetch=partial(permissions.get_arrangements_document_for_user_or_404, write=True),
)

appointment_create = arrangements_add(
    form_class=forms.AppointmentForm,
    save=lambda user, form: services.appointment_create(actor=user, **cleaned(form)),
    success_message="The appointment has been recorded.",
    title="Record an appointment",
    submit="Save appointment",
    breadcrumbs=_arrangements_add_crumbs("Record an appointment"),
)


appointment_end = arrangements_page(
    fetch=partial(permissions.get_appointment_for_user_or_404, write=True),
    form_class=forms.AppointmentEndForm,
    edits_record=True,
    save=calls(services.appointment_end, "appointment"),
    success_message="The appointment has been ended.",
    title=lambda appointment: f"End the appointment of {appointment.holder_name}",
    crumb="End an appointment",
    submit="End appointment",
)


arrangements_member_add = arrangements_add(
    form_class=forms.ArrangementsMemberForm,
    save=lambda user, form: services.arrangements_member_add(actor=user, **cleaned(form)),
    success_message="The agency has been added to the arrangements.",
    title="Name an agency in the arrangements",
    submit="Add agency",
    breadcrumbs=_arrangements_add_crumbs("Add an agency"),
)


arrangements_document_create = arrangements_add(
    form_class=forms.ArrangementsDocumentForm,
    save=lambda user, form: services.arrangements_document_create(actor=user, **cleaned(form)),
    success_message="The new version has been added. The lead partners sign it off next.",
    title="Add a version of the arrangements",
    submit="Add version",
    breadcrumbs=_arrangements_add_crumbs("Add a version"),
)


arrangements_document_sign = document_page(
    form_class=forms.SignOffForm,
    save=calls(services.arrangements_document_sign, "document"),
    success_message="The sign-off has been recorded.",
    title=lambda document: f"Record a sign-off of version {document.version_label}",
    crumb="Record a sign-off",
    submit="Record sign-off",
)


arrangements_document_publish = document_page(
    form_class=forms.PublishForm,
    edits_record=True,
    save=calls(services.arrangements_document_publish, "document"),
    success_message="The arrangements have been published.",
    title=lambda document: f"Publish version {document.version_label}",
    crumb="Publish",
    submit="Publish",
)


# --- funding -------------------------------------------------------------------------


@login_required
@require_GET
def funding(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    years = selectors.funding_years()
    latest = ReportingYear(years[0]) if years else ReportingYear.containing(timezone.localdate())
    year = year_asked(request, default=latest)
    return render(
        request,
        "governance/funding.html",
        {
            "breadcrumbs": CRUMBS(("Funding", "")),
            "year": year,
            "years": [ReportingYear(y) for y in years],
            "figures": reporting.funding_figures(year),
            "can_manage": permissions.can_manage_governance(request.user),
        },
    )


funding_contribution_record = create_view(
    check=_may_manage,
    form_class=forms.ContributionForm,
    save=lambda user, form: services.funding_contribution_record(actor=user, **cleaned(form)),
    success_message="The contribution has been recorded.",
    success_url=lambda c: reverse("governance:funding") + f"?year={c.year}",
    title="Record a contribution",
    submit="Save contribution",
    breadcrumbs=lambda: CRUMBS(("Funding", reverse("governance:funding")), ("Contribution", "")),
)


budget_line_record = create_view(
    check=_may_manage,
    form_class=forms.BudgetLineForm,
    save=lambda user, form: services.budget_line_record(actor=user, **cleaned(form)),
    success_message="The spending line has been recorded.",
    success_url=lambda line: (
        reverse("governance:funding") + f"?year={ReportingYear(line.year_start)}"
    ),
    title="Record a spending line",
    submit="Save spending line",
    breadcrumbs=lambda: CRUMBS(("Funding", reverse("governance:funding")), ("Spending line", "")),
)
