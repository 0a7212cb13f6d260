"""Partners' contributions: the business unit asks a partner agency for part of a section by a
deadline; the agency's safeguarding lead writes it in the report editor (with Preview) and
submits it; the business unit accepts it (it then appears in its section) or returns it with
comments. Every submission is kept.

Form page: not used for submit and accept, which are one-button POSTs.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.annual_reports import forms, permissions, selectors, services, text
from safeguarding.annual_reports.models import PartnerContribution
from safeguarding.annual_reports.views.common import EditionList
from safeguarding.annual_reports.views.editor import editor_page
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    GET_POST,
    Words,
    calls,
    calls_on,
    form_view,
    initial_from,
)

CONTRIBUTIONS = EditionList("Contributions", "annual_reports:contribution_list")


def _detail_url(contribution: PartnerContribution) -> str:
    return reverse("annual_reports:contribution_detail", args=[contribution.pk])


contribution_list = CONTRIBUTIONS.list_view(
    "annual_reports/contribution_list.html", contributions=selectors.contribution_list
)


contribution_request = form_view(
    forms.ContributionRequestForm,
    calls(services.contribution_request, "edition"),
    Words("Ask a partner for a contribution", "Send the request"),
    fetch=partial(permissions.get_edition_for_user_or_404, write=True),
    form_kwargs=lambda user, edition: {"edition": edition},
    result_message=lambda c: f"{c.agency} has been asked for “{c.title}”.",
    success_url=CONTRIBUTIONS.url,
    crumb="Ask a partner",
    breadcrumbs=CONTRIBUTIONS.trail,
)


@login_required
@require_GET
def contribution_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = permissions.get_contribution_for_user_or_404(request.user, pk)
    values, shown = selectors.edition_figures(year=selectors.edition_year(contribution.edition))
    rendered = text.render(contribution.body, lookup=selectors.figure_lookup(values, shown))
    return render(
        request,
        "annual_reports/contribution_detail.html",
        {
            "contribution": contribution,
            "rendered": rendered,
            "revisions": selectors.contribution_revision_list(contribution=contribution),
            "can_write": permissions.can_edit_contribution(request.user, contribution)
            and contribution.is_with_author,
            "can_review": permissions.can_review_contribution(request.user, contribution)
            and contribution.status == PartnerContribution.Status.SUBMITTED,
            "breadcrumbs": CONTRIBUTIONS.trail(contribution.edition, (contribution.title, "")),
        },
    )


# A function: the report editor (editor_page) also answers its Preview button.
@login_required
@require_http_methods(GET_POST)
def contribution_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = permissions.get_contribution_for_user_or_404(request.user, pk, write=True)
    return editor_page(
        request,
        edition=contribution.edition,
        form_class=forms.ContributionForm,
        initial=initial_from(contribution, forms.ContributionForm),
        record=contribution,
        save=calls_on(
            services.contribution_update,
            actor=request.user,
            contribution=contribution,
            versioned=True,
        ),
        success_message="Your draft has been saved. Submit it when it is ready.",
        success_url=_detail_url(contribution),
        cancel_url=_detail_url(contribution),
        title=f"Write “{contribution.title}”",
        submit="Save the draft",
        intro="\n\n".join(
            part
            for part in (
                f"For {contribution.agency}, by {contribution.due_on:%-d %B %Y}.",
                contribution.brief,
                f"Comments: {contribution.comments}" if contribution.comments else "",
            )
            if part
        ),
        breadcrumbs=CONTRIBUTIONS.trail(contribution.edition, (contribution.title, "")),
    )


@login_required
@require_POST
def contribution_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = permissions.get_contribution_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.contribution_submit(actor=request.user, contribution=contribution),
        done="Your contribution has been submitted to the business unit.",
        to=_detail_url(contribution),
    )


@login_required
@require_POST
def contribution_accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = permissions.get_contribution_for_reviewer_or_404(request.user, pk)
    return button_post(
        request,
        lambda: services.contribution_accept(actor=request.user, contribution=contribution),
        done="The contribution has been accepted into the report.",
        to=_detail_url(contribution),
    )


contribution_return = form_view(
    forms.ContributionReturnForm,
    lambda user, contribution, form: services.contribution_return(
        actor=user, contribution=contribution, comments=form.cleaned_data["comments"]
    ),
    fetch=permissions.get_contribution_for_reviewer_or_404,
    success_message="The contribution has been returned with your comments.",
    success_url=_detail_url,
    title=lambda contribution: f"Return “{contribution.title}”",
    submit="Return for changes",
    breadcrumbs=lambda contribution, crumb: CONTRIBUTIONS.trail(
        contribution.edition, (contribution.title, "")
    ),
)
