"""The retention schedule: one Policy per record type, registered by the app that owns the
records (`<app>/retention.py`, called from its AppConfig.ready()). Filled at start-up only.

A policy says how long its records are kept (a setting in years, with its documented default
and the reason), what happens at the end, which records are due as of a date, which of those a
legal hold covers (its own filter: a hold on the record or on any parent it names) and how
one batch is deleted or anonymised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from safeguarding.core.dates import add_months


class Action(StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    KEEP = "keep"

    @property
    def label(self) -> str:
        return {
            "delete": "Delete",
            "anonymise": "Anonymise (keep the counts, drop what identifies)",
            "keep": "Keep",
        }[self.value]


@dataclass(frozen=True)
class Policy:
    key: str
    label: str
    setting: str
    default: str
    reason: str
    action: Action
    # What is due as of a day, holds not yet applied (None for "keep").
    due: Callable[[date], QuerySet[Any]] | None = None
    # Of a queryset of due records, the filter selecting those a legal hold covers.
    held: Callable[[], Q] | None = None
    # Delete or anonymise the records with these primary keys; returns how many.
    process: Callable[[list[int]], int] | None = None
    # The record types a legal hold may be placed on for this policy (the record and parents).
    hold_models: Sequence[type[Model]] = field(default_factory=tuple)

    @property
    def years(self) -> int | None:
        value: int | None = getattr(settings, self.setting)
        return value

    def cutoff(self, as_of: date) -> date | None:
        """Records whose clock started before this day are due."""
        return None if self.years is None else add_months(as_of, -12 * self.years)

    def due_records(self, as_of: date) -> QuerySet[Any] | None:
        if self.due is None or self.years is None:
            return None
        return self.due(as_of)

    def held_records(self, as_of: date) -> QuerySet[Any] | None:
        due = self.due_records(as_of)
        if due is None:
            return None
        return due.filter(self.held()) if self.held is not None else due.none()

    def removable_records(self, as_of: date) -> QuerySet[Any] | None:
        due = self.due_records(as_of)
        if due is None:
            return None
        return due.exclude(self.held()) if self.held is not None else due


_policies: dict[str, Policy] = {}


def register_policy(policy: Policy) -> None:
    _policies[policy.key] = policy


def policy_list() -> list[Policy]:
    return sorted(_policies.values(), key=lambda p: p.label)


def policy_get(key: str) -> Policy:
    return _policies[key]


def holdable_models() -> list[type[Model]]:
    """Every record type a hold may be placed on, once each."""
    seen: dict[str, type[Model]] = {}
    for policy in policy_list():
        for model in policy.hold_models:
            seen.setdefault(model._meta.label, model)
    return list(seen.values())


def held_pks(model: type[Model]) -> list[int]:
    """The primary keys of `model` records under an active legal hold."""
    from safeguarding.retention.models import LegalHold

    content_type = ContentType.objects.get_for_model(model)
    return list(
        LegalHold.objects.active()
        .filter(content_type=content_type)
        .values_list("object_id", flat=True)
    )


def held_filter(own: type[Model], **parents: type[Model]) -> Callable[[], Q]:
    """A policy's `held` filter: a hold on the record itself (`own`) or on any parent, given
    as lookup=Model (`session=TrainingSession` holds every booking of a held session)."""

    def _filter() -> Q:
        condition = Q(pk__in=held_pks(own))
        for lookup, model in parents.items():
            condition |= Q(**{f"{lookup}__in": held_pks(model)})
        return condition

    return _filter
