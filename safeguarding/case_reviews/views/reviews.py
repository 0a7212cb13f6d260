"""Pages for practice reviews and everything recorded against them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.case_reviews import forms, permissions, selectors, services
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.case_reviews.rules import report_kind
from safeguarding.case_reviews.views.common import CRUMBS, list_page, may_manage
from safeguarding.core import exports
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Crumb,
    Words,
    calls,
    cleaned,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require
from safeguarding.core.uploads import attachment_response

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _list_crumb() -> Crumb:
    return ("Reviews", reverse("case_reviews:practice_review_list"))


def _review_crumbs(review: PracticeReview, *extra: Crumb) -> list[Crumb]:
    return CRUMBS(
        _list_crumb(),
        (review.title, reverse("case_reviews:practice_review_detail", args=[review.pk])),
        *extra,
    )


def _detail_url(review: PracticeReview) -> str:
    return reverse("case_reviews:practice_review_detail", args=[review.pk])


@login_required
@require_GET
def practice_review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_case_reviews(request.user))
    form = forms.PracticeReviewFilterForm(request.GET or None)
    reviews = selectors.practice_review_list_for_user(user=request.user, **form.filters())
    return render(
        request,
        "case_reviews/practice_review_list.html",
        {
            **list_page(request, reviews, form),
            "can_manage": permissions.can_manage_case_reviews(request.user),
            "breadcrumbs": CRUMBS(("Reviews", "")),
        },
    )


@login_required
@require_GET
def practice_review_export(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The reviews list (as filtered) as a streamed CSV file or Excel workbook; recorded."""
    require(permissions.can_export_practice_reviews(request.user))
    form = forms.PracticeReviewFilterForm(request.GET or None)
    reviews = selectors.practice_review_list_for_user(user=request.user, **form.filters())
    file_format = exports.export_format(request)
    event_record_export(
        actor=request.user, what="practice reviews", rows=reviews.count(), file_format=file_format
    )
    return exports.stream_response(
        file_format,
        "reviews",
        selectors.PRACTICE_REVIEW_EXPORT_HEADER,
        selectors.practice_review_export_rows(reviews=reviews),
        sheet="Reviews",
    )


# Record a review not commissioned from a rapid review here: an earlier SCR, a SAR, another
# learning review (or a CSPR from before the platform).
practice_review_create = create_view(
    check=may_manage,
    form_class=forms.PracticeReviewCommissionForm,
    save=lambda user, form: services.practice_review_commission(actor=user, **form.cleaned_data),
    success_message=lambda review: f"The review “{review.title}” has been recorded.",
    success_url=_detail_url,
    title="Record a review",
    submit="Record review",
    breadcrumbs=lambda: CRUMBS(_list_crumb(), ("Add", "")),
)


# Commission a local CSPR from a rapid review whose criteria were met.
practice_review_commission = form_view(
    forms.PracticeReviewCommissionForm,
    lambda user, rapid, form: services.practice_review_commission(
        actor=user, rapid_review=rapid, **form.cleaned_data
    ),
    fetch=partial(permissions.get_rapid_review_for_user_or_404, write=True),
    initial=lambda rapid: {
        "kind": PracticeReview.Kind.CSPR,
        "decided_on": rapid.decided_on,
        "area": rapid.notification.area,
    },
    result_message=lambda review: f"The review “{review.title}” has been commissioned.",
    result_url=_detail_url,
    title="Commission a local child safeguarding practice review",
    caption=lambda rapid: f"Rapid review of {rapid.notification.reference}",
    submit="Commission review",
    intro="The target for completion is 6 months from the decision; it can be revised "
    "later with a reason.",
    crumb="Commission",
    breadcrumbs=lambda rapid, crumb: CRUMBS(
        ("Rapid review", reverse("case_reviews:rapid_review_detail", args=[rapid.pk])), crumb
    ),
)


@login_required
@require_GET
def practice_review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_practice_review_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=review)
    plan = selectors.practice_review_action_plan(review=review)
    return render(
        request,
        "case_reviews/practice_review_detail.html",
        {
            "review": review,
            "findings": selectors.learning_for(source=review, user=request.user),
            "recommendations": review.recommendations.all(),
            "milestones": review.milestones.all(),
            "revisions": review.target_revisions.select_related("revised_by"),
            "disseminations": review.disseminations.all(),
            "plan": plan,
            "actions": selectors.practice_review_actions(review=review) if plan else [],
            "plan_summary": selectors.practice_review_plan_summary(plan=plan) if plan else None,
            "agencies": review.agencies.order_by("name"),
            "can_edit": permissions.can_edit_practice_review(request.user, review),
            "can_archive": permissions.can_archive_practice_review(request.user, review),
            "can_advance": permissions.can_advance_practice_review(request.user, review),
            "can_revise_target": permissions.can_revise_practice_review_target(
                request.user, review
            ),
            "can_download_report": permissions.can_download_practice_review_report(
                request.user, review
            ),
            "case_team": permissions.is_case_team(request.user),
            "today": timezone.localdate(),
            "breadcrumbs": CRUMBS(_list_crumb(), (review.title, "")),
        },
    )


# What every page about one review shares: its permission-checked fetch (for writing), its
# learning title above the heading, its trail, and a return to its page.
review_page = partial(
    form_view,
    fetch=partial(permissions.get_practice_review_for_user_or_404, write=True),
    caption=lambda review: review.learning_title,
    success_url=_detail_url,
    breadcrumbs=_review_crumbs,
)


def _versioned(review: PracticeReview) -> dict[str, int]:
    return {"version": review.version}


practice_review_update = review_page(
    forms.PracticeReviewEditForm,
    calls(services.practice_review_update, "review", versioned=True),
    Words("Change the review's details", "Save changes", "The review has been updated."),
    initial=lambda review: initial_from(
        review, forms.PracticeReviewEditForm, agencies=list(review.agencies.all())
    ),
    edits_record=True,
    crumb="Change",
)


def _stage_set(
    user: User, review: PracticeReview, form: forms.PracticeReviewStageForm
) -> PracticeReview:
    return services.practice_review_stage_set(
        actor=user,
        review=review,
        expected_version=form.cleaned_data["version"],
        **cleaned(form, drop=("version", "confirm")),
    )


# The next stage; signing off, publishing and not publishing are confirmed (they cannot be
# undone), and a finished review has no next stage (403).
practice_review_stage = review_page(
    forms.PracticeReviewStageForm,
    _stage_set,
    Words("Record the next stage", "Save stage"),
    fetch=partial(permissions.get_practice_review_for_user_or_404, step="stage"),
    form_kwargs=lambda user, review: {"review": review},
    initial=_versioned,
    edits_record=True,
    result_message=lambda stage: f"The review is now “{stage.get_status_display()}”.",
    caption=lambda review: f"{review.learning_title}: {review.get_status_display().lower()}",
    crumb="Next stage",
    intro="Publishing needs a link to the report or the final report itself, and "
    "publishes the review's findings to practitioners.",
    template="case_reviews/confirm_page.html",
    context={
        "warning": "Signing off, publishing and not publishing cannot be undone: a review "
        "never goes back a stage."
    },
)


practice_review_target_revise = review_page(
    fetch=partial(permissions.get_practice_review_for_user_or_404, step="target"),
    form_class=forms.TargetForm,
    initial=_versioned,
    edits_record=True,
    save=calls(services.practice_review_target_revise, "review", versioned=True),
    words=Words("Revise the target date", "Revise target", "The target has been revised."),
)

practice_review_advance_copy = review_page(
    form_class=forms.AdvanceCopyForm,
    initial=_versioned,
    edits_record=True,
    save=calls(services.practice_review_advance_copy_record, "review", versioned=True),
    success_message="The advance copy has been recorded.",
    title="Record the advance copy to the Panel and DfE",
    submit="Save",
)

practice_review_archive = review_page(
    fetch=partial(permissions.get_practice_review_for_user_or_404, archive=True),
    form_class=forms.ArchiveForm,
    initial=_versioned,
    edits_record=True,
    save=lambda user, review, form: services.practice_review_archive(
        actor=user,
        review=review,
        reason=form.cleaned_data["reason"],
        expected_version=form.cleaned_data["version"],
    ),
    success_message=lambda review: f"The review “{review.title}” has been archived.",
    success_url=lambda review: reverse("case_reviews:practice_review_list"),
    title=lambda review: f"Archive the review “{review.title}”",
    crumb="Archive",
    submit="Archive review",
    intro="An archived review leaves the lists, the deadlines and the annual report's "
    "figures, and can no longer be changed. Nothing is deleted: its page stays, with the "
    "reason.",
    template="case_reviews/confirm_page.html",
    context={"warning": "Archiving cannot be undone."},
)

milestone_add = review_page(
    forms.MilestoneForm,
    calls(services.milestone_add, "review"),
    Words("Add a milestone", "Add milestone", "The milestone has been added."),
)

finding_add = review_page(
    forms.LearningForm,
    calls(services.finding_record, "review"),
    Words(
        "Add a finding", "Add finding", "The finding has been added to the database of learning."
    ),
)

recommendation_add = review_page(
    forms.RecommendationForm,
    calls(services.recommendation_add, "review"),
    Words("Add a recommendation", "Add recommendation", "The recommendation has been added."),
)

practice_review_action_add = review_page(
    forms.PracticeReviewActionForm,
    calls(services.practice_review_action_add, "review"),
    Words("Add an action", "Add action", "The action has been added to the review's action plan."),
)

dissemination_add = review_page(
    forms.DisseminationForm,
    calls(services.dissemination_add, "review"),
    Words("Add a briefing, workshop or event", "Add", "The dissemination has been recorded."),
)

# Mark a milestone done (today), after confirming: it cannot be undone. A milestone already
# done has nothing to confirm (403).
milestone_complete = form_view(
    fetch=partial(permissions.get_milestone_for_user_or_404, write=True),
    form_class=forms.ConfirmForm,
    save=lambda user, milestone, form: services.milestone_complete(
        actor=user, milestone=milestone, on=timezone.localdate()
    ),
    success_message=lambda milestone: f"“{milestone.title}” is done.",
    success_url=lambda milestone: _detail_url(milestone.review),
    title=lambda milestone: f"Mark “{milestone.title}” as done?",
    caption=lambda milestone: milestone.review.learning_title,
    submit="Yes, mark as done",
    intro="It is recorded as done today.",
    template="case_reviews/confirm_page.html",
    context={"warning": "A milestone marked as done cannot be reopened."},
    breadcrumbs=lambda milestone, crumb: _review_crumbs(
        milestone.review, ("Mark a milestone as done", "")
    ),
)


@login_required
@require_GET
def practice_review_report_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    review = permissions.get_practice_review_report_for_user_or_404(request.user, pk)
    event_record_export(
        actor=request.user, what="final review report", rows=1, target=review, file_format="file"
    )
    kind = report_kind(review.final_report.name)
    name = review.final_report_name or f"final-report{kind.extensions[0]}"
    return attachment_response(review.final_report, download_name=name, kind=kind)
