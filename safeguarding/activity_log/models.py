"""ActivityEvent: one row per write, sensitive view, export or sign-in. Never updated or
deleted by the application; on PostgreSQL a trigger refuses UPDATE and DELETE."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ActivityEvent(models.Model):
    class Kind(models.TextChoices):
        WRITE = "write", "Change"
        VIEW = "view", "View of a sensitive record"
        EXPORT = "export", "Export or download"
        ACCESS = "access", "Sign-in or sign-out"

    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activity_events",
    )
    actor_label = models.CharField(max_length=254, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WRITE)
    verb = models.CharField(max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True, db_index=True)
    target_label = models.CharField(max_length=255, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            # Keyset pages of a filtered log (newest first): the filter, then the sequence, so a
            # page reads its 51 rows from the index instead of scanning 1,000,000 events
            # (EXPLAIN in docs/modules/volume.md).
            models.Index(fields=["verb", "-id"], name="activity_verb_id_idx"),
            models.Index(fields=["actor", "-id"], name="activity_actor_id_idx"),
            # A person's events of one verb (`?actor=...&verb=...`): without it PostgreSQL
            # multiplies the two filters' estimates and walks the sequence backwards.
            models.Index(fields=["actor", "verb", "-id"], name="activity_actor_verb_id_idx"),
            models.Index(fields=["kind", "-id"], name="activity_kind_id_idx"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.target_label}"
        )
