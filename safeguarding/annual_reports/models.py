"""The yearly report as a record: an edition per reporting year, its sections (ordered,
renamable, hideable, each with a narrative block and optionally a module's computed section),
the lead safeguarding partners' sign-offs and the immutable published versions.

Workflow: draft -> in review -> signed off -> published (services.py). A correction reopens a
published edition as a draft of its next version; each version is a frozen row that is never
updated (a database trigger refuses it, see the migration).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from safeguarding.core.models import BaseModel, NumberedLabel

# The three lead safeguarding partners under Working Together 2023: the statutory roles of
# partnership.Agency. Publication waits for one sign-off from each.
LEAD_PARTNER_ROLES: tuple[tuple[str, str], ...] = (
    ("local_authority", "Local authority"),
    ("police", "Chief officer of police"),
    ("health", "Integrated care board (health)"),
)

# The seed report's order of sections: (key, title, module section key or "").
DEFAULT_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("foreword", "Foreword", ""),
    ("about", "About the partnership", "about"),
    ("area", "The area: demographics and context", ""),
    ("data", "Safeguarding data", "datasets"),
    ("events", "The year's events", ""),
    ("priorities", "Priorities and progress", "governance"),
    ("practice_reviews", "Learning from practice reviews", "case_reviews"),
    ("child_deaths", "Learning from child deaths", "child_deaths"),
    ("contributions", "Statutory partners' contributions", ""),
    ("scrutiny", "Scrutiny and quality assurance", "assurance"),
    ("scrutineer", "The independent scrutineer's report", ""),
    ("training", "Multi-agency training", "training"),
    ("communications", "Communications: website and social media", "website"),
    ("agencies", "Appendix: the agencies in the partnership", ""),
    ("sources", "Sources", ""),
)


class PublishedVersionFrozenError(Exception):
    """A published version was about to be changed: publish a correction instead."""

    def __init__(self) -> None:
        super().__init__("A published version cannot be changed: publish a correction.")


class ReportEdition(BaseModel):
    """The partnership's report for one reporting year ("2020-21")."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        SIGNED_OFF = "signed_off", "Signed off"
        PUBLISHED = "published", "Published"

    year_label = models.CharField("reporting year", max_length=7, unique=True)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The version the current draft will become when published (1 for the first publication).
    draft_number = models.PositiveIntegerField(default=1)
    # Returning a draft from review to editing starts a new round of sign-offs.
    review_round = models.PositiveIntegerField(default=1)
    young_people_summary = models.TextField(
        "children and young people's summary",
        blank=True,
        help_text="A short summary for children and young people, published beside the report.",
    )
    sent_to_panel_on = models.DateField(
        "sent to the Child Safeguarding Practice Review Panel on", null=True, blank=True
    )
    sent_to_foundations_on = models.DateField(
        "sent to Foundations (What Works centre) on", null=True, blank=True
    )

    class Meta:
        ordering = ["-year_label"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("annual report", by="year_label")

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def period_text(self) -> str:
        """ "1 April 2020 to 31 March 2021"."""
        start = int(self.year_label[:4])
        return f"1 April {start} to 31 March {start + 1}"


class EditionSection(BaseModel):
    """One section of an edition: a title, a narrative block (Markdown with figure tokens) and,
    optionally, a module's computed section (core.reporting.ReportSection key) shown after it."""

    edition = models.ForeignKey(ReportEdition, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=40)
    title = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)
    hidden = models.BooleanField(default=False)
    module_section = models.CharField(
        "computed section",
        max_length=40,
        blank=True,
        help_text="A module's computed figures and tables, shown after the narrative.",
    )
    body = models.TextField("narrative", blank=True)

    class Meta:
        ordering = ["edition", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="unique_section_key"),
        ]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("annual report section", by="key")


class EditionSignOff(models.Model):
    """A lead safeguarding partner's sign-off of one draft of an edition (`draft_number`)."""

    edition = models.ForeignKey(ReportEdition, on_delete=models.CASCADE, related_name="sign_offs")
    draft_number = models.PositiveIntegerField()
    # Which sign-off round of the draft: returning a draft to editing starts a new round.
    round = models.PositiveIntegerField(default=1)
    statutory_role = models.CharField(max_length=20, choices=LEAD_PARTNER_ROLES)
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="report_sign_offs"
    )
    # Who recorded it: the signer themselves, or a business unit officer recording it for them.
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="report_sign_offs"
    )
    signed_at = models.DateTimeField()
    # Whose sign-off it is: governance's appointment to the partner's seat (or its delegated
    # partner's) on `signed_on`, the day it was given (rules.sign_off_appointment).
    appointment = models.ForeignKey(
        "governance.Appointment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_on = models.DateField(null=True, blank=True)
    by_delegate = models.BooleanField(default=False)

    class Meta:
        ordering = ["edition", "draft_number", "round", "statutory_role"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "draft_number", "round", "statutory_role"],
                name="one_sign_off_per_partner_per_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_statutory_role_display()} sign-off"

    activity_label = NumberedLabel("annual report sign-off")


class PublishedVersion(models.Model):
    """A published version of an edition, frozen: never updated once written (the service
    refuses, and a database trigger refuses an UPDATE)."""

    edition = models.ForeignKey(ReportEdition, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    correction_note = models.TextField(blank=True)
    # [{"key", "title", "html"}] in order: the sections as published.
    sections = models.JSONField(default=list)
    young_people_html = models.TextField(blank=True)
    # {key: {"label", "unit", "definition", "module", "value", "shown", "computed_at"}}
    figures = models.JSONField(default=dict)
    # [{"role", "agency", "signed_by", "signed_at"}]: who signed this version off.
    sign_offs = models.JSONField(default=list)
    # [{"number", "title", "publisher", "url", "accessed_on"}]: the numbered sources.
    footnotes = models.JSONField(default=list)

    class Meta:
        ordering = ["edition", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A guard, not a side effect: a published version is never changed.
        if not self._state.adding:
            raise PublishedVersionFrozenError
        super().save(*args, **kwargs)

    activity_label = NumberedLabel("annual report version")


class ContextFigure(BaseModel):
    """A figure about the area from outside the platform's records (population, homelessness,
    prisons), with its source. Narratives quote it as `{{ context.<key> }}`; its source becomes
    a numbered footnote."""

    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        PERCENT = "percent", "Per cent"
        RATE = "rate", "Rate"
        OTHER = "other", "Other (say in the label)"

    edition = models.ForeignKey(
        ReportEdition, on_delete=models.CASCADE, related_name="context_figures"
    )
    key = models.SlugField(
        max_length=60,
        help_text="Used in the token: {{ context.KEY }}. Lower case letters, digits and _.",
    )
    label = models.CharField(max_length=200)
    area = models.ForeignKey(
        "partnership.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave blank for the whole partnership.",
    )
    period = models.CharField(
        max_length=100, help_text="For example, “mid-2020” or “at 31 March 2021”."
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.COUNT)
    source_title = models.CharField(max_length=300)
    source_publisher = models.CharField(max_length=200)
    source_url = models.URLField(max_length=500, blank=True)
    accessed_on = models.DateField("date accessed")

    class Meta:
        ordering = ["edition", "key"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="unique_context_figure_key"),
        ]

    def __str__(self) -> str:
        return self.label

    activity_label = NumberedLabel("context figure", by="key")


class PartnerContribution(BaseModel):
    """A contribution requested from a partner agency (usually a statutory partner) for a
    section: the agency's safeguarding lead writes it in the report editor and submits it;
    staff accept it or return it with comments. Each submission is kept as a revision."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned for changes"
        ACCEPTED = "accepted", "Accepted"

    edition = models.ForeignKey(
        ReportEdition, on_delete=models.CASCADE, related_name="contributions"
    )
    section = models.ForeignKey(
        EditionSection, on_delete=models.PROTECT, related_name="contributions"
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="report_contributions"
    )
    title = models.CharField(max_length=200)
    brief = models.TextField("what to write about", blank=True)
    due_on = models.DateField("deadline")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    body = models.TextField("contribution", blank=True)
    comments = models.TextField("comments from the business unit", blank=True)

    class Meta:
        ordering = ["edition", "section__position", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "section", "agency"], name="one_contribution_per_agency_section"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("report contribution")

    @property
    def is_with_author(self) -> bool:
        return self.status in (self.Status.REQUESTED, self.Status.RETURNED)


class ContributionRevision(models.Model):
    """One submitted text of a contribution (the version history)."""

    contribution = models.ForeignKey(
        PartnerContribution, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField()
    body = models.TextField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["contribution", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "number"], name="unique_contribution_revision"
            ),
        ]

    def __str__(self) -> str:
        return f"Revision {self.number}"


class ScrutineerPart(BaseModel):
    """One part of the independent scrutineer's report (a scrutiny theme, or the conclusion),
    shown in order in the section keyed "scrutineer". The business unit enters the scrutineer's
    text (the scrutineer's role is read-only); the judgement comes from assurance's scrutiny
    assessments when the parts are set up."""

    edition = models.ForeignKey(
        ReportEdition, on_delete=models.CASCADE, related_name="scrutineer_parts"
    )
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    judgement = models.CharField(max_length=100, blank=True)
    body = models.TextField("text", blank=True)

    class Meta:
        ordering = ["edition", "position"]

    def __str__(self) -> str:
        return self.title

    activity_label = NumberedLabel("scrutineer's report part")
