"""The partnership's structure: areas, agencies, groups, memberships, priorities."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from safeguarding.core.models import ArchivableModel, BaseModel, ReferenceModel


class Partnership(BaseModel):
    """The multi-agency safeguarding partnership this installation serves."""

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    description = models.TextField(blank=True)
    spans_two_local_authorities = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class Area(ReferenceModel):
    """A local authority area served by the partnership."""

    class Kind(models.TextChoices):
        COUNTY = "county", "County council (upper tier)"
        UNITARY = "unitary", "Unitary authority"
        METROPOLITAN = "metropolitan", "Metropolitan borough"
        LONDON = "london", "London borough"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ons_code = models.CharField("ONS code", max_length=9, unique=True)
    la_number = models.CharField("LA number", max_length=3, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def activity_label(self) -> str:
        return f"Area: {self.name}"


class District(ReferenceModel):
    """A district council within a county area."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(max_length=200)
    ons_code = models.CharField("ONS code", max_length=9, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="unique_district_name_per_area")
        ]

    def __str__(self) -> str:
        return self.name


class Agency(ReferenceModel):
    """An organisation in the partnership. Its name can change (CCG to ICB): every name it has
    had is kept in AgencyName with the dates it applied."""

    class Sector(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        POLICE = "police", "Police"
        HEALTH = "health", "Health"
        EDUCATION = "education", "Education"
        PROBATION = "probation", "Probation and justice"
        HOUSING = "housing", "Housing"
        FIRE = "fire", "Fire and rescue"
        VOLUNTARY = "voluntary", "Voluntary and community"
        FAITH = "faith", "Faith"
        OTHER_PUBLIC = "other_public", "Other public body"

    class StatutoryRole(models.TextChoices):
        NONE = "", "Relevant agency (not a statutory partner)"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        POLICE = "police", "Chief officer of police"
        HEALTH = "health", "Health (CCG, later ICB)"

    name = models.CharField(max_length=200, unique=True)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    statutory_partner = models.BooleanField(default=False)
    statutory_role = models.CharField(
        max_length=20, choices=StatutoryRole.choices, blank=True, default=""
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
        help_text="Leave empty when the agency covers the whole partnership.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
        help_text="For a service within a larger organisation, e.g. children's social care.",
    )
    on_board = models.BooleanField(
        "represented on the Safeguarding Children Partnership Board", default=True
    )
    board_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def activity_label(self) -> str:
        return f"Agency: {self.name}"

    def clean(self) -> None:
        if self.statutory_partner and not self.statutory_role:
            raise ValidationError({"statutory_role": "Choose which statutory partner this is."})
        if self.statutory_role and not self.statutory_partner:
            raise ValidationError(
                {"statutory_partner": "An agency with a statutory role is a statutory partner."}
            )


class AgencyName(models.Model):
    """One name an agency has had, from `valid_from` until `valid_to` (open while current)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["agency", "valid_from"]

    def __str__(self) -> str:
        return self.name


class Group(ArchivableModel):
    """A board, subgroup, panel or task and finish group in the governance structure."""

    class Kind(models.TextChoices):
        EXECUTIVE_BOARD = "executive_board", "Executive board"
        PARTNERSHIP_BOARD = "partnership_board", "Partnership board"
        SUBGROUP = "subgroup", "Subgroup"
        PANEL = "panel", "Panel"
        TASK_AND_FINISH = "task_and_finish", "Task and finish group"
        STRATEGIC_GROUP = "strategic_group", "Strategic or delivery group"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    purpose = models.TextField(blank=True)
    terms_of_reference = models.TextField(blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_groups",
    )
    meets = models.CharField("how often it meets", max_length=100, blank=True)
    display_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def activity_label(self) -> str:
        return f"Group: {self.name}"


class GroupMembership(BaseModel):
    """A seat on a group: a named person, or an agency's seat (filled by whoever it sends)."""

    class GroupRole(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Adviser"
        SECRETARIAT = "secretariat", "Business support"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="group_memberships",
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="group_seats"
    )
    role = models.CharField(max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["group", "role", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(agency__isnull=False),
                name="membership_has_person_or_agency",
            )
        ]

    def __str__(self) -> str:
        who = self.person or self.agency
        return f"{who} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.person_id is None and self.agency_id is None:
            raise ValidationError("Choose a person, an agency, or both.")
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The end date must be after the start date."})


class Priority(BaseModel):
    """A priority the Board has agreed for a period."""

    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    period_start = models.DateField()
    period_end = models.DateField()
    what_we_will_do = models.TextField()
    what_success_looks_like = models.TextField()
    lead_group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.PROTECT, related_name="priorities"
    )

    class Meta:
        ordering = ["-period_start", "number"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.title}"

    @property
    def activity_label(self) -> str:
        return f"Priority {self.number} ({self.period_start:%Y})"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The end of the period must be after its start."})
