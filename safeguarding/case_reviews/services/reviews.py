"""Writes for practice reviews: commissioning, the lifecycle, target revisions, milestones,
findings (learning points), recommendations, actions and dissemination."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Unpack

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.activity_log.services import (
    event_record,
    tracked_archive,
    tracked_create,
    tracked_update,
)
from safeguarding.case_reviews import verbs
from safeguarding.case_reviews.models import (
    Dissemination,
    Milestone,
    PracticeReview,
    RapidReview,
    Recommendation,
    TargetRevision,
)
from safeguarding.case_reviews.rules import (
    PRACTICE_REVIEW_EDITABLE,
    REPORT_KINDS,
    PracticeReviewEdit,
    next_stages,
)
from safeguarding.core import uploads
from safeguarding.core.dates import add_months, require_not_future
from safeguarding.learning import selectors as learning_selectors
from safeguarding.learning import services as learning_services
from safeguarding.learning.models import LearningPoint, Theme

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area

LEARNING_KIND = {
    PracticeReview.Kind.CSPR: LearningPoint.SourceKind.CSPR,
    PracticeReview.Kind.SCR: LearningPoint.SourceKind.SCR,
    PracticeReview.Kind.SAR: LearningPoint.SourceKind.SAR,
    PracticeReview.Kind.OTHER: LearningPoint.SourceKind.OTHER,
}


@transaction.atomic
def practice_review_commission(
    *,
    actor: User | None,
    kind: str,
    title: str,
    decided_on: date,
    commissioned_on: date,
    rapid_review: RapidReview | None = None,
    area: Area | None = None,
    agencies: Iterable[Agency] = (),
    reviewer: str = "",
    methodology: str = "",
    terms_of_reference: str = "",
    summary: str = "",
) -> PracticeReview:
    """Commission a review. A CSPR from a rapid review needs the criteria to have been met; the
    target is `CASE_REVIEW_TARGET_MONTHS` (6) months from the decision."""
    if rapid_review is not None and kind != PracticeReview.Kind.CSPR:
        raise ValidationError({"kind": "A rapid review leads to a local CSPR."})
    if rapid_review is not None and rapid_review.decision != RapidReview.Decision.MET:
        raise ValidationError(
            {"rapid_review": "The rapid review has not found the criteria for a local review met."}
        )
    if rapid_review is not None and area is None:
        area = rapid_review.notification.area
    review = tracked_create(
        actor=actor,
        model=PracticeReview,
        data={
            "kind": kind,
            "title": " ".join(title.split()),
            "decided_on": decided_on,
            "commissioned_on": commissioned_on,
            "rapid_review": rapid_review,
            "area": area,
            "reviewer": reviewer.strip(),
            "methodology": methodology.strip(),
            "terms_of_reference": terms_of_reference.strip(),
            "summary": summary.strip(),
            "target_on": add_months(decided_on, settings.CASE_REVIEW_TARGET_MONTHS),
        },
        verb=verbs.PRACTICE_REVIEW_COMMISSIONED,
    )
    agency_list = list(agencies)
    if not agency_list and rapid_review is not None:
        agency_list = list(rapid_review.notification.agencies.all())
    if agency_list:
        practice_review_agencies_set(actor=actor, review=review, agencies=agency_list)
    return review


@transaction.atomic
def practice_review_agencies_set(
    *, actor: User | None, review: PracticeReview, agencies: Iterable[Agency]
) -> None:
    """The agencies involved in the review (recorded with the before and after lists)."""
    before = sorted(review.agencies.values_list("pk", flat=True))
    chosen = list(agencies)
    after = sorted(a.pk for a in chosen)
    if before == after:
        return
    review.agencies.set(chosen)
    event_record(
        actor=actor,
        verb=verbs.PRACTICE_REVIEW_AGENCIES_CHANGED,
        target=review,
        changes={"agencies": {"before": before, "after": after}},
    )


@transaction.atomic
def practice_review_update(
    *,
    actor: User | None,
    review: PracticeReview,
    expected_version: int | None,
    agencies: Iterable[Agency] | None = None,
    **edit: Unpack[PracticeReviewEdit],
) -> dict[str, dict[str, Any]]:
    """Change any of a review's details (and, when given, its agencies). A stale edit raises
    EditConflictError; renaming the review renames it on its learning."""
    unknown = set(edit) - PRACTICE_REVIEW_EDITABLE
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    data = {key: value.strip() if isinstance(value, str) else value for key, value in edit.items()}
    changes = tracked_update(
        actor=actor,
        obj=review,
        data=data,
        verb=verbs.PRACTICE_REVIEW_UPDATED,
        expected_version=expected_version,
    )
    if "title" in changes:
        learning_services.learning_source_title_refresh(actor=actor, source=review)
    if agencies is not None:
        practice_review_agencies_set(actor=actor, review=review, agencies=agencies)
    return changes


def _report_data(report: UploadedFile) -> dict[str, Any]:
    """A final report checked by its content and size, renamed for storage (the person's file
    name is kept for the download)."""
    try:
        kind = uploads.check_upload(
            report, kinds=REPORT_KINDS, max_mb=settings.CASE_REVIEW_UPLOAD_MAX_MB
        )
    except ValidationError as error:
        raise ValidationError({"final_report": error.messages}) from error
    original = PurePath(report.name or f"final-report{kind.extensions[0]}").name[-255:]
    report.name = uploads.generated_name(kind)
    return {"final_report": report, "final_report_name": original}


def _stage_data(
    review: PracticeReview, status: str, on: date, publication_url: str, not_published_reason: str
) -> dict[str, Any]:
    data: dict[str, Any] = {"status": status}
    if status == PracticeReview.Status.REPORT_RECEIVED:
        data["report_received_on"] = on
    elif status == PracticeReview.Status.SIGNED_OFF:
        data["signed_off_on"] = on
    elif status == PracticeReview.Status.PUBLISHED:
        if review.signed_off_on and on < review.signed_off_on:
            raise ValidationError({"on": "A review cannot be published before it is signed off."})
        data["published_on"] = on
        data["publication_url"] = publication_url.strip()
    elif status == PracticeReview.Status.NOT_PUBLISHED:
        if not not_published_reason.strip():
            raise ValidationError(
                {"not_published_reason": "Enter the reason the report is not published."}
            )
        data["not_published_reason"] = not_published_reason.strip()
    return data


@transaction.atomic
def practice_review_stage_set(
    *,
    actor: User | None,
    review: PracticeReview,
    status: str,
    on: date,
    expected_version: int | None,
    publication_url: str = "",
    final_report: UploadedFile | None = None,
    not_published_reason: str = "",
) -> PracticeReview:
    """Move a review to its next stage, recording the stage's date (report received, signed off,
    published with a link or the final report, or not published with the reason). Publishing
    publishes the review's findings to practitioners."""
    allowed = next_stages(review.status)
    if status not in allowed:
        names = (
            ", ".join(PracticeReview.Status(stage).label.lower() for stage in allowed)
            or "nothing (it is finished)"
        )
        raise ValidationError(
            {"status": f"From “{review.get_status_display()}” the review can move to: {names}."}
        )
    require_not_future(on, field="on")
    if (
        status == PracticeReview.Status.PUBLISHED
        and not publication_url.strip()
        and final_report is None
    ):
        raise ValidationError(
            {"publication_url": "Enter the link to the report or upload the final report."}
        )
    data = _stage_data(review, status, on, publication_url, not_published_reason)
    if final_report is not None:
        data.update(_report_data(final_report))
        data["final_report_for_publication"] = status == PracticeReview.Status.PUBLISHED
    tracked_update(
        actor=actor,
        obj=review,
        data=data,
        verb=verbs.PRACTICE_REVIEW_STAGE[status],
        expected_version=expected_version,
    )
    if status == PracticeReview.Status.PUBLISHED:
        _publish_findings(actor, review)
    return review


def _publish_findings(actor: User | None, review: PracticeReview) -> None:
    for point in learning_selectors.learning_point_list_for_source(source=review).filter(
        is_published=False
    ):
        learning_services.learning_point_publish(actor=actor, point=point)


@transaction.atomic
def practice_review_advance_copy_record(
    *, actor: User | None, review: PracticeReview, on: date, expected_version: int | None = None
) -> PracticeReview:
    """Record that the final report went to the Panel and DfE ahead of publication."""
    if review.published_on and on > review.published_on:
        raise ValidationError({"on": "The advance copy must be sent before publication."})
    require_not_future(on, field="on")
    tracked_update(
        actor=actor,
        obj=review,
        data={"advance_copy_sent_on": on},
        verb=verbs.PRACTICE_REVIEW_ADVANCE_COPY_RECORDED,
        expected_version=expected_version,
    )
    return review


@transaction.atomic
def practice_review_target_revise(
    *,
    actor: User | None,
    review: PracticeReview,
    new_target_on: date,
    reason: str,
    expected_version: int | None = None,
) -> TargetRevision:
    """Move the target completion date, keeping the reason. A stale edit raises
    EditConflictError."""
    if review.is_complete:
        raise ValidationError(
            "The review has been signed off: its target completion date can no longer change."
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter the reason for revising the target."})
    if new_target_on == review.target_on:
        raise ValidationError({"new_target_on": "The new target is the same as the current one."})
    if new_target_on < review.decided_on:
        raise ValidationError({"new_target_on": "The target cannot be before the decision."})
    old = review.target_on
    tracked_update(
        actor=actor,
        obj=review,
        data={"target_on": new_target_on},
        verb=verbs.PRACTICE_REVIEW_TARGET_REVISED,
        expected_version=expected_version,
    )
    return TargetRevision.objects.create(
        review=review,
        old_target_on=old,
        new_target_on=new_target_on,
        reason=reason,
        revised_by=actor,
    )


@transaction.atomic
def milestone_add(
    *, actor: User | None, review: PracticeReview, title: str, due_on: date | None = None
) -> Milestone:
    return tracked_create(
        actor=actor,
        model=Milestone,
        data={"review": review, "title": title.strip(), "due_on": due_on},
        verb=verbs.MILESTONE_ADDED,
    )


@transaction.atomic
def milestone_complete(*, actor: User | None, milestone: Milestone, on: date) -> Milestone:
    if milestone.done_on is not None:
        raise ValidationError("This milestone is already done.")
    require_not_future(on, field="on")
    tracked_update(
        actor=actor, obj=milestone, data={"done_on": on}, verb=verbs.MILESTONE_COMPLETED
    )
    return milestone


@transaction.atomic
def finding_record(
    *,
    actor: User | None,
    review: PracticeReview,
    title: str,
    summary: str,
    themes: Iterable[Theme],
    recorded_on: date,
    agencies: Iterable[Agency] = (),
) -> LearningPoint:
    """A finding of the review: a learning point tagged with themes, published with the
    review (at once when the review is already published)."""
    return learning_services.learning_point_record(
        actor=actor,
        source=review,
        source_kind=LEARNING_KIND[PracticeReview.Kind(review.kind)],
        title=title,
        summary=summary,
        recorded_on=recorded_on,
        themes=themes,
        agencies=agencies,
        area=review.area,
        is_published=review.status == PracticeReview.Status.PUBLISHED,
    )


@transaction.atomic
def recommendation_add(*, actor: User | None, review: PracticeReview, text: str) -> Recommendation:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the recommendation."})
    PracticeReview.objects.select_for_update().filter(pk=review.pk).first()
    last = review.recommendations.aggregate(n=Max("number"))["n"] or 0
    return tracked_create(
        actor=actor,
        model=Recommendation,
        data={"review": review, "number": last + 1, "text": text},
        verb=verbs.RECOMMENDATION_ADDED,
    )


def practice_review_action_plan_get_or_create(
    *, actor: User | None, review: PracticeReview
) -> ActionPlan:
    """The review's action plan (created on first use; reviewed every two months)."""
    return action_services.action_plan_get_or_create_for(
        actor=actor, source=review, title=f"{review.learning_title}: action plan"
    )


@transaction.atomic
def practice_review_action_add(
    *,
    actor: User | None,
    review: PracticeReview,
    description: str,
    owner_agency: Agency,
    due_date: date,
    owner_person: User | None = None,
    success_measure: str = "",
) -> Action:
    plan = practice_review_action_plan_get_or_create(actor=actor, review=review)
    return action_services.action_create(
        actor=actor,
        plan=plan,
        description=description,
        owner_agency=owner_agency,
        due_date=due_date,
        owner_person=owner_person,
        success_measure=success_measure,
    )


@transaction.atomic
def dissemination_add(
    *, actor: User | None, review: PracticeReview, kind: str, title: str, held_on: date, reach: int
) -> Dissemination:
    if reach < 0:
        raise ValidationError({"reach": "The number of people cannot be negative."})
    return tracked_create(
        actor=actor,
        model=Dissemination,
        data={
            "review": review,
            "kind": kind,
            "title": title.strip(),
            "held_on": held_on,
            "reach": reach,
        },
        verb=verbs.DISSEMINATION_ADDED,
    )


@transaction.atomic
def practice_review_archive(
    *, actor: User, review: PracticeReview, reason: str, expected_version: int | None = None
) -> PracticeReview:
    """Archive a review recorded in error or twice (records are archived, never deleted). It
    leaves the lists, the deadlines and the annual report's figures; its page stays, read-only,
    with the reason."""
    return tracked_archive(
        actor=actor,
        obj=review,
        reason=reason,
        verb=verbs.PRACTICE_REVIEW_ARCHIVED,
        noun="review",
        expected_version=expected_version,
    )
