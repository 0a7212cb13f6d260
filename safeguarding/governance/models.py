"""The arrangements (appointments, member agencies, the published document, funding), meetings
of every group, and the priorities plan with its evidence and progress.

Rules that span rows (no overlapping appointments to one seat, attendance only once a meeting
has started) live in services.py, which checks them under a row lock.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from safeguarding.core import uploads
from safeguarding.core.models import BaseModel, NumberedLabel
from safeguarding.core.years import ReportingYear

# --- the arrangements ----------------------------------------------------------------


class Appointment(BaseModel):
    """A person holding a role in the arrangements from one date to another (open while held).

    Working Together 2018 named three safeguarding partners; Working Together 2023 names a lead
    safeguarding partner for each of the three (the local authority's chief executive, the chief
    constable, the ICB's chief executive), each of whom names a delegated safeguarding partner.
    One seat (the role, and for the partner roles the agency) has one holder at a time."""

    class Role(models.TextChoices):
        SAFEGUARDING_PARTNER = (
            "safeguarding_partner",
            "Safeguarding partner (Working Together 2018)",
        )
        LEAD_PARTNER = "lead_partner", "Lead safeguarding partner"
        DELEGATED_PARTNER = "delegated_partner", "Delegated safeguarding partner"
        CHAIR = "chair", "Partnership chair"
        SCRUTINEER = "scrutineer", "Independent scrutineer"

    PER_AGENCY_ROLES = frozenset(
        {Role.SAFEGUARDING_PARTNER, Role.LEAD_PARTNER, Role.DELEGATED_PARTNER}
    )

    role = models.CharField(max_length=30, choices=Role.choices)
    holder_name = models.CharField("name", max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appointments",
        help_text="Their account on this service, if they have one.",
    )
    agency = models.ForeignKey(
        "partnership.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    started_on = models.DateField("from")
    ended_on = models.DateField("to", null=True, blank=True)

    class Meta:
        ordering = ["role", "agency__name", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="appointment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} ({self.get_role_display()})"

    activity_label = NumberedLabel("Appointment")

    def clean(self) -> None:
        if self.role in self.PER_AGENCY_ROLES and self.agency_id is None:
            raise ValidationError({"agency": "Choose the statutory partner this role is for."})
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The end date must be on or after the start date."})

    def overlaps(self, start: date, end: date | None) -> bool:
        mine_end = self.ended_on or date.max
        other_end = end or date.max
        return self.started_on <= other_end and start <= mine_end


class ArrangementsMember(BaseModel):
    """An agency named in the arrangements: a relevant agency, or (Children's Wellbeing and
    Schools Act 2026) a designated education or childcare agency, with the date it joined."""

    class Kind(models.TextChoices):
        RELEVANT = "relevant", "Relevant agency"
        EDUCATION = "education", "Designated education or childcare agency"

    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="arrangements_memberships"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "joined_on"], name="unique_arrangements_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} ({self.get_kind_display()})"

    activity_label = NumberedLabel("Arrangements member")


def arrangements_upload_to(instance: models.Model, filename: str) -> str:
    return f"governance/arrangements/{uploads.generated_name(uploads.PDF)}"


class ArrangementsDocument(BaseModel):
    """A version of the published safeguarding arrangements. It is published once the three lead
    partners have signed it off; the public page shows the latest published version."""

    version_label = models.CharField("version", max_length=40, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    file = models.FileField(upload_to=arrangements_upload_to, blank=True, max_length=200)
    agreed_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField("review due")

    class Meta:
        ordering = ["-published_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version_label})"

    activity_label = NumberedLabel("Arrangements version", by="version_label")


class ArrangementsSignOff(models.Model):
    """One lead safeguarding partner's agreement to a version of the arrangements."""

    document = models.ForeignKey(
        ArrangementsDocument, on_delete=models.PROTECT, related_name="sign_offs"
    )
    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="+")
    signed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["signed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "appointment"], name="one_sign_off_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"Sign-off of {self.document_id} by {self.appointment}"


class FundingContribution(BaseModel):
    """One agency's contribution to the shared budget for a reporting year."""

    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="contributions"
    )
    year_start = models.PositiveSmallIntegerField(
        "reporting year", help_text="The year the reporting year starts: 2020 for 2020-21."
    )
    agreed = models.DecimalField(max_digits=12, decimal_places=2)
    received = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))

    class Meta:
        ordering = ["-year_start", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year_start"], name="one_contribution_per_agency_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"

    activity_label = NumberedLabel("Contribution")

    @property
    def year(self) -> ReportingYear:
        return ReportingYear(self.year_start)


class BudgetLine(BaseModel):
    """A line of spending from the shared budget in a reporting year."""

    class Category(models.TextChoices):
        BUSINESS_UNIT = "business_unit", "Business unit"
        SCRUTINY = "scrutiny", "Independent scrutiny"
        REVIEWS = "reviews", "Case reviews"
        TRAINING = "training", "Training"
        CHILD_DEATHS = "child_deaths", "Child death reviews"
        OTHER = "other", "Other"

    year_start = models.PositiveSmallIntegerField("reporting year")
    category = models.CharField(max_length=20, choices=Category.choices)
    description = models.CharField(max_length=300, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["-year_start", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["year_start", "category"], name="one_budget_line_per_category_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.year_start}"

    activity_label = NumberedLabel("Budget line")


# --- meetings ------------------------------------------------------------------------


class GroupPapersPolicy(BaseModel):
    """How a group's papers are handled: restricted groups (case review, CDOP) show their papers
    to the group's members only; papers go out a set number of working days before."""

    group = models.OneToOneField(
        "partnership.Group", on_delete=models.CASCADE, related_name="papers_policy"
    )
    restricted = models.BooleanField(
        default=False, help_text="Papers are seen by the group's members only."
    )
    papers_working_days = models.PositiveSmallIntegerField(
        "papers go out (working days before)",
        default=5,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )

    def __str__(self) -> str:
        return f"Papers policy of {self.group}"

    activity_label = NumberedLabel("Papers policy")


class Meeting(BaseModel):
    """A meeting of a group."""

    group = models.ForeignKey(
        "partnership.Group", on_delete=models.PROTECT, related_name="meetings"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField("place", max_length=300, blank=True)
    online_link = models.URLField("online meeting link", blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_meetings",
    )
    papers_due_on = models.DateField("papers due to members by")
    papers_published_at = models.DateTimeField(null=True, blank=True)
    invitations_sent_at = models.DateTimeField(null=True, blank=True)
    minutes = models.TextField(blank=True)
    cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} {timezone.localtime(self.starts_at):%d %B %Y}"

    activity_label = NumberedLabel("Meeting")

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    def papers_late_on(self, day: date) -> bool:
        """Papers are late when they are not out by the due date and the meeting is still to
        come."""
        return (
            not self.cancelled
            and self.papers_published_at is None
            and self.papers_due_on < day
            and timezone.localtime(self.starts_at).date() >= day
        )


class AgendaItem(BaseModel):
    class Purpose(models.TextChoices):
        DECISION = "decision", "Decision"
        DISCUSSION = "discussion", "Discussion"
        INFORMATION = "information", "Information"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agenda_items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_agency = models.ForeignKey(
        "partnership.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(max_length=20, choices=Purpose.choices)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_agenda_item_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    activity_label = NumberedLabel("Agenda item")


def paper_upload_to(instance: Paper, filename: str) -> str:
    """A random stored name: the original name is kept in original_name, never in the path."""
    return f"governance/papers/{uploads.generated_name(instance.file_kind)}"


class Paper(models.Model):
    """A paper for a meeting (checked by its content, stored under a generated name)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="papers")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="papers"
    )
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=paper_upload_to, max_length=200)
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agenda_item__number", "uploaded_at"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Paper")

    @property
    def extension(self) -> str:
        return f".{self.kind}" if self.kind else ""

    @property
    def file_kind(self) -> uploads.FileKind:
        """The shared file kind (core.uploads) of the paper's `kind`, for storing and serving."""
        return next((k for k in uploads.DOCUMENTS if k.key == self.kind), uploads.PDF)


class Attendance(models.Model):
    """Who came to a meeting, for a seat on the group (a person, or an agency's seat)."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        DEPUTY = "deputy", "Deputy sent"
        ABSENT = "absent", "Absent"

    ATTENDED = frozenset({Status.PRESENT, Status.DEPUTY})

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendances")
    membership = models.ForeignKey(
        "partnership.GroupMembership", on_delete=models.PROTECT, related_name="attendances"
    )
    agency = models.ForeignKey(
        "partnership.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    deputy_name = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "membership_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="one_attendance_per_seat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.membership} at meeting {self.meeting_id}: {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        return self.status in self.ATTENDED


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField("decision")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_decision_number")
        ]

    def __str__(self) -> str:
        return f"Decision {self.number}"

    activity_label = NumberedLabel("Decision")


class MeetingAction(models.Model):
    """An action agreed at a meeting (the action lives in the group's action plan, in
    `actions`); it is followed up on the group's next agenda until it is complete."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="meeting_actions")
    action = models.OneToOneField(
        "actions.Action", on_delete=models.PROTECT, related_name="meeting_link"
    )

    class Meta:
        ordering = ["meeting", "action__number"]

    def __str__(self) -> str:
        return f"Action {self.action_id} from meeting {self.meeting_id}"


class Escalation(models.Model):
    """A matter a meeting escalates to a higher group: it arrives on that group's next agenda."""

    from_meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="escalations")
    to_group = models.ForeignKey(
        "partnership.Group", on_delete=models.PROTECT, related_name="escalations_received"
    )
    summary = models.TextField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    agenda_item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="escalation"
    )
    outcome_group = models.ForeignKey(
        "partnership.Group",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A group set up in response (e.g. a task and finish group).",
    )

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return f"Escalation {self.pk} to {self.to_group}"

    activity_label = NumberedLabel("Escalation")


# --- priorities ----------------------------------------------------------------------


class PriorityPlan(BaseModel):
    """The plan for a partnership priority: what it is, what we will do, how, and what success
    looks like (what we will do and what success looks like are kept on the priority itself)."""

    priority = models.OneToOneField(
        "partnership.Priority", on_delete=models.CASCADE, related_name="plan"
    )
    what_it_is = models.TextField("what the priority is")
    how = models.TextField("how we will do it")

    def __str__(self) -> str:
        return f"Plan for {self.priority}"

    activity_label = NumberedLabel("Priority plan")


class PriorityProgress(models.Model):
    """A quarter's progress on a priority (RAG with a short narrative), by its lead group."""

    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    TAG_CLASS = {
        "red": "govuk-tag--red",
        "amber": "govuk-tag--orange",
        "green": "govuk-tag--green",
    }

    priority = models.ForeignKey(
        "partnership.Priority", on_delete=models.PROTECT, related_name="progress_updates"
    )
    year_start = models.PositiveSmallIntegerField("reporting year")
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    rag = models.CharField("RAG", max_length=10, choices=Rag.choices)
    narrative = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["priority", "-year_start", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "year_start", "quarter"], name="one_progress_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.priority} {ReportingYear(self.year_start)} Q{self.quarter}"

    activity_label = NumberedLabel("Priority progress")

    @property
    def tag_class(self) -> str:
        return self.TAG_CLASS[self.rag]


class EvidenceLink(models.Model):
    """A record from any module linked to a priority as evidence of work on it."""

    priority = models.ForeignKey(
        "partnership.Priority", on_delete=models.PROTECT, related_name="evidence_links"
    )
    record_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    record_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("record_type", "record_id")
    note = models.CharField(max_length=300, blank=True)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["record_type", "record_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "record_type", "record_id"], name="one_link_per_record"
            )
        ]

    def __str__(self) -> str:
        return f"Evidence {self.pk} for priority {self.priority_id}"

    activity_label = NumberedLabel("Evidence link")


class GovernanceReminder(models.Model):
    """A reminder sent (papers late, arrangements review due): one per subject per due date, so
    the reminder command is safe to run twice."""

    class Kind(models.TextChoices):
        PAPERS_LATE = "papers_late", "Papers late"
        REVIEW_DUE = "review_due", "Review of the arrangements due"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    subject_id = models.PositiveBigIntegerField()
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id", "due_on"], name="one_governance_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_id}"
