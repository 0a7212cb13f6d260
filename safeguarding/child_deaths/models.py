"""Child death review records: notifications, information requests, meetings and panel reviews.

Identifying details of the child (name, date of birth, NHS number, ethnicity, address) are
encrypted at rest. Matching uses keyed hashes kept beside them; reporting uses the non-identifying
values computed at notification (age at death in days, age band, area of residence).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from safeguarding.core.fields import EncryptedTextField
from safeguarding.core.models import ArchivableModel, BaseModel, NumberedLabel, ReferenceModel


class DeathCategory(ReferenceModel):
    """The ten categories of death on the national analysis form (a lookup, seeded by a data
    migration). Category 2 is suicide or deliberate self-inflicted harm."""

    SUICIDE = 2

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "death categories"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class AgeBand(models.TextChoices):
    NEONATAL = "0-27d", "0 to 27 days"
    INFANT = "28-364d", "28 to 364 days"
    ONE_TO_FOUR = "1-4", "1 to 4 years"
    FIVE_TO_NINE = "5-9", "5 to 9 years"
    TEN_TO_FOURTEEN = "10-14", "10 to 14 years"
    FIFTEEN_TO_SEVENTEEN = "15-17", "15 to 17 years"


class KindOfLoss(models.TextChoices):
    """What a notifier says is being notified. Only the death of a child born alive is reviewed
    by the panel; the others are refused with the reason (not stored: nothing is saved)."""

    LIVE_BORN = "live_born", "The death of a child who was born alive"
    STILLBIRTH = "stillbirth", "A stillbirth"
    LATE_FOETAL_LOSS = "late_foetal_loss", "A late foetal loss"
    TERMINATION = "termination", "A lawful termination of pregnancy"

    @property
    def refusal(self) -> str:
        """Why the panel does not review this kind of loss ("" for a child born alive)."""
        return _LOSS_REFUSALS.get(self.value, "")


_LOSS_REFUSALS = {
    "stillbirth": "Stillbirths are not reviewed by the child death overview panel.",
    "late_foetal_loss": "Late foetal losses are not reviewed by the child death overview panel.",
    "termination": (
        "Lawful terminations of pregnancy are not reviewed by the child death overview panel."
    ),
}


class ChildDeathNotification(ArchivableModel):
    """The statutory notification of a child's death: one row per child."""

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        INDETERMINATE = "indeterminate", "Indeterminate"
        NOT_KNOWN = "not_known", "Not known"

    class Expectation(models.TextChoices):
        EXPECTED = "expected", "Expected"
        UNEXPECTED = "unexpected", "Unexpected"

    class PlaceOfDeath(models.TextChoices):
        HOSPITAL = "hospital", "Hospital"
        HOSPICE = "hospice", "Hospice"
        HOME = "home", "Home"
        PUBLIC_PLACE = "public_place", "Public place"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        NOTIFIED = "notified", "Notified"
        GATHERING = "gathering", "Gathering information"
        AWAITING_PANEL = "awaiting_panel", "Awaiting panel review"
        REVIEWED = "reviewed", "Review completed"

    class DelayReason(models.TextChoices):
        NONE = "", "No delay"
        INQUEST = "inquest", "Awaiting inquest"
        POST_MORTEM = "post_mortem", "Awaiting post-mortem results"
        CRIMINAL = "criminal", "Criminal investigation"
        OTHER_REVIEW = "other_review", "Awaiting another review (for example a practice review)"
        INFORMATION = "information", "Awaiting information from agencies"
        OTHER = "other", "Other"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    # identifying details: encrypted at rest
    child_name = EncryptedTextField("child's full name")
    date_of_birth_text = EncryptedTextField("date of birth")
    nhs_number = EncryptedTextField("NHS number", blank=True)
    ethnicity = EncryptedTextField(blank=True)
    address = EncryptedTextField("address", blank=True)
    # keyed hashes for matching without decrypting (core.fields.keyed_hash)
    nhs_number_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    date_of_birth_hash = models.CharField(max_length=64, db_index=True, editable=False)
    name_dob_hash = models.CharField(max_length=64, db_index=True, editable=False)
    # non-identifying facts used in figures
    sex = models.CharField(max_length=20, choices=Sex.choices)
    date_of_death = models.DateField("date of death")
    place_of_death = models.CharField(max_length=20, choices=PlaceOfDeath.choices)
    age_at_death_days = models.PositiveIntegerField(editable=False)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, editable=False)
    expectation = models.CharField(
        "expected or unexpected", max_length=20, choices=Expectation.choices
    )
    joint_agency_response = models.BooleanField("joint agency response triggered", default=False)
    residence_area = models.ForeignKey(
        "partnership.Area",
        verbose_name="area of residence",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_death_notifications",
        help_text="Empty when the child normally lived outside the partnership.",
    )
    home_area_name = models.CharField(
        "home local authority (outside the partnership)", max_length=200, blank=True
    )
    reviewed_by_this_panel = models.BooleanField(default=True)
    notified_on = models.DateField("date notified")
    notified_by = models.CharField("notified by (name and role)", max_length=200)
    notifying_agency = models.ForeignKey(
        "partnership.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agencies_involved = models.ManyToManyField(
        "partnership.Agency", blank=True, related_name="child_death_notifications"
    )
    professionals_involved = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOTIFIED)
    delay_reason = models.CharField(
        "reason for delay", max_length=20, choices=DelayReason.choices, blank=True
    )
    delay_note = models.TextField("more about the delay", blank=True)
    possible_duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Set when the CDOP manager confirmed this is a different child despite a match.",
    )
    duplicate_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="confirmed as a different child by",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    duplicate_override_reason = models.TextField("why this is a different child", blank=True)

    class Meta:
        ordering = ["-date_of_death", "-id"]
        # The case list's order (and the open cases', read backwards): a page is read from
        # the index instead of sorting every case (EXPLAIN in docs/modules/volume.md).
        indexes = [
            models.Index(fields=["-date_of_death", "-id"], name="cdop_case_death_order_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(residence_area__isnull=False) | ~models.Q(home_area_name=""),
                name="child_death_has_residence",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    activity_label = NumberedLabel("Child death notification", by="reference")

    @property
    def date_of_birth(self) -> date:
        return date.fromisoformat(self.date_of_birth_text)

    @property
    def residence_label(self) -> str:
        if self.residence_area_id is not None:
            return self.residence_area.name  # type: ignore[union-attr]
        return f"Outside the partnership ({self.home_area_name})"


class InformationRequest(BaseModel):
    """A reporting-form request to one involved agency's named contact."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        RETURNED = "returned", "Returned"

    notification = models.ForeignKey(
        ChildDeathNotification, on_delete=models.PROTECT, related_name="requests"
    )
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="child_death_requests"
    )
    contact_name = models.CharField("named contact", max_length=200)
    contact_email = models.EmailField("contact's e-mail address")
    requested_on = models.DateField()
    due_on = models.DateField("return due")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_on = models.DateField(null=True, blank=True)
    returned_on = models.DateField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    form_version = models.CharField("reporting form version", max_length=40, blank=True)
    information = EncryptedTextField("information returned", blank=True)

    class Meta:
        ordering = ["notification", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "agency"], name="one_request_per_agency_per_death"
            )
        ]

    def __str__(self) -> str:
        return self.activity_label

    @property
    def activity_label(self) -> str:
        return f"Information request {self.pk} for {self.notification.reference}"


class ReviewMeeting(BaseModel):
    """A child death review meeting (about one death) or a CDOP panel meeting (several)."""

    class Kind(models.TextChoices):
        CDR_MEETING = "cdr_meeting", "Child death review meeting"
        PANEL = "panel", "CDOP panel meeting"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField("meeting date")
    title = models.CharField(max_length=200)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="child_death_meetings", blank=True
    )
    cases = models.ManyToManyField(ChildDeathNotification, related_name="meetings", blank=True)
    papers = EncryptedTextField("meeting papers and notes", blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def activity_label(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class PanelReview(BaseModel):
    """The CDOP panel's analysis of one death (the national analysis form)."""

    class Modifiable(models.TextChoices):
        YES = "yes", "Yes: modifiable factors identified"
        NO = "no", "No modifiable factors identified"
        INSUFFICIENT = "insufficient", "Insufficient information"

    notification = models.OneToOneField(
        ChildDeathNotification, on_delete=models.PROTECT, related_name="review"
    )
    category = models.ForeignKey(
        DeathCategory,
        verbose_name="category of death",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    modifiable = models.CharField(
        "modifiable factors", max_length=20, choices=Modifiable.choices, blank=True
    )
    modifiable_factors = models.TextField("the modifiable factors", blank=True)
    completed_on = models.DateField("date the review was completed", null=True, blank=True)

    class Meta:
        ordering = ["-completed_on", "-id"]

    def __str__(self) -> str:
        return self.activity_label

    @property
    def activity_label(self) -> str:
        return f"Panel review of {self.notification.reference}"

    @property
    def learning_title(self) -> str:
        """The de-identified title the database of learning shows for this review's learning."""
        return f"Child death review {self.notification.reference}"


class ReviewFactor(BaseModel):
    """Factors in one of the four domains, graded as on the national analysis form."""

    class Domain(models.TextChoices):
        CHILD = "child", "Factors intrinsic to the child"
        FAMILY = "family", "Family and social environment, and parenting"
        ENVIRONMENT = "environment", "Wider physical environment"
        SERVICES = "services", "Service provision"

    class Grading(models.TextChoices):
        NOT_AVAILABLE = "0", "0: information not available"
        NOT_CONTRIBUTED = "1", "1: factor identified, unlikely to have contributed"
        MAY_CONTRIBUTE = "2", "2: factor identified, may have contributed"

    review = models.ForeignKey(PanelReview, on_delete=models.CASCADE, related_name="factors")
    domain = models.CharField(max_length=20, choices=Domain.choices)
    grading = models.CharField(max_length=1, choices=Grading.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["review", "domain"], name="one_factor_row_per_domain")
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.grading}"


class NationalComparator(BaseModel):
    """A national figure entered by hand with its source, shown beside the local figure."""

    class Measure(models.TextChoices):
        UNDER_ONE = "under_one", "Deaths of babies under one year old"
        MODIFIABLE = "modifiable", "Reviews with modifiable factors"
        UNEXPECTED = "unexpected", "Unexpected deaths"

    reporting_year = models.CharField(max_length=7, help_text="For example 2020-21.")
    measure = models.CharField(max_length=20, choices=Measure.choices)
    percent = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["reporting_year", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_year", "measure"], name="one_comparator_per_measure_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reporting_year} {self.get_measure_display()}: {self.percent}%"
