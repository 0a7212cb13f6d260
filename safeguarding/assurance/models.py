"""Quality assurance records.

* Forms as data: a FormTemplate (audit tool, Section 11 standard set, survey questionnaire,
  commentary template) has numbered FormVersions made of FormSections and Questions. A version is
  frozen once it has a response (`frozen_at`); editing a frozen version makes the next version.
  Every Response keeps the version it answered.
* Multi-agency audits (Audit, AuditCase), Section 11 (Section11Cycle, Section11Return,
  Section11Score, Section11Reminder), single agency performance commentary
  (PerformanceCommentary), surveys (Survey), independent scrutiny (ScrutinyTheme,
  ScrutinyReport, ScrutinyAssessment) and professional differences (ProfessionalDifference).

No record here holds a child's name: audit cases carry a case reference only, and survey
responses carry no account, address or identifier at all.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from safeguarding.core.models import BaseModel, NumberedLabel, ReferenceModel
from safeguarding.core.years import ReportingYear

_USER = settings.AUTH_USER_MODEL


# --- forms as data ---------------------------------------------------------------------


class FormTemplate(BaseModel):
    class Purpose(models.TextChoices):
        AUDIT_TOOL = "audit_tool", "Audit tool"
        SECTION11 = "section11", "Section 11 standard set"
        SURVEY = "survey", "Survey questionnaire"
        COMMENTARY = "commentary", "Commentary template"

    name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    activity_label = NumberedLabel("Form")


class FormVersion(BaseModel):
    template = models.ForeignKey(FormTemplate, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    frozen_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the first response arrives: no more edits."
    )

    class Meta:
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="one_form_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.template.name} (version {self.number})"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def activity_label(self) -> str:
        return f"Form {self.template_id} version {self.number}"


class FormSection(BaseModel):
    form_version = models.ForeignKey(
        FormVersion, on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=200)
    help_text = models.TextField(blank=True)

    class Meta:
        ordering = ["form_version", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Question(BaseModel):
    class Kind(models.TextChoices):
        YES_NO_PARTLY = "yes_no_partly", "Yes, no or partly"
        RATING = "rating", "Rating scale"
        RAG = "rag", "Red, amber or green"
        NUMBER = "number", "Number"
        DATE = "date", "Date"
        CHOICE = "choice", "Choose one option"
        TEXT = "text", "Free text"
        EVIDENCE = "evidence", "Evidence upload"

    FIXED_OPTIONS: dict[str, list[str]] = {
        "yes_no_partly": ["Yes", "No", "Partly"],
        "rag": ["Red", "Amber", "Green"],
    }

    section = models.ForeignKey(FormSection, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(default=1)
    key = models.SlugField(
        max_length=60,
        help_text="A short name that stays the same across versions (results and carry-forward "
        "match questions by it).",
    )
    text = models.CharField(max_length=500)
    help_text = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    required = models.BooleanField(default=True)
    choices = models.JSONField(
        default=list, blank=True, help_text="Options, or the labels of a rating scale, in order."
    )
    report_label = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a key finding: the words after the percentage answering the first "
        "option, for example 'felt confident in reporting child sexual abuse'.",
    )

    class Meta:
        ordering = ["section__order", "order", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def options(self) -> list[str]:
        if self.kind in self.FIXED_OPTIONS:
            return list(self.FIXED_OPTIONS[self.kind])
        return [str(c) for c in self.choices or []]

    @property
    def has_options(self) -> bool:
        return self.kind in {
            self.Kind.YES_NO_PARTLY,
            self.Kind.RATING,
            self.Kind.RAG,
            self.Kind.CHOICE,
        }

    def clean(self) -> None:
        if self.kind in {self.Kind.RATING, self.Kind.CHOICE} and len(self.choices or []) < 2:
            raise ValidationError({"choices": "Give at least two options, one a line."})


class Response(models.Model):
    """One completed form. Survey responses are anonymous: this row has no account, address or
    identifier, and neither has its activity event. It keeps only the day it was given (no
    time stamp that could be matched against a web server's access log), so it does not use
    BaseModel; a response is never edited."""

    form_version = models.ForeignKey(
        FormVersion, on_delete=models.PROTECT, related_name="responses"
    )
    survey = models.ForeignKey(
        "Survey", null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    submitted_on = models.DateField()
    received_hour = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Survey answers only: the clock hour the answer arrived (minutes and seconds "
        "are not kept), to spot bursts of answers.",
    )
    exclusion = models.ForeignKey(
        "ResponseExclusion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
        help_text="Set when the answer was left out of every figure (kept, not counted).",
    )

    class Meta:
        ordering = ["submitted_on", "id"]

    def __str__(self) -> str:
        return f"Response {self.pk}"

    activity_label = NumberedLabel("Form response")


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.TextField(blank=True)
    evidence = models.FileField(upload_to="assurance/evidence/%Y/", blank=True)

    class Meta:
        ordering = ["response", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


# --- surveys ---------------------------------------------------------------------------


class Survey(BaseModel):
    class Audience(models.TextChoices):
        CHILDREN = "children", "Children and young people"
        PARENTS = "parents", "Parents and carers"
        PROFESSIONALS = "professionals", "Professionals"

    title = models.CharField(max_length=200)
    topic = models.CharField(
        max_length=200, blank=True, help_text="For example: child sexual abuse"
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    form = models.ForeignKey(FormTemplate, on_delete=models.PROTECT, related_name="surveys")
    intro = models.TextField(
        blank=True, help_text="Shown at the top of the survey. Use short, simple words."
    )
    opens_on = models.DateField()
    closes_on = models.DateField()
    is_sensitive = models.BooleanField(
        "sensitive subject",
        default=True,
        help_text="Shows an 'Exit this page' button so someone can leave quickly.",
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    section11_cycle = models.ForeignKey(
        "Section11Cycle", null=True, blank=True, on_delete=models.PROTECT, related_name="surveys"
    )
    created_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    invited_only = models.BooleanField(
        "only people with a single-use link can answer",
        default=False,
        help_text="Issue single-use links to each invited group; each link answers once.",
    )

    class Meta:
        ordering = ["-opens_on", "title"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Survey")

    def is_open_on(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "The closing date must be on or after opening."})


class SurveyLink(BaseModel):
    """A single-use link issued to an invited group (for example one class). It records only
    the group and whether it has been used: nothing about the person, and no link to their
    answer."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="links")
    group = models.CharField("invited group", max_length=200)
    token = models.CharField(max_length=64, unique=True, editable=False)
    is_used = models.BooleanField(default=False)

    class Meta:
        ordering = ["survey", "group", "id"]

    def __str__(self) -> str:
        return f"{self.survey} link for {self.group}"

    @property
    def activity_label(self) -> str:
        return f"Survey {self.survey_id} link {self.pk}"


class ResponseExclusion(BaseModel):
    """A burst of survey answers left out of every figure and export: the answers are kept,
    with who excluded them and why."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="exclusions")
    hour = models.DateTimeField("the hour excluded")
    reason = models.TextField()
    excluded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["survey", "hour"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "hour"], name="one_exclusion_per_hour")
        ]

    def __str__(self) -> str:
        return f"{self.survey}: answers of {self.hour:%Y-%m-%d %H}:00 excluded"

    @property
    def activity_label(self) -> str:
        return f"Survey {self.survey_id} exclusion {self.pk}"


# --- multi-agency audits ---------------------------------------------------------------

case_reference_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9/\-]{1,29}$",
    "Enter a case reference (letters, numbers, hyphens or slashes), never a name.",
)


class Audit(BaseModel):
    class Kind(models.TextChoices):
        MULTI_AGENCY = "multi_agency", "Multi-agency audit"
        SINGLE_AGENCY = "single_agency", "Single agency audit"
        DIP_SAMPLE = "dip_sample", "Dip sample"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        MODERATED = "moderated", "Moderated"
        COMPLETE = "complete", "Complete"

    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    priority = models.ForeignKey(
        "partnership.Priority", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tool = models.ForeignKey(FormTemplate, on_delete=models.PROTECT, related_name="audits")
    agencies = models.ManyToManyField("partnership.Agency", related_name="assurance_audits")
    planned_for = models.DateField(help_text="The month the audit is planned for.")
    moderation_on = models.DateField("moderation meeting", null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    findings_summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-planned_for", "title"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Audit")

    @property
    def programme_year(self) -> str:
        """The reporting year of the audit programme it belongs to, e.g. "2020-21"."""
        return ReportingYear.containing(self.planned_for).label

    # State rules: which steps the audit's status allows (pages offer only these; the
    # services refuse the others).
    @property
    def takes_cases(self) -> bool:
        """Cases are added and audited until moderation."""
        return self.status in {self.Status.PLANNED, self.Status.IN_PROGRESS}

    @property
    def can_be_moderated(self) -> bool:
        """Once a case is audited, until the audit is complete (moderation may be corrected)."""
        return self.status in {self.Status.IN_PROGRESS, self.Status.MODERATED}

    @property
    def takes_findings(self) -> bool:
        return self.status != self.Status.COMPLETE

    @property
    def can_be_completed(self) -> bool:
        return self.status == self.Status.MODERATED


class Grade(models.TextChoices):
    RED = "red", "Red: inadequate"
    AMBER = "amber", "Amber: requires improvement"
    GREEN = "green", "Green: good"


class AuditCase(BaseModel):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    case_reference = models.CharField(
        max_length=30,
        validators=[case_reference_validator],
        help_text="The case reference only. Never a name.",
    )
    agency = models.ForeignKey("partnership.Agency", on_delete=models.PROTECT, related_name="+")
    auditor = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = models.OneToOneField(
        Response, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_case"
    )
    auditor_grade = models.CharField(max_length=10, choices=Grade.choices, blank=True)
    agreed_grade = models.CharField(max_length=10, choices=Grade.choices, blank=True)
    moderation_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["audit", "case_reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "case_reference", "agency"], name="one_audit_case_per_agency"
            )
        ]

    @property
    def activity_label(self) -> str:
        return f"Audit {self.audit_id} case {self.pk}"


# --- Section 11 ------------------------------------------------------------------------


class Section11Cycle(BaseModel):
    name = models.CharField(max_length=200)
    year_label = models.CharField("reporting year", max_length=7, help_text="For example 2020-21")
    opens_on = models.DateField()
    deadline = models.DateField()
    standard_set = models.ForeignKey(
        FormVersion, on_delete=models.PROTECT, related_name="section11_cycles"
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return self.name

    activity_label = NumberedLabel("Section 11 cycle", by="year_label")

    @property
    def reporting_year(self) -> ReportingYear:
        return ReportingYear.parse(self.year_label)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        try:
            ReportingYear.parse(self.year_label or "")
        except ValueError as exc:
            errors["year_label"] = str(exc)
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            errors["deadline"] = "The deadline must be on or after the opening date."
        if errors:
            raise ValidationError(errors)


class Score(models.IntegerChoices):
    NOT_MET = 0, "0: not met"
    PARTLY_MET = 1, "1: partly met"
    MOSTLY_MET = 2, "2: mostly met"
    FULLY_MET = 3, "3: fully met"


class Section11Return(BaseModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Not yet submitted"
        SUBMITTED = "submitted", "Submitted"
        MODERATED = "moderated", "Moderated"

    cycle = models.ForeignKey(Section11Cycle, on_delete=models.PROTECT, related_name="returns")
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="section11_returns"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    challenge_on = models.DateField("challenge session date", null=True, blank=True)
    challenge_attendees = models.TextField(blank=True, help_text="Roles and agencies present.")
    challenge_notes = models.TextField(blank=True)
    feedback = models.TextField(blank=True)

    class Meta:
        ordering = ["cycle", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "agency"], name="one_section11_return")
        ]

    activity_label = NumberedLabel("Section 11 return")


class Section11Score(BaseModel):
    section11_return = models.ForeignKey(
        Section11Return, on_delete=models.CASCADE, related_name="scores"
    )
    standard = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    self_score = models.PositiveSmallIntegerField(choices=Score.choices, null=True, blank=True)
    evidence = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    areas_for_improvement = models.TextField(blank=True)
    moderated_score = models.PositiveSmallIntegerField(
        choices=Score.choices, null=True, blank=True
    )
    moderation_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["section11_return", "standard__section__order", "standard__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["section11_return", "standard"], name="one_section11_score"
            )
        ]

    @property
    def final_score(self) -> int | None:
        return self.moderated_score if self.moderated_score is not None else self.self_score


class Section11Reminder(models.Model):
    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Deadline coming up"
        OVERDUE = "overdue", "Deadline passed"

    section11_return = models.ForeignKey(
        Section11Return, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_on = models.DateField()
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["section11_return", "kind"], name="one_section11_reminder_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder {self.pk}"


# --- single agency performance commentary ----------------------------------------------


class PerformanceCommentary(BaseModel):
    class Half(models.TextChoices):
        FIRST = "first", "April to September"
        SECOND = "second", "October to March"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        REVIEWED = "reviewed", "Reviewed by QEG"

    priority = models.ForeignKey(
        "partnership.Priority", on_delete=models.PROTECT, related_name="commentaries"
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="commentaries"
    )
    year_label = models.CharField("reporting year", max_length=7)
    half = models.CharField(max_length=10, choices=Half.choices)
    worked_well = models.TextField("what has worked well")
    areas_for_improvement = models.TextField()
    agency_actions = models.TextField("what the agency has done")
    multi_agency_support = models.TextField("where multi-agency support is needed", blank=True)
    escalation = models.TextField("issues to escalate to the Executive Board", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_on = models.DateField()
    qeg_comments = models.TextField("QEG comments", blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    board_response = models.TextField("Executive Board response", blank=True)
    board_responded_on = models.DateField(null=True, blank=True)
    extra_response = models.OneToOneField(
        Response,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commentary",
        help_text="Answers to the partnership's commentary template, when it has one.",
    )

    class Meta:
        ordering = ["-year_label", "half", "priority__number", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "agency", "year_label", "half"], name="one_commentary"
            )
        ]

    activity_label = NumberedLabel("Performance commentary")

    @property
    def escalation_open(self) -> bool:
        return bool(self.escalation.strip()) and self.board_responded_on is None


# --- independent scrutiny and professional differences ---------------------------------


class ScrutinyTheme(ReferenceModel):
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ScrutinyReport(BaseModel):
    title = models.CharField(max_length=200)
    board_meeting_on = models.DateField("Executive Board meeting")
    summary = models.TextField()

    class Meta:
        ordering = ["-board_meeting_on"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("Scrutiny report")


class ScrutinyAssessment(BaseModel):
    class Judgement(models.TextChoices):
        STRONG = "strong", "Strong assurance"
        REASONABLE = "reasonable", "Reasonable assurance"
        LIMITED = "limited", "Limited assurance"
        NONE = "none", "No assurance"

    theme = models.ForeignKey(ScrutinyTheme, on_delete=models.PROTECT, related_name="assessments")
    report = models.ForeignKey(
        ScrutinyReport, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments"
    )
    assessed_on = models.DateField()
    evidence_reviewed = models.TextField()
    judgement = models.CharField(max_length=20, choices=Judgement.choices)
    recommendations = models.TextField(blank=True)

    class Meta:
        ordering = ["-assessed_on", "theme__number"]

    activity_label = NumberedLabel("Scrutiny assessment")


class ProfessionalDifference(BaseModel):
    class Stage(models.TextChoices):
        STAGE_1 = "1", "Stage 1: between practitioners"
        STAGE_2 = "2", "Stage 2: between line managers"
        STAGE_3 = "3", "Stage 3: between senior managers"
        STAGE_4 = "4", "Stage 4: safeguarding partnership"

    raised_by_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="+"
    )
    with_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(max_length=2, choices=Stage.choices, default=Stage.STAGE_1)
    issue = models.TextField(help_text="What the professionals disagree about. No names.")
    raised_on = models.DateField()
    resolved_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_on"]

    activity_label = NumberedLabel("Professional difference")

    @property
    def days_to_resolve(self) -> int | None:
        if self.resolved_on is None:
            return None
        return (self.resolved_on - self.raised_on).days

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.raised_by_agency_id and self.raised_by_agency_id == self.with_agency_id:
            errors["with_agency"] = "Choose a different agency from the one raising it."
        if self.resolved_on and self.raised_on and self.resolved_on < self.raised_on:
            errors["resolved_on"] = "The resolution date must be on or after the date raised."
        if errors:
            raise ValidationError(errors)
