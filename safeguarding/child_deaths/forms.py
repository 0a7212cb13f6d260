"""Input shapes for child death pages: parse and clean only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import identity
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    DeathCategory,
    KindOfLoss,
    NationalComparator,
    PanelReview,
    ReviewFactor,
    ReviewMeeting,
)
from safeguarding.core.forms import GOVUKDateField, VersionField
from safeguarding.learning.models import Theme
from safeguarding.partnership.models import Agency, Area

OUTSIDE_PARTNERSHIP = "outside"


class NotificationForm(forms.Form):
    kind_of_loss = forms.ChoiceField(
        label="What is being notified?",
        choices=KindOfLoss.choices,
        widget=forms.RadioSelect,
        initial=KindOfLoss.LIVE_BORN,
    )
    child_name = forms.CharField(label="Child's full name", max_length=200)
    date_of_birth = GOVUKDateField(label="Date of birth")
    nhs_number = forms.CharField(
        label="NHS number",
        required=False,
        max_length=14,
        help_text="10 digits, for example 943 476 5919. Leave empty if not known.",
    )
    sex = forms.ChoiceField(choices=ChildDeathNotification.Sex.choices, widget=forms.RadioSelect)
    ethnicity = forms.CharField(required=False, max_length=100)
    address = forms.CharField(
        label="Usual address", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    residence_area = forms.ChoiceField(
        label="Area of residence",
        choices=[],
        error_messages={
            "required": "Choose the area of residence, or 'Outside the partnership'.",
        },
        help_text="Where the child normally lived.",
    )
    home_area_name = forms.CharField(
        label="Home local authority, if outside the partnership", required=False, max_length=200
    )
    reviewed_by_this_panel = forms.BooleanField(
        label="This panel will review the death",
        required=False,
        initial=True,
        help_text="Untick when the child's home area's panel will review it.",
    )
    date_of_death = GOVUKDateField(label="Date of death")
    place_of_death = forms.ChoiceField(choices=ChildDeathNotification.PlaceOfDeath.choices)
    expectation = forms.ChoiceField(
        label="Was the death expected or unexpected?",
        choices=ChildDeathNotification.Expectation.choices,
        widget=forms.RadioSelect,
    )
    joint_agency_response = forms.BooleanField(
        label="A joint agency response was triggered", required=False
    )
    notified_on = GOVUKDateField(label="Date notified")
    notified_by = forms.CharField(label="Notified by (name and role)", max_length=200)
    notifying_agency = forms.ModelChoiceField(
        queryset=Agency.objects.active().order_by("name"), required=False
    )
    agencies_involved = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.active().order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    professionals_involved = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area_field = self.fields["residence_area"]
        assert isinstance(area_field, forms.ChoiceField)
        area_field.choices = [
            ("", "Choose the area of residence"),
            *((str(a.pk), a.name) for a in Area.objects.active().order_by("name")),
            (OUTSIDE_PARTNERSHIP, "Outside the partnership"),
        ]
        # The override of a likely duplicate is offered only after a match was shown (the
        # references shown come back in `duplicate_of`).
        if self.is_bound and self.data.get("duplicate_of"):
            self._add_override_fields()

    def _add_override_fields(self) -> None:
        self.fields["duplicate_of"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields["confirmed_not_duplicate"] = forms.BooleanField(
            label="I have checked: this is a different child from the one already notified",
            required=False,
        )
        self.fields["duplicate_override_reason"] = forms.CharField(
            label="Why is this a different child?",
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=(
                "For example: a twin, or a different date of birth confirmed with the "
                "notifier. Do not write the child's name or NHS number: this is kept in the "
                "activity log."
            ),
        )

    def offer_override(self, references: list[str]) -> None:
        """After a likely duplicate: show the CDOP manager the box, the reason and (hidden)
        which records matched, so the next submit can confirm against exactly those."""
        self._add_override_fields()
        data = QueryDict(mutable=True)
        data.update(self.data)
        data["duplicate_of"] = ",".join(references)
        self.data = data

    def clean_residence_area(self) -> Area | None:
        value = self.cleaned_data.get("residence_area", "")
        if value == OUTSIDE_PARTNERSHIP:
            return None
        area = Area.objects.active().filter(pk=value).first() if value.isdigit() else None
        if area is None:
            raise forms.ValidationError("Choose the area of residence from the list.")
        return area

    def clean_duplicate_of(self) -> list[str]:
        raw = self.cleaned_data.get("duplicate_of", "")
        return [ref.strip() for ref in raw.split(",") if ref.strip()]

    def clean_nhs_number(self) -> str:
        value = identity.nhs_number_clean(self.cleaned_data.get("nhs_number", ""))
        if value and not identity.nhs_number_is_valid(value):
            raise forms.ValidationError(
                "Enter a valid NHS number: 10 digits with a correct check digit."
            )
        return value


class NotificationEditForm(NotificationForm):
    """Correct a notification: the same fields, without the kind of loss, with the version."""

    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["kind_of_loss"]


class ArchiveForm(forms.Form):
    reason = forms.CharField(
        label="Why is this notification being archived?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: notified in error, or a duplicate of another notification.",
    )
    confirmed = forms.BooleanField(
        label="I understand an archived notification cannot be changed or restored here",
        error_messages={"required": "Confirm that you want to archive this notification."},
    )


class DelayForm(forms.Form):
    delay_reason = forms.ChoiceField(
        label="Reason for delay",
        choices=ChildDeathNotification.DelayReason.choices,
        required=False,
    )
    delay_note = forms.CharField(
        label="More about the delay", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()


class InformationRequestForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.active().order_by("name"))
    contact_name = forms.CharField(label="Named contact", max_length=200)
    contact_email = forms.EmailField(label="Contact's e-mail address")
    due_on = GOVUKDateField(
        label="Return due",
        required=False,
        help_text="Leave empty for the usual number of working days.",
    )


class InformationReturnForm(forms.Form):
    information = forms.CharField(
        label="Information your agency holds",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=(
            "Your agency's involvement with the child and family, as the reporting form asks."
        ),
    )
    form_version = forms.CharField(label="Reporting form version", max_length=40)
    version = VersionField()


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of meeting", choices=ReviewMeeting.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(max_length=200)
    held_on = GOVUKDateField(label="Meeting date")
    members = forms.ModelMultipleChoiceField(
        label="Members and attendees (panel members see these cases)",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cases = forms.ModelMultipleChoiceField(
        label="Cases on the agenda",
        queryset=ChildDeathNotification.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    papers = forms.CharField(
        label="Papers and notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Only the meeting's members and CDOP managers can read these.",
    )
    version = VersionField(required=False)

    def __init__(self, *args: Any, cases: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = User.objects.filter(
            role_grants__role__in=[Role.CDOP_PANEL, Role.CDOP_MANAGER], is_active=True
        ).distinct()
        members.label_from_instance = lambda u: u.display_name  # type: ignore[method-assign,assignment]
        case_field = self.fields["cases"]
        assert isinstance(case_field, forms.ModelMultipleChoiceField)
        case_field.queryset = cases if cases is not None else ChildDeathNotification.objects.none()
        case_field.label_from_instance = lambda c: c.reference  # type: ignore[method-assign,assignment]


class PanelReviewForm(forms.Form):
    category = forms.ModelChoiceField(
        label="Category of death",
        queryset=DeathCategory.objects.active(),
        required=False,
    )
    modifiable = forms.ChoiceField(
        label="Modifiable factors",
        choices=PanelReview.Modifiable.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    modifiable_factors = forms.CharField(
        label="The modifiable factors",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    completed_on = GOVUKDateField(
        label="Date the review was completed",
        required=False,
        help_text="Leave empty until the panel has completed its review.",
    )
    version = VersionField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for domain in ReviewFactor.Domain:
            self.fields[f"{domain.value}_grading"] = forms.ChoiceField(
                label=f"{domain.label}: grading",
                choices=[("", "Not graded"), *ReviewFactor.Grading.choices],
                required=False,
            )
            self.fields[f"{domain.value}_description"] = forms.CharField(
                label=f"{domain.label}: factors",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )


class LearningForm(forms.Form):
    title = forms.CharField(
        max_length=200, help_text="Do not include anything that identifies the child."
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What practitioners should know or do differently. Do not identify the child.",
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.filter(retired_on__isnull=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    recorded_on = GOVUKDateField(label="Date agreed")
    is_published = forms.BooleanField(label="Publish to practitioners now", required=False)


class ReviewActionForm(forms.Form):
    description = forms.CharField(
        label="Recommendation or action", widget=forms.Textarea(attrs={"rows": 3})
    )
    owner_agency = forms.ModelChoiceField(
        label="Owner agency",
        queryset=Agency.objects.active().order_by("name"),
    )
    due_date = GOVUKDateField(label="Due date")


class ComparatorForm(forms.Form):
    reporting_year = forms.RegexField(
        label="Reporting year", regex=r"^\d{4}-\d{2}$", help_text="For example 2020-21."
    )
    measure = forms.ChoiceField(choices=NationalComparator.Measure.choices)
    percent = forms.IntegerField(label="National figure (per cent)", min_value=0, max_value=100)
    source = forms.CharField(
        max_length=300,
        help_text="Where the figure comes from, for example the NCMD annual report.",
    )
