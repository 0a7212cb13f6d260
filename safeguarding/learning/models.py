"""Themes (the managed taxonomy) and learning points recorded against any module's records.

A learning point belongs to the record it came from (a rapid review, a practice review, a child
death review, an audit...) through a generic link: this app never imports the domain apps, they
call learning.services with their record. Themes are retired, never deleted once used: the
links to them are PROTECTed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from safeguarding.core.models import BaseModel, NumberedLabel
from safeguarding.core.years import ReportingYear

if TYPE_CHECKING:
    from safeguarding.partnership.models import Agency

NO_IDENTIFYING_DETAILS = (
    "Never include a child's or family member's name, initials, date of birth, address, school "
    "or any other detail that could identify them."
)


class Theme(BaseModel):
    """A theme of learning (for example "Professional curiosity"). Administrators add, rename
    and retire themes. A retired theme stays on the learning already recorded with it but
    cannot be chosen for new learning. The slug never changes, so links keep working after a
    rename; every earlier name is kept in ThemeNameChange."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, editable=False)
    description = models.TextField(blank=True)
    retired_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="learning_theme_name_unique_ci",
                violation_error_message="There is already a theme with this name.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    @property
    def activity_label(self) -> str:
        return f"Theme: {self.name}"


class ThemeNameChange(models.Model):
    """One rename of a theme: what it was called before and after, who renamed it, when."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="name_changes")
    old_name = models.CharField(max_length=100)
    new_name = models.CharField(max_length=100)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["theme", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.old_name} → {self.new_name}"


class LearningPoint(BaseModel):
    """One piece of learning, recorded by a module against its own record (the source).

    It holds only the de-identified text the source module gives it: never a child's
    identifying details. Practitioners see only published learning.
    """

    class SourceKind(models.TextChoices):
        RAPID_REVIEW = "rapid_review", "Rapid review"
        CSPR = "cspr", "Local child safeguarding practice review"
        SCR = "scr", "Serious case review"
        SAR = "sar", "Safeguarding adult review"
        DHR = "dhr", "Domestic homicide review"
        NATIONAL_REVIEW = "national_review", "National review"
        CHILD_DEATH_REVIEW = "child_death_review", "Child death review"
        AUDIT = "audit", "Multi-agency audit"
        OTHER = "other", "Other"

    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    source_kind = models.CharField(max_length=30, choices=SourceKind.choices)
    source_title = models.CharField(
        max_length=200,
        blank=True,
        help_text="The source record's de-identified title (its `learning_title`), for search "
        "and for the page of learning from one review.",
    )
    title = models.CharField(max_length=200, help_text=NO_IDENTIFYING_DETAILS)
    summary = models.TextField(
        help_text="What practitioners should know or do differently. " + NO_IDENTIFYING_DETAILS
    )
    recorded_on = models.DateField(
        help_text="The date the learning was agreed; it sets the reporting year it counts in."
    )
    area = models.ForeignKey(
        "partnership.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="learning_points",
        help_text="Leave empty when the learning applies across the partnership.",
    )
    agencies: models.ManyToManyField[Agency, LearningPointAgency] = models.ManyToManyField(
        "partnership.Agency",
        through="LearningPointAgency",
        related_name="learning_points",
        blank=True,
    )
    themes: models.ManyToManyField[Theme, LearningPointTheme] = models.ManyToManyField(
        Theme, through="LearningPointTheme", related_name="learning_points"
    )
    is_published = models.BooleanField(
        default=False, help_text="Only published learning is shown to practitioners."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-recorded_on", "-id"]
        indexes = [
            models.Index(fields=["source_type", "source_id"], name="learning_point_source_idx"),
            models.Index(fields=["recorded_on"], name="learning_point_recorded_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Learning point")

    @property
    def reporting_year(self) -> ReportingYear:
        return ReportingYear.containing(self.recorded_on)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.title is not None and not self.title.strip():
            errors["title"] = "Enter a title."
        if self.summary is not None and not self.summary.strip():
            errors["summary"] = "Enter a summary of the learning."
        if self.recorded_on and self.recorded_on > timezone.localdate():
            errors["recorded_on"] = "The date the learning was recorded cannot be in the future."
        if errors:
            raise ValidationError(errors)


class LearningPointTheme(models.Model):
    """A learning point's theme. PROTECT: a theme with learning can never be deleted."""

    learning_point = models.ForeignKey(
        LearningPoint, on_delete=models.CASCADE, related_name="theme_links"
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="learning_point_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learning_point", "theme"], name="learning_point_theme_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learning_point_id}: {self.theme_id}"


class LearningPointAgency(models.Model):
    """An agency the learning is for. PROTECT: agencies are disabled, never deleted."""

    learning_point = models.ForeignKey(
        LearningPoint, on_delete=models.CASCADE, related_name="agency_links"
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="learning_point_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learning_point", "agency"], name="learning_point_agency_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learning_point_id}: {self.agency_id}"
