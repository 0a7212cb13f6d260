"""Multi-agency training: courses and sessions, bookings and waiting lists, attendance,
evaluations, certificates, impact surveys, virtual briefings, single-agency course validation and
the annual training needs survey."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from safeguarding.core.fields import EncryptedTextField
from safeguarding.core.models import BaseModel, NumberedLabel


class Course(BaseModel):
    """A course in the partnership's catalogue. Its dates are TrainingSessions."""

    class Format(models.TextChoices):
        FACE_TO_FACE = "face_to_face", "Face to face"
        LIVE_WEBINAR = "live_webinar", "Live webinar"
        RECORDED_WEBINAR = "recorded_webinar", "Recorded webinar"
        VIRTUAL_BRIEFING = "virtual_briefing", "Virtual briefing"

    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", "Introductory (level 1)"
        CORE = "core", "Core (level 2)"
        ADVANCED = "advanced", "Advanced (level 3)"

    title = models.CharField(max_length=200, unique=True)
    summary = models.TextField()
    audience = models.CharField(max_length=300)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.CORE)
    format = models.CharField(max_length=20, choices=Format.choices)
    priority = models.ForeignKey(
        "partnership.Priority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
    )
    requires_manager_approval = models.BooleanField("line manager approval needed", default=False)
    evaluation_questions = models.JSONField(
        default=list,
        blank=True,
        help_text="Extra questions asked on the evaluation form, one text per question.",
    )
    is_published = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def activity_label(self) -> str:
        return f"Course: {self.title}"[:255]


class TrainingSession(BaseModel):
    """One date of a course: when, where (or the joining link), who trains, how many places."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled by the partnership"

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField(default=90)
    venue = models.CharField(max_length=300, blank=True)
    joining_link = models.URLField(
        blank=True, help_text="Shown only to people with a confirmed place."
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions_led",
    )
    trainer_name = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    cancelled_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.course.title}, {local.day} {local:%B %Y}"

    @property
    def activity_label(self) -> str:
        return f"Training session {self.pk} ({self.starts_at:%Y-%m-%d})"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def state_label(self) -> str:
        """Cancelled, Held or Scheduled. A session not cancelled counts as held from its start
        time (when its register opens: a register can only be marked from then), so the state
        is worked out, never stored, and no scheduled job has to move it."""
        if self.is_cancelled:
            return "Cancelled"
        return "Held" if self.has_started else "Scheduled"


class TrainingBooking(BaseModel):
    """A person's place, waiting-list entry or offer on a session.

    `learner` is empty only for attendance recorded from paper registers before the platform
    (the demo's 2020-21 webinars): those rows count attendance, they identify nobody."""

    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending_approval", "Waiting for line manager approval"
        CONFIRMED = "confirmed", "Booked"
        WAITLISTED = "waitlisted", "On the waiting list"
        OFFERED = "offered", "Place offered"
        OFFER_EXPIRED = "offer_expired", "Offer not taken up"
        LEFT_WAITLIST = "left_waitlist", "Left the waiting list"
        CANCELLED = "cancelled", "Cancelled"
        REFUSED = "refused", "Not approved"

    class Attendance(models.TextChoices):
        NOT_RECORDED = "", "Not recorded"
        ATTENDED = "attended", "Attended"
        NO_SHOW = "no_show", "Did not attend"
        LATE_CANCELLATION = "late_cancellation", "Cancelled late"

    # Statuses that hold one of the session's places.
    HOLDS_PLACE = (Status.PENDING_APPROVAL, Status.CONFIRMED, Status.OFFERED)
    NON_ATTENDANCE = (Attendance.NO_SHOW, Attendance.LATE_CANCELLATION)

    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="bookings")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_bookings",
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="training_bookings"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    attendance = models.CharField(
        max_length=20, choices=Attendance.choices, blank=True, default=Attendance.NOT_RECORDED
    )
    charge_pence = models.PositiveIntegerField(default=0)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reminders_sent = models.JSONField(default=list, blank=True)
    impact_survey_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "created_at", "id"]
        constraints = [
            # One live booking per person per session; cancelled and ended rows stay as
            # history (a late cancellation keeps its charge even if the person books again).
            models.UniqueConstraint(
                fields=["session", "learner"],
                condition=models.Q(
                    learner__isnull=False,
                    status__in=["pending_approval", "confirmed", "waitlisted", "offered"],
                ),
                name="training_one_live_booking_per_learner_per_session",
            )
        ]
        indexes = [models.Index(fields=["status", "offer_expires_at"])]

    def __str__(self) -> str:
        return f"Booking {self.pk}"

    @property
    def activity_label(self) -> str:
        return f"Training booking {self.pk} (session {self.session_id})"

    @property
    def outcome_label(self) -> str:
        """What happened: once the register is marked, its outcome (Attended, Did not attend,
        Cancelled late) replaces the booking's status ("Booked")."""
        if self.attendance:
            return self.get_attendance_display()
        return self.get_status_display()

    @property
    def charge_pounds(self) -> str:
        return f"£{self.charge_pence / 100:,.2f}"


class Evaluation(BaseModel):
    """A learner's evaluation of a session they attended (Kirkpatrick level 1: reaction)."""

    booking = models.OneToOneField(
        TrainingBooking, on_delete=models.PROTECT, related_name="evaluation"
    )
    met_needs = models.BooleanField("the training met my needs")
    delivery_right = models.BooleanField("the delivery was right for me")
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    # Free text may mention a case despite the warning on the form: encrypted at rest.
    comments = EncryptedTextField(blank=True)
    answers = models.JSONField(default=dict, blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at"]

    activity_label = NumberedLabel("Training evaluation")


class BriefingCompletion(BaseModel):
    """A signed-in person completed a virtual briefing (and answered its check questions)."""

    briefing = models.ForeignKey(
        "training.Briefing", on_delete=models.PROTECT, related_name="completions"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="briefing_completions"
    )
    completed_at = models.DateTimeField()
    answers = models.JSONField(default=dict, blank=True)
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    feedback = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["briefing", "learner"], name="training_one_completion_per_briefing"
            )
        ]

    activity_label = NumberedLabel("Briefing completion")


class Certificate(BaseModel):
    """A certificate of attendance (a session) or completion (a briefing). Anyone holding the
    verification code can confirm it is genuine; revoked certificates no longer verify."""

    booking = models.OneToOneField(
        TrainingBooking,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    briefing_completion = models.OneToOneField(
        BriefingCompletion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_certificates"
    )
    code = models.CharField(max_length=32, unique=True)
    title = models.CharField(max_length=300)
    completed_on = models.DateField()
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(booking__isnull=False, briefing_completion__isnull=True)
                    | models.Q(booking__isnull=True, briefing_completion__isnull=False)
                ),
                name="training_certificate_for_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"Certificate {self.code}"

    activity_label = NumberedLabel("Training certificate")

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class ImpactResponse(BaseModel):
    """The follow-up survey some months after a course: has practice changed? (Kirkpatrick
    level 3: behaviour). Feeds the annual training impact report."""

    booking = models.OneToOneField(
        TrainingBooking, on_delete=models.PROTECT, related_name="impact_response"
    )
    practice_changed = models.BooleanField()
    # Examples of practice may mention a case despite the warning on the form: encrypted.
    how = EncryptedTextField(blank=True)
    examples = EncryptedTextField(blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at"]

    activity_label = NumberedLabel("Training impact response")


class Briefing(BaseModel):
    """A virtual briefing (locally, a "Sway"): a presentation with audio on each slide, about
    twenty minutes, available at any time."""

    title = models.CharField(max_length=200, unique=True)
    summary = models.TextField()
    content_url = models.URLField("link to the briefing")
    embed_url = models.URLField("embedded presentation address", blank=True)
    audio_url = models.URLField("audio address", blank=True)
    duration_minutes = models.PositiveIntegerField(default=20)
    is_public = models.BooleanField(
        default=True, help_text="Public briefings can be viewed without signing in."
    )
    published_on = models.DateField()
    check_questions = models.JSONField(
        default=list,
        blank=True,
        help_text='Short questions: [{"question": ..., "options": [...], "answer": ...}]',
    )
    priority = models.ForeignKey(
        "partnership.Priority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="briefings",
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def activity_label(self) -> str:
        return f"Briefing: {self.title}"[:255]


class BriefingDailyViews(models.Model):
    """How many times a briefing was opened on a day (signed in or not): one row per day."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["briefing", "day"]
        verbose_name_plural = "briefing daily views"
        constraints = [
            models.UniqueConstraint(fields=["briefing", "day"], name="training_views_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.views} views on {self.day}"


class CourseValidation(BaseModel):
    """A single-agency course an agency asks the partnership to validate."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        VALIDATED = "validated", "Validated"

    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="course_validations"
    )
    title = models.CharField(max_length=200)
    content_outline = models.TextField()
    materials = models.TextField(help_text="What the course uses: slides, handouts, links.")
    trainer = models.CharField(max_length=200)
    audience = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_on = models.DateField()
    checklist = models.JSONField(default=dict, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewer_notes = models.TextField(blank=True)
    validated_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_on", "title"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Course validation")

    def clean(self) -> None:
        if self.status == self.Status.VALIDATED and not (self.validated_on and self.expires_on):
            raise ValidationError({"expires_on": "Enter when the validation expires."})
        if self.validated_on and self.expires_on and self.expires_on <= self.validated_on:
            raise ValidationError({"expires_on": "The expiry date must be after validation."})


class TrainingNeedsSurvey(BaseModel):
    """The annual training needs survey sent to agencies."""

    year_label = models.CharField(max_length=7, unique=True, help_text="For example, 2020-21")
    opens_on = models.DateField()
    closes_on = models.DateField()

    class Meta:
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return f"Training needs survey {self.year_label}"

    @property
    def activity_label(self) -> str:
        return str(self)


class TrainingNeedsResponse(BaseModel):
    """One agency's answer: the safeguarding training it runs and its gaps per priority."""

    survey = models.ForeignKey(
        TrainingNeedsSurvey, on_delete=models.PROTECT, related_name="responses"
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="training_needs"
    )
    training_offered = models.TextField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["survey", "agency"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "agency"], name="training_one_needs_response_per_agency"
            )
        ]

    activity_label = NumberedLabel("Training needs response")


class TrainingNeedsGap(models.Model):
    """A gap an agency sees in its training against one of the Board's priorities."""

    response = models.ForeignKey(
        TrainingNeedsResponse, on_delete=models.CASCADE, related_name="gaps"
    )
    priority = models.ForeignKey(
        "partnership.Priority", on_delete=models.PROTECT, related_name="training_gaps"
    )
    covered = models.BooleanField("the agency's training covers this priority")
    gap = models.TextField(blank=True)

    class Meta:
        ordering = ["priority__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "priority"], name="training_one_gap_per_priority"
            )
        ]

    def __str__(self) -> str:
        return f"Gap against priority {self.priority_id}"
