"""Abstract base models every app builds on."""

from __future__ import annotations

from typing import Any, TypeVar, overload

from django.conf import settings
from django.db import models

M = TypeVar("M", bound=models.Model)


class ArchivableQuerySet(models.QuerySet[M]):
    """`.live()` are the records in use; `.archived()` the ones put away."""

    def live(self) -> ArchivableQuerySet[M]:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> ArchivableQuerySet[M]:
        return self.filter(archived_at__isnull=False)


class ReferenceQuerySet(models.QuerySet[M]):
    """`.active()` are the entries offered for new records; disabled ones stay for history."""

    def active(self) -> ReferenceQuerySet[M]:
        return self.filter(disabled_on__isnull=True)


class BaseModel(models.Model):
    """Timestamps and a version number for optimistic locking (see core.concurrency)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class ArchivableModel(BaseModel):
    """Case records are archived, never deleted."""

    archived_at = models.DateTimeField(null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    archived_reason = models.TextField(blank=True)

    objects = ArchivableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class ReferenceModel(BaseModel):
    """Reference lists (agencies, categories) are disabled, never deleted."""

    disabled_on = models.DateField(null=True, blank=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.disabled_on is None


class NumberedLabel:
    """The `activity_label` of a record known by its kind and number alone.

    `activity_label = NumberedLabel("Scrutiny report")` reads "Scrutiny report 12" on a record
    whose pk is 12; `by=` names another field that numbers the record (`by="reference"`,
    `by="year_label"`). The activity log and action plans show this label (see
    `activity_log.services`), so it names nothing that identifies a person.
    """

    def __init__(self, noun: str, *, by: str = "pk") -> None:
        self.noun = noun
        self.by = by

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> NumberedLabel: ...

    @overload
    def __get__(self, instance: models.Model, owner: type[Any]) -> str: ...

    def __get__(self, instance: models.Model | None, owner: type[Any]) -> NumberedLabel | str:
        if instance is None:
            return self
        return f"{self.noun} {getattr(instance, self.by)}"
