"""Section 11 pages: cycles and their summary, agency returns (self-assessment and submit),
moderation, the challenge session and feedback."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import Section11Cycle, Section11Return
from safeguarding.assurance.views.common import CRUMBS, may_manage, paginate
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Closed,
    Crumb,
    Words,
    calls,
    cleaned,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _cycles_crumb() -> Crumb:
    return ("Section 11", reverse("assurance:section11_cycle_list"))


def _return_url(ret: Section11Return) -> str:
    return reverse("assurance:section11_return_detail", args=[ret.pk])


def _return_crumbs(ret: Section11Return, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(
        _cycles_crumb(),
        (ret.cycle.name, reverse("assurance:section11_cycle_detail", args=[ret.cycle_id])),
        (ret.agency.name, _return_url(ret)),
        crumb,
    )


@login_required
@require_GET
def section11_cycle_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_assurance(request.user))
    return render(
        request,
        "assurance/section11_cycle_list.html",
        {
            **paginate(request, selectors.section11_cycle_list()),
            "returns": selectors.section11_return_list_for_user(user=request.user),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Section 11", "")),
        },
    )


def _section11_cycle_create(user: User, form: forms.Section11CycleForm) -> Section11Cycle:
    data = cleaned(form)
    data["standard_set"] = selectors.form_version_latest(template=data["standard_set"])
    return services.section11_cycle_create(actor=user, **data)


section11_cycle_create = create_view(
    check=may_manage,
    form_class=forms.Section11CycleForm,
    save=_section11_cycle_create,
    success_message=lambda cycle: f"{cycle.name} has been opened.",
    success_url=lambda cycle: reverse("assurance:section11_cycle_detail", args=[cycle.pk]),
    title="Open a Section 11 cycle",
    submit="Open cycle",
    intro=f"The partnership runs a cycle every {settings.SECTION11_CYCLE_YEARS} years.",
    breadcrumbs=lambda: CRUMBS(_cycles_crumb(), ("Open a cycle", "")),
)


@login_required
@require_GET
def section11_cycle_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = permissions.get_section11_cycle_for_user_or_404(request.user, pk)
    sees_all = permissions.can_view_all_assurance(request.user)
    summary = selectors.section11_summary(cycle=cycle) if sees_all else None
    charts = {}
    if summary is not None:
        charts = {
            s.key: bar_chart(
                key=f"chart-{index}",
                title=f"{s.text}: number of agencies at each score",
                figures=[Figure(label, n) for label, n in s.distribution],
                columns=("Score", "Agencies"),
                caption=f"{s.text}: agencies at each score",
                caption_style="hidden",
            )
            for index, s in enumerate(summary.standards)
        }
    return render(
        request,
        "assurance/section11_cycle_detail.html",
        {
            "cycle": cycle,
            "summary": summary,
            "charts": charts,
            "next_due": selectors.next_cycle_due(cycle=cycle),
            "returns": selectors.section11_return_list_for_user(user=request.user, cycle=cycle),
            "surveys": cycle.surveys.all() if sees_all else [],
            "breadcrumbs": CRUMBS(_cycles_crumb(), (cycle.name, "")),
        },
    )


@login_required
@require_GET
def section11_return_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ret = permissions.get_section11_return_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=ret)
    previous = selectors.section11_carry_forward(section11_return=ret)
    scores = [
        (score, previous.get(score.standard.key))
        for score in selectors.section11_scores(section11_return=ret)
    ]
    plan = action_selectors.action_plan_for_source(source=ret)
    return render(
        request,
        "assurance/section11_return_detail.html",
        {
            "ret": ret,
            "scores": scores,
            "has_previous": ret.cycle.previous_id is not None,
            "can_complete": permissions.can_complete_section11_return(request.user, ret),
            "can_moderate": permissions.can_moderate_section11_return(request.user, ret),
            "plan": plan,
            "actions": (
                action_selectors.action_list_for_source(source=ret, user=request.user)
                if plan
                else []
            ),
            "breadcrumbs": CRUMBS(
                _cycles_crumb(),
                (ret.cycle.name, reverse("assurance:section11_cycle_detail", args=[ret.cycle_id])),
                (ret.agency.name, ""),
            ),
        },
    )


def _submitted(user: User, ret: Section11Return) -> Closed | None:
    if ret.status == Section11Return.Status.DRAFT:
        return None
    return Closed("This return has been submitted and can no longer be changed.", _return_url(ret))


def _not_to_submit(user: User, ret: Section11Return) -> Closed | None:
    if permissions.can_complete_section11_return(user, ret):
        return None
    return Closed("This return has already been submitted.", _return_url(ret))


# What the agency's pages about its return share: the return fetched for writing, its trail,
# and a return to its page.
return_page = partial(
    form_view,
    fetch=partial(permissions.get_section11_return_for_user_or_404, write=True),
    success_url=_return_url,
    breadcrumbs=_return_crumbs,
)

section11_return_edit = return_page(
    forms.Section11ReturnForm,
    lambda user, ret, form: services.section11_return_save(
        actor=user,
        section11_return=ret,
        scores=form.score_data(),
        expected_version=form.cleaned_data["version"],
    ),
    closed=_submitted,
    form_kwargs=lambda user, ret: {
        "scores": list(selectors.section11_scores(section11_return=ret)),
        "previous": selectors.section11_carry_forward(section11_return=ret),
    },
    initial=lambda ret: {"version": ret.version},
    edits_record=True,
    success_message="Your self-assessment has been saved.",
    title=lambda ret: f"Self-assessment: {ret.agency.name}",
    crumb="Self-assessment",
    submit="Save self-assessment",
    template="assurance/section11_return_edit.html",
    context=lambda user, ret: {"ret": ret, "has_previous": ret.cycle.previous_id is not None},
)

# Submitting is final (the return can no longer change): the page asks for confirmation first.
section11_return_submit = return_page(
    forms.Section11SubmitForm,
    lambda user, ret, form: services.section11_return_submit(actor=user, section11_return=ret),
    Words(
        "Are you sure you want to submit the return?",
        "Submit the return",
        "Your return has been submitted.",
    ),
    closed=_not_to_submit,
    caption=lambda ret: f"{ret.cycle.name}: {ret.agency.name}",
    crumb="Submit",
    intro=(
        "Once submitted, your agency's self-assessment cannot be changed. The partnership "
        "will moderate it and arrange the challenge session."
    ),
)


# What the partnership's pages about one agency's return share: the reviewer's fetch (for
# writing), the trail and a return to the return's page.
review_page = partial(
    form_view,
    fetch=partial(permissions.get_section11_return_for_reviewer_or_404, write=True),
    success_url=_return_url,
    breadcrumbs=_return_crumbs,
)


def _scores(user: User, ret: Section11Return) -> dict[str, Any]:
    return {
        "scores": list(selectors.section11_scores(section11_return=ret)),
        "previous": selectors.section11_carry_forward(section11_return=ret),
    }


section11_return_moderate = review_page(
    form_class=forms.ModerationForm,
    form_kwargs=_scores,
    initial=lambda ret: {"version": ret.version},
    edits_record=True,
    save=lambda user, ret, form: services.section11_return_moderate(
        actor=user,
        section11_return=ret,
        moderated=form.moderated(),
        expected_version=form.cleaned_data["version"],
    ),
    success_message="The moderated scores have been saved.",
    title=lambda ret: f"Moderate: {ret.agency.name}",
    crumb="Moderate",
    submit="Save moderated scores",
    template="assurance/section11_return_moderate.html",
    context=lambda user, ret: {"ret": ret, "has_previous": ret.cycle.previous_id is not None},
)


section11_return_challenge = review_page(
    form_class=forms.ChallengeForm,
    initial=lambda ret: initial_from(ret, forms.ChallengeForm),
    edits_record=True,
    save=calls(services.section11_challenge_record, "section11_return", versioned=True),
    success_message="The challenge session has been recorded.",
    title=lambda ret: f"Challenge session: {ret.agency.name}",
    crumb="Challenge session",
    submit="Save challenge session",
)


section11_return_feedback = review_page(
    form_class=forms.FeedbackForm,
    initial=lambda ret: initial_from(ret, forms.FeedbackForm),
    edits_record=True,
    save=calls(services.section11_feedback_record, "section11_return", versioned=True),
    success_message="Feedback saved. Add the agency's actions to its plan.",
    title=lambda ret: f"Feedback: {ret.agency.name}",
    crumb="Feedback",
    submit="Save feedback",
)
