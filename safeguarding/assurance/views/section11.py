"""Section 11 pages: cycles and their summary, agency returns (self-assessment and submit),
moderation, the challenge session and feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import Section11Return
from safeguarding.assurance.views.common import GET_POST, bound, crumbs, form_page
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require


def _cycles_crumb() -> tuple[str, str]:
    return ("Section 11", reverse("assurance:section11_cycle_list"))


def _return_crumbs(ret: Section11Return, last: str) -> list[tuple[str, str]]:
    return crumbs(
        _cycles_crumb(),
        (ret.cycle.name, reverse("assurance:section11_cycle_detail", args=[ret.cycle_id])),
        (ret.agency.name, reverse("assurance:section11_return_detail", args=[ret.pk])),
        (last, ""),
    )


@login_required
@require_GET
def section11_cycle_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_assurance(request.user))
    return render(
        request,
        "assurance/section11_cycle_list.html",
        {
            "cycles": selectors.section11_cycle_list(),
            "returns": selectors.section11_return_list_for_user(user=request.user),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(("Section 11", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def section11_cycle_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_assurance(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    form = forms.Section11CycleForm(bound(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["standard_set"] = services.form_version_latest(template=data["standard_set"])
        try:
            cycle = services.section11_cycle_create(actor=request.user, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{cycle.name} has been opened.")
            return redirect("assurance:section11_cycle_detail", cycle.pk)
    return form_page(
        request,
        form=form,
        title="Open a Section 11 cycle",
        submit="Open cycle",
        intro=f"The partnership runs a cycle every {services.section11.cycle_years()} years.",
        breadcrumbs=crumbs(_cycles_crumb(), ("Open a cycle", "")),
    )


@login_required
@require_GET
def section11_cycle_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cycle = permissions.get_section11_cycle_for_user_or_404(request.user, pk)
    sees_all = permissions.sees_all(request.user)
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
            "next_due": services.next_cycle_due(cycle=cycle),
            "returns": selectors.section11_return_list_for_user(user=request.user, cycle=cycle),
            "surveys": cycle.surveys.all() if sees_all else [],
            "breadcrumbs": crumbs(_cycles_crumb(), (cycle.name, "")),
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
            "can_moderate": permissions.can_manage_assurance(request.user)
            and ret.status != Section11Return.Status.DRAFT,
            "plan": plan,
            "actions": (
                action_selectors.action_list_for_source(source=ret, user=request.user)
                if plan
                else []
            ),
            "breadcrumbs": crumbs(
                _cycles_crumb(),
                (ret.cycle.name, reverse("assurance:section11_cycle_detail", args=[ret.cycle_id])),
                (ret.agency.name, ""),
            ),
        },
    )


@login_required
@require_http_methods(GET_POST)
def section11_return_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ret = permissions.get_section11_return_for_user_or_404(request.user, pk, write=True)
    if ret.status != Section11Return.Status.DRAFT:
        messages.info(request, "This return has been submitted and can no longer be changed.")
        return redirect("assurance:section11_return_detail", ret.pk)
    scores = list(selectors.section11_scores(section11_return=ret))
    form = forms.Section11ReturnForm(
        bound(request), scores=scores, initial={"version": ret.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.section11_return_save(
                actor=request.user,
                section11_return=ret,
                scores=form.score_data(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your self-assessment has been saved.")
            return redirect("assurance:section11_return_detail", ret.pk)
    previous = selectors.section11_carry_forward(section11_return=ret)
    names = ("self_score", "evidence", "strengths", "areas_for_improvement")
    groups = [
        (score, previous.get(score.standard.key), [form[f"s{score.pk}_{n}"] for n in names])
        for score in scores
    ]
    return render(
        request,
        "assurance/section11_return_edit.html",
        {
            "ret": ret,
            "form": form,
            "groups": groups,
            "has_previous": ret.cycle.previous_id is not None,
            "breadcrumbs": _return_crumbs(ret, "Self-assessment"),
        },
    )


@login_required
@require_POST
def section11_return_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ret = permissions.get_section11_return_for_user_or_404(request.user, pk, write=True)
    try:
        services.section11_return_submit(actor=request.user, section11_return=ret)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Your return has been submitted.")
    return redirect("assurance:section11_return_detail", ret.pk)


@login_required
@require_http_methods(GET_POST)
def section11_return_moderate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ret = permissions.get_section11_return_for_reviewer_or_404(request.user, pk, write=True)
    scores = list(selectors.section11_scores(section11_return=ret))
    form = forms.ModerationForm(bound(request), scores=scores, initial={"version": ret.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.section11_return_moderate(
                actor=request.user,
                section11_return=ret,
                moderated=form.moderated(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The moderated scores have been saved.")
            return redirect("assurance:section11_return_detail", ret.pk)
    previous = selectors.section11_carry_forward(section11_return=ret)
    groups = [
        (
            score,
            previous.get(score.standard.key),
            [form[f"s{score.pk}_moderated_score"], form[f"s{score.pk}_moderation_comment"]],
        )
        for score in scores
    ]
    return render(
        request,
        "assurance/section11_return_moderate.html",
        {
            "ret": ret,
            "form": form,
            "groups": groups,
            "has_previous": ret.cycle.previous_id is not None,
            "breadcrumbs": _return_crumbs(ret, "Moderate"),
        },
    )


@login_required
@require_http_methods(GET_POST)
def section11_return_challenge(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ret = permissions.get_section11_return_for_reviewer_or_404(request.user, pk, write=True)
    form = forms.ChallengeForm(
        bound(request),
        initial={
            "version": ret.version,
            "challenge_on": ret.challenge_on,
            "challenge_attendees": ret.challenge_attendees,
            "challenge_notes": ret.challenge_notes,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.section11_challenge_record(
                actor=request.user, section11_return=ret, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The challenge session has been recorded.")
            return redirect("assurance:section11_return_detail", ret.pk)
    return form_page(
        request,
        form=form,
        title=f"Challenge session: {ret.agency.name}",
        submit="Save challenge session",
        breadcrumbs=_return_crumbs(ret, "Challenge session"),
    )


@login_required
@require_http_methods(GET_POST)
def section11_return_feedback(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    ret = permissions.get_section11_return_for_reviewer_or_404(request.user, pk, write=True)
    form = forms.FeedbackForm(
        bound(request), initial={"version": ret.version, "feedback": ret.feedback}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.section11_feedback_record(
                actor=request.user,
                section11_return=ret,
                expected_version=form.cleaned_data["version"],
                feedback=form.cleaned_data["feedback"],
            )
            services.section11_action_plan(actor=request.user, section11_return=ret)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Feedback saved. Add the agency's actions to its plan.")
            return redirect("assurance:section11_return_detail", ret.pk)
    return form_page(
        request,
        form=form,
        title=f"Feedback: {ret.agency.name}",
        submit="Save feedback",
        breadcrumbs=_return_crumbs(ret, "Feedback"),
    )
