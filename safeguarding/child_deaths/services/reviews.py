"""The panel's review (analysis form), with learning and actions from it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action
from safeguarding.activity_log.services import (
    event_record,
    tracked_update,
)
from safeguarding.child_deaths import verbs
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    DeathCategory,
    PanelReview,
    ReviewFactor,
)
from safeguarding.core.concurrency import check_version
from safeguarding.learning import services as learning_services
from safeguarding.learning.models import LearningPoint, Theme

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency


# --- panel review --------------------------------------------------------------------


@dataclass(frozen=True)
class DomainFactor:
    grading: str
    description: str = ""


def _check_review(
    *,
    notification: ChildDeathNotification,
    category: DeathCategory | None,
    modifiable: str,
    modifiable_factors: str,
    completed_on: date | None,
) -> None:
    errors: dict[str, str] = {}
    if modifiable == PanelReview.Modifiable.YES and not modifiable_factors.strip():
        errors["modifiable_factors"] = "Name the modifiable factors the panel identified."
    if completed_on is not None:
        if category is None:
            errors["category"] = "Choose the category of death before completing the review."
        if not modifiable:
            errors["modifiable"] = "Record whether there were modifiable factors."
        if completed_on < notification.date_of_death:
            errors["completed_on"] = "The review cannot be completed before the death."
        if completed_on > timezone.localdate():
            errors["completed_on"] = "The completion date cannot be in the future."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def panel_review_save(
    *,
    actor: User | None,
    notification: ChildDeathNotification,
    expected_version: int | None,
    category: DeathCategory | None,
    modifiable: str,
    modifiable_factors: str = "",
    completed_on: date | None = None,
    factors: dict[str, DomainFactor] | None = None,
) -> PanelReview:
    """Record or change the panel's analysis. Completing the review needs a category, a
    modifiable-factors decision, and the factors named when the decision is yes."""
    _check_review(
        notification=notification,
        category=category,
        modifiable=modifiable,
        modifiable_factors=modifiable_factors,
        completed_on=completed_on,
    )
    review, created = PanelReview.objects.select_for_update().get_or_create(
        notification=notification
    )
    if not created:
        check_version(
            review,
            expected_version,
            {"category": category, "modifiable": modifiable, "completed_on": completed_on},
        )
    tracked_update(
        actor=actor,
        obj=review,
        data={
            "category": category,
            "modifiable": modifiable,
            "modifiable_factors": modifiable_factors.strip(),
            "completed_on": completed_on,
        },
        verb=verbs.PANEL_REVIEW_RECORDED,
    )
    for domain, factor in (factors or {}).items():
        ReviewFactor.objects.update_or_create(
            review=review,
            domain=domain,
            defaults={"grading": factor.grading, "description": factor.description.strip()},
        )
    status = (
        ChildDeathNotification.Status.REVIEWED
        if completed_on
        else ChildDeathNotification.Status.AWAITING_PANEL
    )
    if notification.status != status and (
        completed_on or notification.status == ChildDeathNotification.Status.REVIEWED
    ):
        ChildDeathNotification.objects.filter(pk=notification.pk).update(status=status)
        notification.status = status
        event_record(
            actor=actor,
            verb=verbs.PANEL_REVIEW_COMPLETED if completed_on else verbs.PANEL_REVIEW_REOPENED,
            target=notification,
        )
    return review


@transaction.atomic
def review_learning_record(
    *,
    actor: User | None,
    review: PanelReview,
    title: str,
    summary: str,
    themes: Iterable[Theme],
    recorded_on: date,
    is_published: bool = False,
) -> LearningPoint:
    """Learning from a review goes to the database of learning, tagged with themes. The caller's
    text must not identify the child; the learning is linked to the review, not the child."""
    return learning_services.learning_point_record(
        actor=actor,
        source=review,
        source_kind=LearningPoint.SourceKind.CHILD_DEATH_REVIEW,
        title=title,
        summary=summary,
        recorded_on=recorded_on,
        themes=themes,
        area=review.notification.residence_area,
        is_published=is_published,
    )


@transaction.atomic
def panel_review_action_add(
    *,
    actor: User | None,
    review: PanelReview,
    description: str,
    owner_agency: Agency,
    due_date: date,
    owner_person: User | None = None,
) -> Action:
    """A recommendation or action from the review, tracked in the review's action plan."""
    plan = action_services.action_plan_get_or_create_for(
        actor=actor, source=review, title=f"Actions from {review.activity_label}"
    )
    return action_services.action_create(
        actor=actor,
        plan=plan,
        description=description,
        owner_agency=owner_agency,
        due_date=due_date,
        owner_person=owner_person,
    )
