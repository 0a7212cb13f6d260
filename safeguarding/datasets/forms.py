"""Input shapes: an import (area, period, files) and a population."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet

from safeguarding.core.forms import ReportingYearField, VersionField, limit_choices
from safeguarding.datasets.rules import ALLOWED_SUFFIXES, max_upload_bytes, parse_period
from safeguarding.partnership.models import Area


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        items = data if isinstance(data, list | tuple) else [data]
        return [single(item, initial) for item in items]


class ImportForm(forms.Form):
    area = forms.ModelChoiceField(queryset=Area.objects.none(), empty_label="Choose an area")
    period = forms.CharField(
        label="Period the return covers",
        help_text="A reporting year, for example 2020-21, or dates: 2020-04-01..2020-09-30",
        max_length=30,
    )
    return_files = MultipleFileField(
        label="Return file",
        help_text=(
            "An Annex A workbook (.xlsx), a Children in Need census (.xml), or SSDA903 tables "
            "(.csv: choose the header and episodes files together) or .xml."
        ),
    )

    def __init__(self, *args: Any, areas: QuerySet[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "area", areas)

    def clean_period(self) -> tuple[date, date]:
        try:
            return parse_period(self.cleaned_data["period"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_return_files(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["return_files"]
        for upload in files:
            name = (upload.name or "").lower()
            if not name.endswith(ALLOWED_SUFFIXES):
                raise forms.ValidationError(
                    f"{upload.name} is not a .xlsx, .xml or .csv file: choose the return itself."
                )
            if (upload.size or 0) > max_upload_bytes():
                raise forms.ValidationError(f"{upload.name} is larger than the upload limit.")
        return files


class PopulationChangeForm(forms.Form):
    children = forms.IntegerField(label="Children aged 0 to 17", min_value=1)
    source = forms.CharField(
        label="Source",
        help_text="For example, ONS mid-year estimate 2020",
        max_length=255,
    )
    version = VersionField()


class PopulationForm(forms.Form):
    area = forms.ModelChoiceField(queryset=Area.objects.none(), empty_label="Choose an area")
    year = ReportingYearField()
    children = forms.IntegerField(label="Children aged 0 to 17", min_value=1)
    source = forms.CharField(
        label="Source",
        help_text="For example, ONS mid-year estimate 2020",
        max_length=255,
    )

    def __init__(self, *args: Any, areas: QuerySet[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "area", areas)


class ImportConfirmForm(forms.Form):
    """Putting an import in use (or approving it): its warnings must have been looked at."""

    warnings_checked = forms.BooleanField(
        label="I have looked at the figures beside the figures in use and at every warning",
        required=False,
    )

    def __init__(self, *args: Any, has_warnings: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not has_warnings:
            del self.fields["warnings_checked"]


class ImportWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the import withdrawn?",
        help_text="For example, the file was for the wrong area. The reason is logged.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
