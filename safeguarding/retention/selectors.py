"""Reads for the retention page, legal holds and the subject access download (never write)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from safeguarding.accounts import subject_access
from safeguarding.accounts.models import User
from safeguarding.retention import registry
from safeguarding.retention.models import LegalHold, RetentionRun

if TYPE_CHECKING:
    from safeguarding.retention.registry import Policy


@dataclass(frozen=True)
class PolicyStatus:
    """What is due under one policy as of a day, and how much of it a legal hold covers."""

    policy: Policy
    years: int | None
    due: int
    held: int

    @property
    def removable(self) -> int:
        return self.due - self.held


def policy_status(*, policy: Policy, as_of: date) -> PolicyStatus:
    due = policy.due_records(as_of)
    held = policy.held_records(as_of)
    return PolicyStatus(
        policy=policy,
        years=policy.years,
        due=due.count() if due is not None else 0,
        held=held.count() if held is not None else 0,
    )


def retention_status_list(*, as_of: date) -> list[PolicyStatus]:
    return [policy_status(policy=policy, as_of=as_of) for policy in registry.policy_list()]


def legal_hold_list(*, active: bool = True) -> QuerySet[LegalHold]:
    holds = LegalHold.objects.select_related("content_type", "placed_by", "released_by")
    return holds.active() if active else holds.filter(released_at__isnull=False)


def retention_run_list() -> QuerySet[RetentionRun]:
    return RetentionRun.objects.select_related("started_by").prefetch_related("results")[:50]


def holdable_type_choices() -> list[tuple[str, str]]:
    """(content type id, label) for every record type a hold may be placed on."""
    choices = []
    for model in registry.holdable_models():
        content_type = ContentType.objects.get_for_model(model)
        choices.append((str(content_type.pk), str(model._meta.verbose_name).capitalize()))
    return sorted(choices, key=lambda choice: choice[1])


def holdable_record_get(*, content_type_id: int, object_id: int) -> Model | None:
    """The record a hold is asked for, when its type may be held and it exists."""
    allowed = {ContentType.objects.get_for_model(m).pk for m in registry.holdable_models()}
    if content_type_id not in allowed:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=object_id).first()


def person_find(*, email: str) -> QuerySet[User]:
    """People whose e-mail address contains `email` (a subject access request names them)."""
    if not email.strip():
        return User.objects.none()
    return User.objects.filter(email__icontains=email.strip()).order_by("email")[:20]


def person_data(*, person: User) -> dict[str, Any]:
    return subject_access.subject_access_data(person=person)
