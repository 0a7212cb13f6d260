"""Input shapes for the case review pages: parse and clean only; services save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from safeguarding.accounts.models import User
from safeguarding.case_reviews.models import (
    NO_IDENTIFYING,
    AgencyRequest,
    Dissemination,
    IncidentNotification,
    PracticeReview,
    RapidReview,
)
from safeguarding.case_reviews.rules import (
    DEADLINE_KINDS,
    IRREVERSIBLE_STAGES,
    REQUEST_STATES,
    agency_contact_is_suitable,
    next_stages,
)
from safeguarding.case_reviews.selectors import agency_contact_list
from safeguarding.core.forms import GOVUKDateField, VersionField, limit_choices
from safeguarding.learning.selectors import theme_list
from safeguarding.partnership.models import Agency, Area


def _agencies() -> Any:
    return Agency.objects.active().order_by("name")


def _date(label: str, *, required: bool = True, help_text: str = "") -> GOVUKDateField:
    if help_text:
        return GOVUKDateField(label=label, required=required, help_text=help_text)
    return GOVUKDateField(label=label, required=required)


def _text(label: str, *, required: bool = True, help_text: str = "", rows: int = 4) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class IncidentNotificationForm(forms.Form):
    area = forms.ModelChoiceField(
        queryset=Area.objects.order_by("name"), label="Area where the incident happened"
    )
    incident_type = forms.ChoiceField(
        choices=IncidentNotification.IncidentType.choices,
        widget=forms.RadioSelect,
        label="What happened to the child",
    )
    abuse_or_neglect_suspected = forms.BooleanField(
        required=False, label="Abuse or neglect is known or suspected"
    )
    looked_after = forms.BooleanField(required=False, label="A looked-after child is involved")
    aware_on = _date("Date the local authority became aware")
    notified_on = _date(
        "Date notified to the national Panel",
        required=False,
        help_text="Leave empty until the notification has been sent.",
    )
    summary = _text("Summary of the incident", required=False, help_text=NO_IDENTIFYING)
    agencies = forms.ModelMultipleChoiceField(
        queryset=_agencies(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Agencies involved",
    )


class IncidentNotificationEditForm(IncidentNotificationForm):
    version = VersionField()


class ChildIdentityForm(forms.Form):
    """Correct the identity panel (the pseudonym is not changed here)."""

    version = VersionField()
    full_name = forms.CharField(label="Full name", required=False, max_length=200)
    date_of_birth = GOVUKDateField(label="Date of birth", required=False)
    address = _text("Address", required=False, rows=3)
    other_identifiers = _text(
        "Other identifying details",
        required=False,
        rows=3,
        help_text="For example NHS number or school. Only the review team can see these.",
    )


class ChildForm(ChildIdentityForm):
    """A child added to a notification: an invented pseudonym, then the identity panel."""

    field_order = ("pseudonym",)
    version = None  # type: ignore[assignment]  # a new child has no version yet
    pseudonym = forms.CharField(
        max_length=50,
        help_text="An invented first name, used on every page, report and e-mail.",
    )


class RapidReviewForm(forms.Form):
    meeting_on = _date("Meeting date", required=False)
    decision = forms.ChoiceField(
        choices=RapidReview.Decision.choices,
        widget=forms.RadioSelect,
        label="Are the criteria for a local review met?",
    )
    decision_reasons = _text("Reasons for the decision", required=False)
    decided_on = _date("Date of the decision", required=False)
    sent_to_panel_on = _date("Date sent to the Panel", required=False)
    panel_response = forms.ChoiceField(
        choices=RapidReview.PanelResponse.choices,
        widget=forms.RadioSelect,
        label="The Panel's response",
    )
    panel_response_on = _date("Date of the Panel's response", required=False)
    version = VersionField()


class AgencyContactField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Safeguarding leads only, each shown with the agencies they lead."""

    def label_from_instance(self, obj: Any) -> str:
        agencies = ", ".join(grant.agency.name for grant in getattr(obj, "contact_grants", []))
        return f"{obj.display_name} ({agencies})" if agencies else str(obj.display_name)


class AgencyRequestForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=_agencies())
    contact = AgencyContactField(
        queryset=agency_contact_list(),
        required=False,
        label="Named agency contact",
        help_text="A safeguarding lead of the agency. Leave empty to send the request to all "
        "the agency's safeguarding leads.",
    )
    kind = forms.ChoiceField(
        choices=AgencyRequest.Kind.choices, widget=forms.RadioSelect, label="What is requested"
    )
    context = _text(
        "What the panel would like to know",
        required=False,
        rows=5,
        help_text="The period to cover, the questions, what to include. " + NO_IDENTIFYING,
    )
    due_on = _date("Due date")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "contact", agency_contact_list())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        contact, agency = data.get("contact"), data.get("agency")
        if (
            contact is not None
            and agency is not None
            and not agency_contact_is_suitable(contact=contact, agency=agency)
        ):
            self.add_error(
                "contact",
                f"{contact.display_name} is not a safeguarding lead of {agency.name}: "
                "choose one of the agency's leads, or leave it empty.",
            )
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern): cleans to a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        if not data:
            return []
        return [super().clean(data, initial)]


class AgencyResponseForm(forms.Form):
    response = _text(
        "Your agency's chronology or information",
        required=False,
        rows=10,
        help_text="Use the child's pseudonym. This is kept encrypted and seen only by the "
        "review team and your agency.",
    )
    attachments = MultipleFileField(
        label="Attach files",
        required=False,
        help_text="Your chronology or other documents: PDF, Word (.docx) or Excel (.xlsx) files, "
        "each up to {max_mb} MB. You can choose several.",
    )
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["attachments"]
        field.help_text = field.help_text.format(max_mb=settings.CASE_REVIEW_UPLOAD_MAX_MB)


class LearningForm(forms.Form):
    title = forms.CharField(max_length=200, help_text=NO_IDENTIFYING)
    summary = _text("What practitioners should know or do differently", help_text=NO_IDENTIFYING)
    themes = forms.ModelMultipleChoiceField(
        queryset=theme_list(), widget=forms.CheckboxSelectMultiple, label="Themes"
    )
    recorded_on = _date("Date the learning was agreed")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "themes", theme_list())


class PracticeReviewCommissionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=PracticeReview.Kind.choices, widget=forms.RadioSelect, label="Type"
    )
    title = forms.CharField(
        max_length=120, label="Pseudonym for the review", help_text=NO_IDENTIFYING
    )
    area = forms.ModelChoiceField(queryset=Area.objects.order_by("name"), required=False)
    decided_on = _date("Date of the decision to hold the review")
    commissioned_on = _date("Date commissioned")
    reviewer = forms.CharField(max_length=200, required=False)
    methodology = forms.CharField(max_length=200, required=False)
    terms_of_reference = _text("Terms of reference", required=False)
    summary = _text("De-identified summary", required=False, help_text=NO_IDENTIFYING)


class PracticeReviewEditForm(forms.Form):
    title = forms.CharField(max_length=120, label="Pseudonym for the review")
    area = forms.ModelChoiceField(queryset=Area.objects.order_by("name"), required=False)
    reviewer = forms.CharField(max_length=200, required=False)
    methodology = forms.CharField(max_length=200, required=False)
    terms_of_reference = _text("Terms of reference", required=False)
    summary = _text("De-identified summary", required=False, help_text=NO_IDENTIFYING)
    key_message = _text("Key message", required=False, rows=2)
    agencies = forms.ModelMultipleChoiceField(
        queryset=_agencies(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Agencies involved",
    )
    version = VersionField()


class PracticeReviewStageForm(forms.Form):
    status = forms.ChoiceField(choices=(), widget=forms.RadioSelect, label="Next stage")
    on = _date("Date")
    publication_url = forms.URLField(
        label="Link to the published report", required=False, assume_scheme="https"
    )
    final_report = forms.FileField(
        label="Final report",
        required=False,
        help_text="A PDF or Word (.docx) file.",
    )
    not_published_reason = _text("Reason for not publishing", required=False, rows=3)
    confirm = forms.BooleanField(
        required=False,
        label="I understand that signing off, publishing or not publishing cannot be undone",
    )
    version = VersionField()

    def __init__(self, *args: Any, review: PracticeReview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (stage, PracticeReview.Status(stage).label) for stage in next_stages(review.status)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") in IRREVERSIBLE_STAGES and not data.get("confirm"):
            self.add_error(
                "confirm",
                "Confirm that you understand this step cannot be undone: the review cannot "
                "go back a stage.",
            )
        return data


class TargetForm(forms.Form):
    new_target_on = _date("New target completion date")
    reason = _text("Reason for the revision", rows=3)
    version = VersionField()


class AdvanceCopyForm(forms.Form):
    on = _date("Date the advance copy went to the Panel and DfE")
    version = VersionField()


class MilestoneForm(forms.Form):
    title = forms.CharField(max_length=200, label="Milestone")
    due_on = _date("Due date", required=False)


class RecommendationForm(forms.Form):
    text = _text("Recommendation", help_text=NO_IDENTIFYING)


class PracticeReviewActionForm(forms.Form):
    description = _text("Action", rows=3)
    owner_agency = forms.ModelChoiceField(queryset=_agencies(), label="Owner agency")
    owner_person = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("full_name", "email"),
        required=False,
        label="Owner",
    )
    due_date = _date("Due date")
    success_measure = _text("How we will know it has worked", required=False, rows=2)


class DisseminationForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Dissemination.Kind.choices, widget=forms.RadioSelect, label="Type"
    )
    title = forms.CharField(max_length=200)
    held_on = _date("Date")
    reach = forms.IntegerField(min_value=0, label="Number of people reached")


class ConfirmForm(forms.Form):
    """A confirmation page's form: nothing to fill in, only the button that confirms."""


class ArchiveForm(forms.Form):
    reason = _text(
        "Why is this record being archived?",
        rows=3,
        help_text="For example: recorded in error, or a duplicate of another record.",
    )
    confirm = forms.BooleanField(
        label="I understand that archiving cannot be undone",
        error_messages={
            "required": "Confirm that you understand archiving cannot be undone.",
        },
    )
    version = VersionField()


# --- list filters (GET) ------------------------------------------------------------------


def _any(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *[(str(value), str(name)) for value, name in choices]]


class ListFilterForm(forms.Form):
    """A list's filters: unknown values are dropped rather than refused."""

    def filters(self) -> dict[str, str]:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}


class DeadlineFilterForm(ListFilterForm):
    kind = forms.ChoiceField(
        choices=_any("All deadlines", DEADLINE_KINDS), required=False, label="Deadline"
    )


class IncidentNotificationFilterForm(ListFilterForm):
    decision = forms.ChoiceField(
        choices=_any("Any decision", RapidReview.Decision.choices),
        required=False,
        label="Rapid review decision",
    )


class AgencyRequestFilterForm(ListFilterForm):
    state = forms.ChoiceField(
        choices=_any("Open and answered", REQUEST_STATES), required=False, label="Requests"
    )


class PracticeReviewFilterForm(ListFilterForm):
    kind = forms.ChoiceField(
        choices=_any("All types", PracticeReview.Kind.choices), required=False, label="Type"
    )
    status = forms.ChoiceField(
        choices=_any("Any stage", PracticeReview.Status.choices), required=False, label="Stage"
    )
