"""Imported data returns (minimised, child level) and the populations rates are computed on.

What is stored is only what the figures need: a keyed hash of the child's identifier (so a child
can be matched across imports without the identifier), the month and year of birth, the dates and
codes each counting rule reads. Names, postcodes, workers and the uploaded file are never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safeguarding.core.models import BaseModel, NumberedLabel
from safeguarding.partnership.models import Area


class ReturnKind(models.TextChoices):
    ANNEX_A = "annex_a", "Ofsted Annex A"
    CIN = "cin", "Children in Need census"
    SSDA903 = "ssda903", "SSDA903 (children looked after)"


class RecordKind(models.TextChoices):
    CONTACT = "contact", "Contact"
    EARLY_HELP = "early_help", "Early help assessment"
    REFERRAL = "referral", "Referral"
    ASSESSMENT = "assessment", "Assessment"
    SECTION_47 = "s47", "Section 47 enquiry"
    CP_PLAN = "cp_plan", "Child protection plan"
    CARE_EPISODE = "care", "Care episode"
    # The later layouts (issue #19; specifications.LaterKind names the same values)
    PRE_PROCEEDINGS = "pre_proc", "Pre-proceedings"
    FGDM = "fgdm", "Family group decision-making meeting"
    CIN_EPISODE = "cin_ep", "Children in need episode (referral source and closure reason)"
    CARE_LEAVER = "leaver", "Care leaver"
    ADOPTION = "adoption", "Adoption"
    ADOPTER = "adopter", "Adopter"


class ImportBatch(BaseModel):
    """One import of one return for one area and period. Re-imports make a new batch; the
    earlier batch stays recorded (superseded) with its records."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Reading the file"
        AWAITING_CONFIRMATION = "awaiting", "Waiting for your check"
        AWAITING_APPROVAL = "approval", "Waiting for a second person's approval"
        CURRENT = "current", "In use"
        SUPERSEDED = "superseded", "Replaced by a later import"
        WITHDRAWN = "withdrawn", "Withdrawn"
        CANCELLED = "cancelled", "Cancelled"
        FAILED = "failed", "Failed"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="import_batches")
    kind = models.CharField(max_length=10, choices=ReturnKind.choices, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    original_filename = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    rows_stored = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)
    differences = models.JSONField(default=list, blank=True)
    # What the check before use found (figures that move a lot, become 0, lists absent...)
    warnings = models.JSONField(default=list, blank=True)
    # What the check counts, counted by the store while storing (ADR 0013): {"kinds": records
    # of each kind, "rows_by_year": records by the reporting year of their start}. Empty for
    # imports stored before it was kept: the check then counts their records in the database.
    check_figures = models.JSONField(default=dict, blank=True)
    # The optional parts of the layout the file carried (specifications.PART_*: Annex A lists
    # 9-11, the census's pre-proceedings module, its early help codes). A figure read from a
    # part the file did not carry is not available (x), never 0.
    parts = models.JSONField(default=list, blank=True)
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The first of two people, when a second person's approval is required
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "kind", "period_start", "period_end"],
                condition=models.Q(status="current"),
                name="datasets_one_current_batch_per_area_kind_period",
            )
        ]
        indexes = [
            models.Index(fields=["area", "kind", "status"]),
            models.Index(fields=["status", "period_start"], name="datasets_batch_status_start"),
            models.Index(fields=["-created_at", "-id"], name="datasets_batch_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.area} ({self.period_start}-{self.period_end})"

    activity_label = NumberedLabel("Data import")

    @property
    def is_finished(self) -> bool:
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def progress_percent(self) -> int:
        if self.is_finished:
            return 100
        if not self.rows_total:
            return 0
        return min(99, 100 * self.rows_done // self.rows_total)


class ReturnRecord(models.Model):
    """One minimised child-level row of a return (a contact, a referral, an episode of care...).

    `start`/`end`/`event` mean, by kind: contact (date of contact); early help, assessment
    (start, completion or authorisation); referral (referral date; `flag` = no further action);
    s47 (strategy discussion or s47 start; `event` = initial child protection conference;
    `flag` = conference not required); CP plan (start, end); care episode (start, end;
    `legal_status`, `reason_new` (RNE), `reason_ended` (REC)); the later kinds as
    `specifications.LaterKind` says (pre-proceedings start, end; FGDM offered = start, held =
    event; CIN episode referral = start, closure = end, `reason_new` = referral source,
    `reason_ended` = closure reason; care leaver `flag` = in touch, `reason_new` = the in-touch
    code, `reason_ended` = S/U suitability; adoption decision = start, order = event; adopter
    stage 2 ended = start, approved = event, left = end)."""

    # No per-row foreign key check (ADR 0010): on PostgreSQL one check per statement
    # (migration 0002) refuses a record whose import does not exist, and an import that still
    # has records cannot be deleted; the (batch, kind) index serves every lookup by import.
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.CASCADE,
        related_name="records",
        db_constraint=False,
        db_index=False,
    )
    kind = models.CharField(max_length=10, choices=RecordKind.choices)
    child_hash = models.CharField(max_length=64)
    birth_month = models.DateField(null=True, blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    event = models.DateField(null=True, blank=True)
    flag = models.BooleanField(null=True, blank=True)
    legal_status = models.CharField(max_length=4, blank=True)
    reason_new = models.CharField(max_length=4, blank=True)
    reason_ended = models.CharField(max_length=4, blank=True)

    class Meta:
        indexes = [models.Index(fields=["batch", "kind"])]

    def __str__(self) -> str:
        return self.activity_label

    activity_label = NumberedLabel("Return record")


class Population(BaseModel):
    """Children aged 0-17 in an area for a reporting year, with where the figure came from."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="populations")
    year_start = models.PositiveIntegerField(help_text="The reporting year's first calendar year")
    children = models.PositiveIntegerField("children aged 0 to 17")
    source = models.CharField(max_length=255)

    class Meta:
        ordering = ["area", "year_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year_start"], name="datasets_one_population_per_area_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year_start}: {self.children}"

    @property
    def activity_label(self) -> str:
        return f"Population: {self.area.name} {self.year_start}"


class StoredFigure(models.Model):
    """One figure of one area for a reporting year (quarter 0) or one of its quarters (1-4),
    computed once when the area's imports in use or its population change, with the versions
    of what it was computed from. Pages, exports and the annual report read these; disclosure
    control is applied when they are read."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="stored_figures")
    year_start = models.PositiveIntegerField()
    quarter = models.PositiveSmallIntegerField(default=0, help_text="0: the whole year")
    key = models.CharField(max_length=40)
    value = models.IntegerField(null=True, blank=True)
    source = models.CharField(max_length=60, blank=True)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partial = models.BooleanField(default=False)
    imports = models.JSONField(default=list, blank=True, help_text="The imports in use read")
    population_version = models.PositiveIntegerField(null=True, blank=True)
    rules_version = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["area", "year_start", "quarter", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year_start", "quarter", "key"],
                name="datasets_one_stored_figure_per_area_year_quarter",
            )
        ]
        indexes = [
            models.Index(fields=["year_start", "quarter", "area"], name="datasets_figure_year")
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.year_start} q{self.quarter} {self.key}: {self.value}"


class Comparator(BaseModel):
    """A published figure to compare an area with: England, the area's region or its statistical
    neighbours, for one figure and reporting year, with where it was published. England's has no
    area (one value for every area); a region's and the neighbours' belong to the area."""

    class Geography(models.TextChoices):
        ENGLAND = "england", "England"
        REGION = "region", "Region"
        NEIGHBOURS = "neighbours", "Statistical neighbours"

    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="comparators"
    )
    geography = models.CharField(max_length=10, choices=Geography.choices)
    figure = models.CharField(max_length=40)
    year_start = models.PositiveIntegerField(help_text="The reporting year's first calendar year")
    value = models.DecimalField(max_digits=9, decimal_places=1)
    source = models.CharField(max_length=255)

    class Meta:
        ordering = ["figure", "year_start", "geography"]
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "year_start", "geography"],
                condition=models.Q(area__isnull=True),
                name="datasets_one_england_comparator_per_figure_year",
            ),
            models.UniqueConstraint(
                fields=["figure", "year_start", "geography", "area"],
                condition=models.Q(area__isnull=False),
                name="datasets_one_comparator_per_area_figure_year",
            ),
            models.CheckConstraint(
                condition=models.Q(geography="england", area__isnull=True)
                | (~models.Q(geography="england") & models.Q(area__isnull=False)),
                name="datasets_comparator_area_only_beyond_england",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_geography_display()} {self.figure} {self.year_start}: {self.value}"

    @property
    def activity_label(self) -> str:
        return f"Comparator: {self.get_geography_display()} {self.figure} {self.year_start}"
