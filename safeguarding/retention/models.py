"""LegalHold: a hold on any record (and, through each policy's own filter, its children) that
stops the retention schedule removing it. RetentionRun and RetentionRunResult: the history of
applied runs, with counts only."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from safeguarding.core.models import NumberedLabel


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def active(self) -> LegalHoldQuerySet:
        return self.filter(released_at__isnull=True)


class LegalHold(models.Model):
    """Placed by an administrator on one record, for a reason (a claim, an inquiry, a
    request from the police or the coroner), with a date to review it. Released, never
    deleted: the history of holds stays."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_label = models.CharField(max_length=255)
    reason = models.TextField()
    review_on = models.DateField("review date")
    placed_at = models.DateTimeField()
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    release_reason = models.TextField(blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"Legal hold on {self.object_label}"

    @property
    def activity_label(self) -> str:
        return f"Legal hold {self.pk} ({self.object_label})"

    @property
    def is_active(self) -> bool:
        return self.released_at is None


class RetentionRun(models.Model):
    """One applied run of the schedule (dry runs change nothing, so they leave no row)."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    as_of = models.DateField()
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Retention run {self.pk} ({self.started_at:%Y-%m-%d %H:%M})"

    activity_label = NumberedLabel("Retention run")


class RetentionRunResult(models.Model):
    """Counts for one record type in one run."""

    run = models.ForeignKey(RetentionRun, on_delete=models.CASCADE, related_name="results")
    policy_key = models.CharField(max_length=60)
    label = models.CharField(max_length=200)
    action = models.CharField(max_length=20)
    due = models.PositiveIntegerField(default=0)
    held = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["run", "label"]

    def __str__(self) -> str:
        return f"{self.label}: {self.processed} of {self.due}"
