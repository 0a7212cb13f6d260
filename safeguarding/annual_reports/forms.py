"""Input shapes for the annual report pages (cleaning only; services do the rest)."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.annual_reports.models import ContextFigure, EditionSection, ReportEdition
from safeguarding.annual_reports.rules import lead_partner_agencies, sign_off_agencies_for
from safeguarding.core.forms import GOVUKDateField, ReportingYearField, VersionField, limit_choices
from safeguarding.partnership.models import Agency, Area

MARKDOWN_HINT = (
    "Write in Markdown: a blank line between paragraphs, ## for a heading, - for a list, "
    "**bold**, [link text](https://...). Write a figure as {{ child_deaths.notified }}: the "
    "figure list gives every key. HTML is not allowed and is removed."
)


class EditionCreateForm(forms.Form):
    year = ReportingYearField(help_text="For example, 2020-21 (1 April to 31 March).")
    title = forms.CharField(
        max_length=200, required=False, help_text="Leave blank for “Annual report 2020-21”."
    )


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
        limit_choices(
            self, "agency", sign_off_agencies_for(user).order_by("statutory_role", "name")
        )


class SignOffRecordForm(forms.Form):
    """The business unit records a sign-off a lead partner (or their delegate) gave."""

    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        queryset=Agency.objects.none(), label="Lead safeguarding partner agency", empty_label=None
    )
    signed_by = forms.ChoiceField(
        label="Who signed it off",
        choices=[
            ("lead", "The lead safeguarding partner"),
            ("delegate", "Their delegated safeguarding partner"),
        ],
        widget=forms.RadioSelect,
        initial="lead",
    )
    signed_on = GOVUKDateField(
        label="Day they signed it off",
        help_text="For example, 27 9 2021",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", lead_partner_agencies().order_by("statutory_role", "name"))


class PublishForm(forms.Form):
    correction_note = forms.CharField(
        label="What this version corrects",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed for a correction (version 2 onwards): readers see it on the report.",
    )


class FollowUpForm(forms.Form):
    sent_to_panel_on = GOVUKDateField(
        label="Sent to the Child Safeguarding Practice Review Panel on", required=False
    )
    sent_to_foundations_on = GOVUKDateField(
        label="Sent to Foundations (What Works centre) on", required=False
    )
    version = VersionField()


class ContextFigureForm(forms.Form):
    key = forms.SlugField(
        max_length=60,
        help_text="Used in the token {{ context.KEY }}: lower case letters, digits and _.",
    )
    label = forms.CharField(
        max_length=200, help_text="For example, “Households assessed as homeless”."
    )
    area = forms.ModelChoiceField(
        queryset=Area.objects.active().order_by("name"),
        required=False,
        empty_label="The whole partnership",
    )
    period = forms.CharField(
        max_length=100, help_text="For example, “mid-2020” or “at 31 March 2021”."
    )
    value = forms.DecimalField(max_digits=14, decimal_places=2)
    unit = forms.ChoiceField(choices=ContextFigure.Unit.choices)
    source_title = forms.CharField(label="Source: title", max_length=300)
    source_publisher = forms.CharField(label="Source: publisher", max_length=200)
    source_url = forms.URLField(
        label="Source: web address", max_length=500, required=False, assume_scheme="https"
    )
    accessed_on = GOVUKDateField(label="Date accessed")
    version = VersionField(required=False)


class ContextImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: key, label, area, period, value, unit, source_title, "
        "source_publisher, source_url, accessed_on. Nothing is saved unless every row is right.",
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError("The file is larger than 1 MB.")
        content: bytes = upload.read()
        return content


class ContributionRequestForm(forms.Form):
    section = forms.ModelChoiceField(queryset=EditionSection.objects.none(), empty_label=None)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.active().order_by("-statutory_partner", "name"),
        help_text="Its safeguarding lead writes the contribution.",
    )
    title = forms.CharField(max_length=200, help_text="For example, “The police's year”.")
    brief = forms.CharField(
        label="What to write about",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    due_on = GOVUKDateField(label="Deadline")

    def __init__(self, *args: Any, edition: ReportEdition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "section", edition.sections.order_by("position", "id"))
        contributions = edition.sections.filter(key="contributions").first()
        if contributions is not None:
            self.initial.setdefault("section", contributions.pk)


class ContributionForm(forms.Form):
    body = forms.CharField(
        label="Contribution",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=MARKDOWN_HINT,
    )
    version = VersionField()


class ContributionReturnForm(forms.Form):
    comments = forms.CharField(
        label="What needs to change?", widget=forms.Textarea(attrs={"rows": 4})
    )


class ScrutineerPartForm(forms.Form):
    title = forms.CharField(max_length=300)
    body = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=MARKDOWN_HINT,
    )
    version = VersionField()
