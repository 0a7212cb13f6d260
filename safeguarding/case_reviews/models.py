"""Serious incident notifications, rapid reviews, practice reviews (CSPR, and the earlier SCR,
SAR and other learning reviews), their recommendations, milestones and dissemination.

Children are known by pseudonyms everywhere; their identifying details live only in the
encrypted identity panel (NotifiedChild's EncryptedTextFields). Deadlines are derived from dates
(core.working_days), never stored, so a revised rule changes every record at once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from safeguarding.core.fields import EncryptedTextField
from safeguarding.core.models import ArchivableModel, BaseModel, NumberedLabel
from safeguarding.core.working_days import add_working_days, working_days_between

if TYPE_CHECKING:
    from safeguarding.partnership.models import Agency

MAX_CHILDREN = 4
NO_IDENTIFYING = (
    "Use the children's pseudonyms. Never include a name, date of birth, address or school."
)


class IncidentNotification(ArchivableModel):
    """A serious incident notification: one incident, up to four children."""

    class IncidentType(models.TextChoices):
        DEATH = "death", "Death"
        SERIOUS_HARM = "serious_harm", "Serious harm"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    area = models.ForeignKey(
        "partnership.Area", on_delete=models.PROTECT, related_name="incident_notifications"
    )
    incident_type = models.CharField(max_length=20, choices=IncidentType.choices)
    abuse_or_neglect_suspected = models.BooleanField(
        "abuse or neglect known or suspected", default=True
    )
    looked_after = models.BooleanField("a looked-after child", default=False)
    aware_on = models.DateField("date the local authority became aware")
    notified_on = models.DateField("date notified to the national Panel", null=True, blank=True)
    summary = models.TextField("summary of the incident", blank=True, help_text=NO_IDENTIFYING)
    agencies: models.ManyToManyField[Agency, Any] = models.ManyToManyField(
        "partnership.Agency", related_name="incident_notifications", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-aware_on", "-id"]

    def __str__(self) -> str:
        return self.reference

    activity_label = NumberedLabel("Serious incident notification", by="reference")

    @property
    def notification_due_on(self) -> date:
        return add_working_days(self.aware_on, settings.CASE_REVIEW_NOTIFICATION_WORKING_DAYS)

    @property
    def notified_late(self) -> bool:
        return self.notified_on is not None and self.notified_on > self.notification_due_on

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if self.aware_on and self.aware_on > today:
            errors["aware_on"] = (
                "The date the local authority became aware cannot be in the future."
            )
        if self.notified_on and self.notified_on > today:
            errors["notified_on"] = "The date notified cannot be in the future."
        if self.notified_on and self.aware_on and self.notified_on < self.aware_on:
            errors["notified_on"] = (
                "The date notified must be on or after the date the local authority became aware."
            )
        if errors:
            raise ValidationError(errors)


class NotifiedChild(BaseModel):
    """A child involved in a notified incident. The pseudonym is used everywhere; the other
    fields are the restricted identity panel, encrypted at rest and logged when viewed."""

    notification = models.ForeignKey(
        IncidentNotification, on_delete=models.PROTECT, related_name="children"
    )
    pseudonym = models.CharField(
        max_length=50, help_text="An invented first name used on every page and report."
    )
    full_name = EncryptedTextField("full name", blank=True)
    # A date, written YYYY-MM-DD and encrypted (a plain date column would hold it unencrypted).
    date_of_birth_text = EncryptedTextField("date of birth", blank=True)
    # A date of birth typed as free text before it became a date, which could not be read as
    # one (migration 0005): kept, and shown on the identity panel until someone corrects it.
    date_of_birth_as_entered = EncryptedTextField(
        "date of birth as first entered", blank=True, editable=False
    )
    address = EncryptedTextField("address", blank=True)
    other_identifiers = EncryptedTextField(
        "other identifying details", blank=True, help_text="For example NHS number, school."
    )

    class Meta:
        ordering = ["notification", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "pseudonym"],
                name="case_reviews_child_pseudonym_once",
                violation_error_message="Another child in this notification has that pseudonym.",
            )
        ]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def activity_label(self) -> str:
        return f"Child {self.pk} in notification {self.notification_id}"

    @property
    def date_of_birth(self) -> date | None:
        return date.fromisoformat(self.date_of_birth_text) if self.date_of_birth_text else None


class RapidReview(BaseModel):
    """The rapid review of a notified incident (one per notification)."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Not decided yet"
        MET = "met", "Criteria for a local review met"
        NOT_MET = "not_met", "Criteria for a local review not met"

    class PanelResponse(models.TextChoices):
        AWAITED = "awaited", "Not received yet"
        AGREES = "agrees", "Agrees"
        DISAGREES = "disagrees", "Disagrees"

    notification = models.OneToOneField(
        IncidentNotification, on_delete=models.PROTECT, related_name="rapid_review"
    )
    meeting_on = models.DateField("meeting date", null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decision_reasons = models.TextField("reasons for the decision", blank=True)
    decided_on = models.DateField("date of the decision", null=True, blank=True)
    sent_to_panel_on = models.DateField("date sent to the Panel", null=True, blank=True)
    panel_response = models.CharField(
        "the Panel's response",
        max_length=20,
        choices=PanelResponse.choices,
        default=PanelResponse.AWAITED,
    )
    panel_response_on = models.DateField("date of the Panel's response", null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"Rapid review {self.notification.reference}"

    activity_label = NumberedLabel("Rapid review")

    @property
    def learning_title(self) -> str:
        return f"Rapid review {self.notification.reference}"

    @property
    def due_on(self) -> date | None:
        notified = self.notification.notified_on
        if notified is None:
            return None
        return add_working_days(notified, settings.CASE_REVIEW_RAPID_REVIEW_WORKING_DAYS)

    def clean(self) -> None:
        errors = self._decision_errors()
        today = timezone.localdate()
        for name in ("meeting_on", "decided_on", "sent_to_panel_on", "panel_response_on"):
            value = getattr(self, name)
            if value and value > today:
                errors[name] = "The date cannot be in the future."
        if errors:
            raise ValidationError(errors)

    def _decision_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.decision != self.Decision.PENDING:
            if not self.decided_on:
                errors["decided_on"] = "Enter the date of the decision."
            if not self.decision_reasons.strip():
                errors["decision_reasons"] = "Enter the reasons for the decision."
        if self.sent_to_panel_on and self.decision == self.Decision.PENDING:
            errors["sent_to_panel_on"] = "Record the decision before sending it to the Panel."
        if self.panel_response != self.PanelResponse.AWAITED:
            if not self.sent_to_panel_on:
                errors["panel_response"] = "Record when the review was sent to the Panel first."
            if not self.panel_response_on:
                errors["panel_response_on"] = "Enter the date of the Panel's response."
        return errors


class AgencyRequest(BaseModel):
    """A rapid review's request to one agency for its chronology or information."""

    class Kind(models.TextChoices):
        CHRONOLOGY = "chronology", "Chronology"
        INFORMATION = "information", "Information"

    rapid_review = models.ForeignKey(
        RapidReview, on_delete=models.PROTECT, related_name="agency_requests"
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="case_review_requests"
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="agency contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_review_requests",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CHRONOLOGY)
    context = models.TextField(
        "what the panel would like to know",
        blank=True,
        help_text="The context for the agency: the period, the questions, what to include. "
        + NO_IDENTIFYING,
    )
    requested_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField("due date")
    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = EncryptedTextField(
        "the agency's chronology or information",
        blank=True,
        help_text="Case detail: kept encrypted and shown only to the review team and the agency.",
    )

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} request {self.pk}"

    activity_label = NumberedLabel("Agency request")


class AgencyRequestDocument(models.Model):
    """A file an agency attached to its answer (a chronology, usually): stored under a
    generated name, downloaded only by people who may see the request, every download logged."""

    request = models.ForeignKey(AgencyRequest, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to="case_reviews/requests/")
    file_kind = models.CharField(max_length=10)
    original_name = models.CharField("file name", max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["request", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def activity_label(self) -> str:
        return f"Document {self.pk} of agency request {self.request_id}"


class PracticeReview(ArchivableModel):
    """A practice review: a local CSPR, or an earlier SCR, a SAR or another learning review."""

    class Kind(models.TextChoices):
        CSPR = "cspr", "Local child safeguarding practice review"
        SCR = "scr", "Serious case review"
        SAR = "sar", "Safeguarding adults review"
        OTHER = "other", "Other learning review"

    class Status(models.TextChoices):
        COMMISSIONED = "commissioned", "Commissioned"
        IN_PROGRESS = "in_progress", "In progress"
        REPORT_RECEIVED = "report_received", "Report received"
        SIGNED_OFF = "signed_off", "Signed off by the Board"
        PUBLISHED = "published", "Published"
        NOT_PUBLISHED = "not_published", "Not published"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CSPR)
    title = models.CharField(
        max_length=120, help_text="The review's pseudonym, for example “Oliver”. " + NO_IDENTIFYING
    )
    rapid_review = models.ForeignKey(
        RapidReview,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practice_reviews",
    )
    area = models.ForeignKey(
        "partnership.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agencies: models.ManyToManyField[Agency, Any] = models.ManyToManyField(
        "partnership.Agency", related_name="practice_reviews", blank=True
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.COMMISSIONED)
    decided_on = models.DateField("date of the decision to hold the review")
    commissioned_on = models.DateField("date commissioned")
    reviewer = models.CharField(max_length=200, blank=True)
    methodology = models.CharField(max_length=200, blank=True)
    terms_of_reference = models.TextField(blank=True)
    summary = models.TextField("de-identified summary", blank=True, help_text=NO_IDENTIFYING)
    key_message = models.TextField(blank=True)
    target_on = models.DateField("target completion date")
    report_received_on = models.DateField(null=True, blank=True)
    signed_off_on = models.DateField("date signed off by the Board", null=True, blank=True)
    advance_copy_sent_on = models.DateField(
        "advance copy sent to the Panel and DfE", null=True, blank=True
    )
    published_on = models.DateField(null=True, blank=True)
    publication_url = models.URLField("link to the published report", blank=True)
    final_report = models.FileField(upload_to="case_reviews/reports/%Y/", blank=True)
    final_report_name = models.CharField("final report's file name", max_length=255, blank=True)
    final_report_for_publication = models.BooleanField(
        default=False,
        help_text="The final report was uploaded when the review was published, so it is the "
        "published (de-identified) version. A report uploaded at an earlier stage may identify "
        "the child and is never made public.",
    )
    not_published_reason = models.TextField("reason for not publishing", blank=True)

    class Meta:
        ordering = ["-commissioned_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def activity_label(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def learning_title(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_complete(self) -> bool:
        return self.signed_off_on is not None

    @property
    def advance_copy_short(self) -> bool:
        """Published without the advance copy reaching the Panel and DfE in time."""
        if self.published_on is None:
            return False
        if self.advance_copy_sent_on is None:
            return True
        days = working_days_between(self.advance_copy_sent_on, self.published_on)
        return days < int(settings.CASE_REVIEW_ADVANCE_COPY_WORKING_DAYS)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.decided_on and self.commissioned_on and self.commissioned_on < self.decided_on:
            errors["commissioned_on"] = "The review cannot be commissioned before the decision."
        if self.status == self.Status.PUBLISHED and not self.published_on:
            errors["published_on"] = "Enter the date the report was published."
        if self.status == self.Status.NOT_PUBLISHED and not self.not_published_reason.strip():
            errors["not_published_reason"] = "Enter the reason the report is not published."
        if self.status in (self.Status.SIGNED_OFF, self.Status.PUBLISHED) and not (
            self.signed_off_on
        ):
            errors["signed_off_on"] = "Enter the date the Board signed off the report."
        if errors:
            raise ValidationError(errors)


class TargetRevision(models.Model):
    """A revision of a review's target completion date, with the reason."""

    review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, related_name="target_revisions"
    )
    old_target_on = models.DateField()
    new_target_on = models.DateField()
    reason = models.TextField()
    revised_at = models.DateTimeField(default=timezone.now)
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["review", "revised_at", "id"]

    def __str__(self) -> str:
        return f"{self.old_target_on} → {self.new_target_on}"


class Milestone(models.Model):
    review = models.ForeignKey(PracticeReview, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["review", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveIntegerField()
    text = models.TextField("recommendation", help_text=NO_IDENTIFYING)

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="case_reviews_recommendation_number_once"
            )
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"


class Dissemination(models.Model):
    """A briefing, workshop or learning event sharing a review's learning."""

    class Kind(models.TextChoices):
        BRIEFING = "briefing", "7-minute briefing"
        WORKSHOP = "workshop", "Workshop"
        EVENT = "event", "Learning event"
        OTHER = "other", "Other"

    review = models.ForeignKey(
        PracticeReview, on_delete=models.CASCADE, related_name="disseminations"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("date")
    reach = models.PositiveIntegerField("number of people reached", default=0)

    class Meta:
        ordering = ["review", "held_on", "id"]

    def __str__(self) -> str:
        return self.title


class ReminderSent(models.Model):
    """One reminder e-mail sent for one deadline: `key` names the record, the deadline, its
    date and whether it was "due soon" or "missed", so a second run sends nothing again."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key
