"""Input for legal holds and the subject access search."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.core.forms import GOVUKDateField


class LegalHoldPlaceForm(forms.Form):
    record_type = forms.ChoiceField(
        label="Type of record",
        error_messages={"required": "Select the type of record."},
    )
    object_id = forms.IntegerField(
        label="Record number",
        min_value=1,
        help_text="The number shown in the record's address, for example 42 in /training/42/.",
        error_messages={"required": "Enter the record number."},
    )
    reason = forms.CharField(
        label="Why is it held?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: a claim, an inquiry, a request from the coroner or the police.",
        error_messages={"required": "Enter why the record is held."},
    )
    review_on = GOVUKDateField(
        label="Review date", error_messages={"required": "Enter the date to review the hold."}
    )

    def __init__(self, *args: Any, record_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["record_type"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Select a type"), *record_types]


class LegalHoldReleaseForm(forms.Form):
    reason = forms.CharField(
        label="Why is the hold released?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the hold is released."},
    )


class PersonFindForm(forms.Form):
    email = forms.CharField(label="E-mail address (or part of it)", max_length=254)
