"""Action plans for any source record, their actions, progress updates and reviews.

**Overdue rule** (one rule, used by every list, count, card, export and reminder): an action is
overdue on a day when it is not complete and either its due date is before that day, or someone
set its status to "Overdue". An action due today is not yet overdue. So an action whose stored
status still says "On track" shows as Overdue once its due date has passed; the stored status is
kept as the owner last reported it, and `actions_mark_overdue` catches the stored status up.

RAG: Overdue is red, At risk amber, On track green, Not started grey, and Complete blue (the
common "BRAG" convention, so finished actions do not swell the green count). Pages always show
the status text beside the colour.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from safeguarding.core.models import ArchivableModel, BaseModel, NumberedLabel


class ActionPlan(ArchivableModel):
    """The action plan of one source record (a practice review, an audit, a group...).

    One plan per source record: other apps reach it through
    services.action_plan_get_or_create_for(source=...)."""

    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    title = models.CharField(max_length=300)
    review_every_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["next_review_due", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"], name="one_action_plan_per_source"
            )
        ]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Action plan")

    @property
    def source_label(self) -> str:
        """A non-identifying label for the source record (its activity_label if it has one)."""
        source = self.source
        if source is None:
            return "Record no longer available"
        label = getattr(source, "activity_label", None)
        return str(label) if label else f"{source._meta.verbose_name} {source.pk}".capitalize()

    def review_is_due_on(self, day: date) -> bool:
        return self.next_review_due is not None and self.next_review_due <= day


class ActionQuerySet(models.QuerySet["Action"]):
    def live(self) -> ActionQuerySet:
        """Actions on plans in use (an archived plan keeps its actions, out of sight)."""
        return self.filter(plan__archived_at__isnull=True)


class Action(BaseModel):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        ON_TRACK = "on_track", "On track"
        AT_RISK = "at_risk", "At risk"
        OVERDUE = "overdue", "Overdue"
        COMPLETE = "complete", "Complete"

    RAG = {
        Status.NOT_STARTED: "grey",
        Status.ON_TRACK: "green",
        Status.AT_RISK: "amber",
        Status.OVERDUE: "red",
        Status.COMPLETE: "blue",
    }
    TAG_CLASS = {
        "grey": "govuk-tag--grey",
        "green": "govuk-tag--green",
        "amber": "govuk-tag--orange",
        "red": "govuk-tag--red",
        "blue": "govuk-tag--blue",
    }

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="actions")
    number = models.PositiveIntegerField(help_text="Numbered within the plan: 1, 2, 3...")
    description = models.TextField("action")
    success_measure = models.TextField("how we will know it has worked", blank=True)
    owner_agency = models.ForeignKey(
        "partnership.Agency",
        verbose_name="owner agency",
        on_delete=models.PROTECT,
        related_name="actions",
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="owner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_actions",
    )
    due_date = models.DateField("due date")
    original_due_date = models.DateField(
        "original due date", help_text="The due date first agreed; kept when it moves."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField("completed on", null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_action_number"),
            models.CheckConstraint(
                condition=(
                    models.Q(status="complete", completed_on__isnull=False)
                    | (~models.Q(status="complete") & models.Q(completed_on__isnull=True))
                ),
                name="action_completed_on_iff_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"Action {self.number}"

    activity_label = NumberedLabel("Action")

    def clean(self) -> None:
        if self.status == self.Status.COMPLETE and self.completed_on is None:
            raise ValidationError({"completed_on": "Enter the date the action was completed."})
        if self.status != self.Status.COMPLETE and self.completed_on is not None:
            raise ValidationError(
                {"completed_on": "Only a complete action has a completion date."}
            )

    # --- the overdue rule (see the module docstring) ----------------------------------
    def is_overdue_on(self, day: date) -> bool:
        if self.status == self.Status.COMPLETE:
            return False
        return self.status == self.Status.OVERDUE or self.due_date < day

    def status_on(self, day: date) -> str:
        return self.Status.OVERDUE if self.is_overdue_on(day) else self.status

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.COMPLETE

    @property
    def current_status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def current_status_label(self) -> str:
        return str(self.Status(self.current_status).label)

    @property
    def rag(self) -> str:
        return self.RAG[self.Status(self.current_status)]

    @property
    def rag_tag_class(self) -> str:
        return self.TAG_CLASS[self.rag]

    @property
    def due_date_moved(self) -> bool:
        return self.due_date != self.original_due_date


def evidence_upload_to(instance: ActionUpdate, filename: str) -> str:
    """A random stored name: the original name is kept in evidence_name, never in the path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"actions/evidence/{uuid.uuid4().hex}{suffix}"


class ActionUpdate(models.Model):
    """A progress update: a note, the status it moved from and to, and optional evidence.
    Never edited. An update with no author was made by the system (actions_mark_overdue)."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField()
    status_before = models.CharField(max_length=20, choices=Action.Status.choices)
    status_after = models.CharField(max_length=20, choices=Action.Status.choices)
    evidence = models.FileField(upload_to=evidence_upload_to, blank=True, max_length=200)
    evidence_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Update {self.pk} to action {self.action_id}"

    activity_label = NumberedLabel("Action update")

    @property
    def status_changed(self) -> bool:
        return self.status_before != self.status_after

    @property
    def author_label(self) -> str:
        return self.author.display_name if self.author else "Automatic"


class ActionPlanReview(models.Model):
    """A review of an action plan at its regular cycle, with the figures at that moment."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField("date of review")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True)
    next_review_due = models.DateField()
    open_count = models.PositiveIntegerField(default=0)
    overdue_count = models.PositiveIntegerField(default=0)
    complete_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Review of action plan {self.plan_id} on {self.reviewed_on}"

    activity_label = NumberedLabel("Action plan review")


class ActionReminder(models.Model):
    """A reminder e-mail sent about an action: at most one of each kind per due date, so the
    reminder job is safe to run twice (and a new due date earns new reminders)."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Due soon"
        MISSED = "missed", "Due date missed"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    due_date = models.DateField()
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "kind", "due_date"], name="one_reminder_per_kind_and_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder for action {self.action_id}"
