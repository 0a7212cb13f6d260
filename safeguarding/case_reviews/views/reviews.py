"""Pages for practice reviews and everything recorded against them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.case_reviews import forms, permissions, selectors, services
from safeguarding.case_reviews.models import Review
from safeguarding.case_reviews.views.common import GET_POST, bind, crumbs, form_page
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require


def _review_crumbs(review: Review, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(
        ("Reviews", reverse("case_reviews:review_list")),
        (review.title, reverse("case_reviews:review_detail", args=[review.pk])),
        *extra,
    )


@login_required
@require_GET
def review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_case_reviews(request.user))
    kind = request.GET.get("kind", "")
    kind = kind if kind in Review.Kind.values else ""
    return render(
        request,
        "case_reviews/review_list.html",
        {
            "reviews": selectors.review_list_for_user(user=request.user, kind=kind),
            "kinds": Review.Kind.choices,
            "kind": kind,
            "can_manage": permissions.can_manage_case_reviews(request.user),
            "breadcrumbs": crumbs(("Reviews", "")),
        },
    )


def _commission(
    request: AuthenticatedHttpRequest, form: forms.ReviewCommissionForm, **extra: Any
) -> Review | None:
    try:
        return services.review_commission(actor=request.user, **form.cleaned_data, **extra)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


@login_required
@require_http_methods(GET_POST)
def review_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Record a review not commissioned from a rapid review here: an earlier SCR, a SAR, another
    learning review (or a CSPR from before the platform)."""
    require(permissions.can_view_case_reviews(request.user))
    require(permissions.can_manage_case_reviews(request.user), write_attempt=True)
    form = forms.ReviewCommissionForm(bind(request))
    if request.method == "POST" and form.is_valid():
        review = _commission(request, form)
        if review is not None:
            messages.success(request, f"The review “{review.title}” has been recorded.")
            return redirect("case_reviews:review_detail", review.pk)
    return form_page(
        request,
        form,
        title="Record a review",
        submit="Record review",
        breadcrumbs=crumbs(("Reviews", reverse("case_reviews:review_list")), ("Add", "")),
    )


@login_required
@require_http_methods(GET_POST)
def review_commission(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Commission a local CSPR from a rapid review whose criteria were met."""
    rapid = permissions.get_rapid_review_for_user_or_404(request.user, pk, write=True)
    form = forms.ReviewCommissionForm(
        bind(request),
        initial={
            "kind": Review.Kind.CSPR,
            "decided_on": rapid.decided_on,
            "area": rapid.notification.area,
        },
    )
    if request.method == "POST" and form.is_valid():
        review = _commission(request, form, rapid_review=rapid)
        if review is not None:
            messages.success(request, f"The review “{review.title}” has been commissioned.")
            return redirect("case_reviews:review_detail", review.pk)
    return form_page(
        request,
        form,
        title="Commission a local child safeguarding practice review",
        caption=f"Rapid review of {rapid.notification.reference}",
        submit="Commission review",
        intro="The target for completion is 6 months from the decision; it can be revised "
        "later with a reason.",
        breadcrumbs=crumbs(
            ("Rapid review", reverse("case_reviews:rapid_review_detail", args=[pk])),
            ("Commission", ""),
        ),
    )


@login_required
@require_GET
def review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_review_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=review)
    plan = selectors.review_action_plan(review=review)
    return render(
        request,
        "case_reviews/review_detail.html",
        {
            "review": review,
            "findings": selectors.learning_for(source=review, user=request.user),
            "recommendations": review.recommendations.all(),
            "milestones": review.milestones.all(),
            "revisions": review.target_revisions.select_related("revised_by"),
            "disseminations": review.disseminations.all(),
            "plan": plan,
            "actions": selectors.review_actions(review=review) if plan else [],
            "plan_summary": selectors.review_plan_summary(plan=plan) if plan else None,
            "agencies": review.agencies.order_by("name"),
            "can_edit": permissions.can_edit_review(request.user, review),
            "case_team": permissions.is_case_team(request.user),
            "today": timezone.localdate(),
            "breadcrumbs": crumbs(
                ("Reviews", reverse("case_reviews:review_list")), (review.title, "")
            ),
        },
    )


@login_required
@require_http_methods(GET_POST)
def review_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_review_for_user_or_404(request.user, pk, write=True)
    fields = [name for name in forms.ReviewEditForm.base_fields if name != "agencies"]
    initial = {name: getattr(review, name) for name in fields}
    initial["agencies"] = list(review.agencies.all())
    form = forms.ReviewEditForm(bind(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.review_update(
                actor=request.user, review=review, expected_version=version, **data
            )
        except ValidationError as exc:
            review.refresh_from_db(fields=["version"])
            add_service_errors(form, exc, record=review)
        else:
            messages.success(request, "The review has been updated.")
            return redirect("case_reviews:review_detail", review.pk)
    return form_page(
        request,
        form,
        title="Change the review's details",
        caption=review.learning_title,
        submit="Save changes",
        breadcrumbs=_review_crumbs(review, ("Change", "")),
    )


@login_required
@require_http_methods(GET_POST)
def review_stage(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_review_for_user_or_404(request.user, pk, write=True)
    form = forms.ReviewStageForm(
        bind(request),
        request.FILES if request.method == "POST" else None,
        review=review,
        initial={"version": review.version},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.review_stage_set(
                actor=request.user, review=review, expected_version=version, **data
            )
        except ValidationError as exc:
            review.refresh_from_db(fields=["version"])
            add_service_errors(form, exc, record=review)
        else:
            messages.success(request, f"The review is now “{review.get_status_display()}”.")
            return redirect("case_reviews:review_detail", review.pk)
    return form_page(
        request,
        form,
        title="Record the next stage",
        caption=f"{review.learning_title}: {review.get_status_display().lower()}",
        submit="Save stage",
        intro="Publishing needs a link to the report or the final report itself, and "
        "publishes the review's findings to practitioners.",
        breadcrumbs=_review_crumbs(review, ("Next stage", "")),
    )


def _simple_add(
    request: AuthenticatedHttpRequest,
    pk: int,
    *,
    form_class: type[Form],
    service: Callable[..., Any],
    title: str,
    submit: str,
    done: str,
) -> HttpResponse:
    """The shape of every "add something to the review" page."""
    review = permissions.get_review_for_user_or_404(request.user, pk, write=True)
    form = form_class(bind(request), initial={"version": review.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if "version" in data:  # forms that change the review itself carry its version
            data["expected_version"] = data.pop("version")
        try:
            service(actor=request.user, review=review, **data)
        except ValidationError as exc:
            review.refresh_from_db(fields=["version"])
            add_service_errors(form, exc, record=review)
        else:
            messages.success(request, done)
            return redirect("case_reviews:review_detail", review.pk)
    return form_page(
        request,
        form,
        title=title,
        caption=review.learning_title,
        submit=submit,
        breadcrumbs=_review_crumbs(review, (title, "")),
    )


@login_required
@require_http_methods(GET_POST)
def review_target_revise(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.TargetForm,
        service=services.review_target_revise,
        title="Revise the target date",
        submit="Revise target",
        done="The target has been revised.",
    )


@login_required
@require_http_methods(GET_POST)
def review_advance_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.AdvanceCopyForm,
        service=services.review_advance_copy_record,
        title="Record the advance copy to the Panel and DfE",
        submit="Save",
        done="The advance copy has been recorded.",
    )


@login_required
@require_http_methods(GET_POST)
def milestone_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.MilestoneForm,
        service=services.milestone_add,
        title="Add a milestone",
        submit="Add milestone",
        done="The milestone has been added.",
    )


@login_required
@require_http_methods(GET_POST)
def finding_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.LearningForm,
        service=services.finding_record,
        title="Add a finding",
        submit="Add finding",
        done="The finding has been added to the database of learning.",
    )


@login_required
@require_http_methods(GET_POST)
def recommendation_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.RecommendationForm,
        service=services.recommendation_add,
        title="Add a recommendation",
        submit="Add recommendation",
        done="The recommendation has been added.",
    )


@login_required
@require_http_methods(GET_POST)
def review_action_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.ReviewActionForm,
        service=services.review_action_add,
        title="Add an action",
        submit="Add action",
        done="The action has been added to the review's action plan.",
    )


@login_required
@require_http_methods(GET_POST)
def dissemination_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _simple_add(
        request,
        pk,
        form_class=forms.DisseminationForm,
        service=services.dissemination_add,
        title="Add a briefing, workshop or event",
        submit="Add",
        done="The dissemination has been recorded.",
    )


@login_required
@require_POST
def milestone_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    milestone = permissions.get_milestone_for_user_or_404(request.user, pk, write=True)
    try:
        services.milestone_complete(
            actor=request.user, milestone=milestone, on=timezone.localdate()
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"“{milestone.title}” is done.")
    return redirect("case_reviews:review_detail", milestone.review_id)


@login_required
@require_GET
def review_report_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    review = permissions.get_review_for_user_or_404(request.user, pk)
    if not review.final_report:
        raise Http404
    # Before publication (or when it will not be published) the report may identify the
    # child: only the case team may open it.
    if review.status != Review.Status.PUBLISHED and not permissions.is_case_team(request.user):
        raise Http404
    event_record_export(
        actor=request.user, what="final review report", rows=1, target=review, file_format="file"
    )
    name = review.final_report.name.rsplit("/", 1)[-1]
    return FileResponse(review.final_report.open("rb"), as_attachment=True, filename=name)
