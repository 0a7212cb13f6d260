"""Input shapes for the partnership pages and practitioner self-registration."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.core.forms import GOVUKDateField, VersionField
from safeguarding.partnership.models import Agency, Area, Group, GroupMembership


class PractitionerSignupFields(forms.Form):
    """Extra fields on the allauth sign-up page: practitioners choose their agency (the sign-up
    itself is partnership.signup.PractitionerSignupForm)."""

    full_name = forms.CharField(label="Full name", max_length=200)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.active().order_by("name"),
        label="Which agency do you work for?",
        help_text="If your agency is not listed, choose the nearest and tell the business unit.",
        empty_label="Choose your agency",
    )

    field_order = ["full_name", "email", "agency", "password1", "password2"]


class AreaForm(forms.Form):
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=Area.Kind.choices, label="Type of authority")
    ons_code = forms.CharField(label="ONS code", max_length=9, help_text="For example, E10000003")
    la_number = forms.CharField(label="LA number", max_length=3, help_text="For example, 873")


class AreaEditForm(AreaForm):
    version = VersionField()


class DistrictForm(forms.Form):
    name = forms.CharField(max_length=200)
    ons_code = forms.CharField(label="ONS code", max_length=9, help_text="For example, E07000008")


class DistrictEditForm(DistrictForm):
    version = VersionField()


class PartnershipForm(forms.Form):
    name = forms.CharField(max_length=200)
    short_name = forms.CharField(max_length=40, required=False)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    spans_two_local_authorities = forms.BooleanField(
        required=False, label="The arrangements span more than one local authority"
    )
    version = VersionField()


class MembershipEndForm(forms.Form):
    ended_on = GOVUKDateField(label="Date the membership ended")


class AgencyForm(forms.Form):
    name = forms.CharField(max_length=200)
    sector = forms.ChoiceField(choices=Agency.Sector.choices)
    statutory_partner = forms.BooleanField(
        required=False, label="This agency is one of the three statutory safeguarding partners"
    )
    statutory_role = forms.ChoiceField(
        choices=Agency.StatutoryRole.choices, required=False, label="Statutory partner role"
    )
    area = forms.ModelChoiceField(
        queryset=Area.objects.active(),
        required=False,
        label="Area",
        help_text="Leave empty when the agency covers the whole partnership.",
        empty_label="Whole partnership",
    )
    parent = forms.ModelChoiceField(
        queryset=Agency.objects.active(),
        required=False,
        label="Part of",
        empty_label="Not part of another agency",
    )
    on_board = forms.BooleanField(
        required=False,
        initial=True,
        label="Represented on the Safeguarding Children Partnership Board",
    )


class AgencyEditForm(AgencyForm):
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["name"]


class AgencyDisableForm(forms.Form):
    disabled_on = GOVUKDateField(
        label="Date the agency stopped",
        help_text="It is no longer offered for new records from now on.",
    )
    version = VersionField()


class AgencyRenameForm(forms.Form):
    new_name = forms.CharField(label="New name", max_length=200)
    effective = GOVUKDateField(label="Date the new name applies from")
    version = VersionField()


class GroupForm(forms.Form):
    name = forms.CharField(max_length=200)
    short_name = forms.CharField(max_length=40, required=False)
    kind = forms.ChoiceField(choices=Group.Kind.choices, label="Type of group")
    parent = forms.ModelChoiceField(
        queryset=Group.objects.live(),
        required=False,
        label="Reports to",
        empty_label="Nobody (top of the structure)",
    )
    purpose = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    terms_of_reference = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)
    chair = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True), required=False, empty_label="No chair yet"
    )
    meets = forms.CharField(max_length=100, required=False, label="How often it meets")


class GroupEditForm(GroupForm):
    version = VersionField()


class GroupMembershipForm(forms.Form):
    person = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True), required=False, empty_label="No named person"
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.active(),
        required=False,
        empty_label="No agency seat",
    )
    role = forms.ChoiceField(choices=GroupMembership.GroupRole.choices, label="Role in the group")
    started_on = GOVUKDateField(required=False, label="Started on")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("person") and not data.get("agency"):
            raise forms.ValidationError("Choose a person, an agency, or both.")
        return data


class PriorityForm(forms.Form):
    number = forms.IntegerField(min_value=1, max_value=20)
    title = forms.CharField(max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    period_start = GOVUKDateField(label="Period starts")
    period_end = GOVUKDateField(label="Period ends")
    what_we_will_do = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    what_success_looks_like = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    lead_group = forms.ModelChoiceField(queryset=Group.objects.live(), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be after its start.")
        return data


class PriorityEditForm(PriorityForm):
    version = VersionField()


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.active(),
        required=False,
        help_text="Needed for agency safeguarding leads, practitioners and data analysts.",
        empty_label="Not for a particular agency",
    )


class PersonDeactivateForm(forms.Form):
    """Confirming a deactivation: nothing to fill in."""


class PersonSearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search by name or e-mail address", max_length=100)


class GroupFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Name contains", max_length=100)
    kind = forms.ChoiceField(
        choices=[("", "All types"), *Group.Kind.choices], required=False, label="Type"
    )


class PriorityFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Title contains", max_length=100)
    current = forms.BooleanField(required=False, label="Only current priorities")
