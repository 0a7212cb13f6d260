"""Input shapes for the actions pages."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.accounts.models import User
from safeguarding.actions.models import Action
from safeguarding.actions.rules import EVIDENCE_EXTENSIONS
from safeguarding.core.forms import GOVUKDateField, VersionField
from safeguarding.partnership.models import Agency


def _agencies() -> Any:
    return Agency.objects.active().order_by("name")


def _people() -> Any:
    return User.objects.filter(is_active=True).order_by("full_name", "email")


class ActionForm(forms.Form):
    description = forms.CharField(
        label="Action", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    success_measure = forms.CharField(
        label="How we will know it has worked",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    owner_agency = forms.ModelChoiceField(
        queryset=_agencies(), label="Owner agency", empty_label="Choose the agency"
    )
    owner_person = forms.ModelChoiceField(
        queryset=_people(),
        label="Owner",
        required=False,
        empty_label="No named owner (the agency's safeguarding leads)",
        help_text="The person who will make sure the action is done.",
    )
    due_date = GOVUKDateField(label="Due date")


class ActionEditForm(ActionForm):
    version = VersionField()


class ActionProgressForm(forms.Form):
    note = forms.CharField(
        label="What has happened",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        help_text="Do not include anyone's name or other details that could identify a child.",
    )
    status = forms.ChoiceField(
        choices=Action.Status.choices, label="Status now", widget=forms.RadioSelect
    )
    completed_on = GOVUKDateField(
        label="Date completed",
        required=False,
        help_text="Only when the action is complete. Leave empty for today.",
    )
    evidence = forms.FileField(
        label="Evidence",
        required=False,
        help_text="A document, spreadsheet, presentation, PDF or image, up to 10MB ("
        + ", ".join(sorted(EVIDENCE_EXTENSIONS))
        + ").",
    )


class ActionPlanReviewForm(forms.Form):
    reviewed_on = GOVUKDateField(label="Date of the review")
    notes = forms.CharField(
        label="Notes from the review",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "Any status"), *Action.Status.choices], required=False
    )
    agency = forms.ModelChoiceField(
        queryset=_agencies(), required=False, empty_label="All agencies", label="Owner agency"
    )
    overdue = forms.ChoiceField(
        choices=[("", "Overdue or not"), ("yes", "Overdue only"), ("no", "Not overdue")],
        required=False,
        label="Overdue",
    )
    mine = forms.BooleanField(required=False, label="Only my open actions")

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        overdue = {"yes": True, "no": False}.get(data.get("overdue") or "")
        return {
            "status": data.get("status") or "",
            "agency": data.get("agency"),
            "overdue": overdue,
            "mine": bool(data.get("mine")),
        }


class ActionPlanFilterForm(forms.Form):
    search = forms.CharField(required=False, max_length=200, label="Plan title contains")
    review_due = forms.BooleanField(required=False, label="Only plans due for review")

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        return {
            "search": self.cleaned_data.get("search") or "",
            "review_due": bool(self.cleaned_data.get("review_due")),
        }
