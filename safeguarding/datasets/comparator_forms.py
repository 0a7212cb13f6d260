"""Forms for comparators: one entered by hand, or the Department's CSV."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet

from safeguarding.core.forms import ReportingYearField, limit_choices
from safeguarding.core.uploads import CSV, check_upload
from safeguarding.datasets.figures import FIGURES
from safeguarding.datasets.figures_returns_2026 import LATER_FIGURES
from safeguarding.datasets.models import Comparator
from safeguarding.partnership.models import Area


def figure_choices() -> list[tuple[str, str]]:
    return [(f.key, f.label) for f in FIGURES] + [
        (key, label) for key, (label, _source) in LATER_FIGURES.items()
    ]


class ComparatorForm(forms.Form):
    figure = forms.ChoiceField(choices=figure_choices)
    year = ReportingYearField(help_text="For example, 2025-26")
    geography = forms.ChoiceField(choices=Comparator.Geography.choices)
    area = forms.ModelChoiceField(
        queryset=Area.objects.none(),
        required=False,
        empty_label="None (England)",
        help_text="The area whose region or statistical neighbours these are; none for England.",
    )
    value = forms.DecimalField(label="Rate or figure", max_digits=9, decimal_places=1, min_value=0)
    source = forms.CharField(
        help_text="Where it was published, for example DfE Children in need 2025-26, table C1",
        max_length=255,
    )

    def __init__(self, *args: Any, areas: QuerySet[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "area", areas)


class ComparatorImportForm(forms.Form):
    comparators_file = forms.FileField(
        label="Comparators CSV",
        help_text=(
            "Columns figure, year, geography, la_number, value, source. Every row is stored, or "
            "none: each problem is listed with its row and column."
        ),
    )

    def clean_comparators_file(self) -> str:
        upload: UploadedFile = self.cleaned_data["comparators_file"]
        check_upload(upload, kinds=[CSV], max_mb=settings.DATASETS_MAX_UPLOAD_MB)
        try:
            return b"".join(upload.chunks()).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                f"{upload.name} is not UTF-8 text: save it as CSV UTF-8."
            ) from exc
