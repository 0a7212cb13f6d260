"""Input shapes for the annual report pages (cleaning only; services do the rest)."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.annual_reports.rules import sign_off_agencies_for
from safeguarding.core.forms import DateInput, VersionField
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency

MARKDOWN_HINT = (
    "Write in Markdown: a blank line between paragraphs, ## for a heading, - for a list, "
    "**bold**, [link text](https://...). Write a figure as {{ child_deaths.notified }}: the "
    "figure list gives every key. HTML is not allowed and is removed."
)


class EditionCreateForm(forms.Form):
    year = forms.CharField(
        label="Reporting year",
        max_length=9,
        help_text="For example, 2020-21 (1 April to 31 March).",
    )
    title = forms.CharField(
        max_length=200, required=False, help_text="Leave blank for “Annual report 2020-21”."
    )

    def clean_year(self) -> ReportingYear:
        try:
            return ReportingYear.parse(self.cleaned_data["year"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


class EditionUpdateForm(forms.Form):
    title = forms.CharField(max_length=200)
    young_people_summary = forms.CharField(
        label="Children and young people's summary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="A short, plain-words summary for children and young people, published beside "
        "the report. " + MARKDOWN_HINT,
    )
    version = VersionField()


class SectionForm(forms.Form):
    title = forms.CharField(max_length=200)
    module_section = forms.ChoiceField(
        label="Computed section",
        required=False,
        help_text="A module's figures and tables, shown after the narrative.",
    )
    hidden = forms.BooleanField(
        required=False, label="Hide this section (it is kept but not published)"
    )
    body = forms.CharField(
        label="Narrative",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=MARKDOWN_HINT,
    )
    version = VersionField(required=False)

    def __init__(self, *args: Any, module_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["module_section"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = module_choices


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="What needs to change?", widget=forms.Textarea(attrs={"rows": 4})
    )


class SignOffForm(forms.Form):
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        label="Signing off for",
        empty_label=None,
        help_text="You sign off as the safeguarding lead of this statutory partner.",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sign_off_agencies_for(user).order_by("statutory_role", "name")


class PublishForm(forms.Form):
    correction_note = forms.CharField(
        label="What this version corrects",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed for a correction (version 2 onwards): readers see it on the report.",
    )


class FollowUpForm(forms.Form):
    sent_to_panel_on = forms.DateField(
        label="Sent to the Child Safeguarding Practice Review Panel on",
        required=False,
        widget=DateInput(),
    )
    sent_to_foundations_on = forms.DateField(
        label="Sent to Foundations (What Works centre) on", required=False, widget=DateInput()
    )
    version = VersionField()
