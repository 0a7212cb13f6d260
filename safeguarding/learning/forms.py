"""Input shapes for the theme pages and the learning search."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from safeguarding.core.forms import VersionField
from safeguarding.core.years import ReportingYear
from safeguarding.learning.models import LearningPoint, Theme

_YEARS_OFFERED = 8


class ThemeForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="Use sentence case, for example Neglect.")
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What the theme covers, to help people choose it.",
    )


class ThemeRenameForm(forms.Form):
    new_name = forms.CharField(label="New name", max_length=100)
    version = VersionField()


def _year_choices() -> list[tuple[str, str]]:
    current = ReportingYear.containing(timezone.localdate())
    years = [ReportingYear(current.start_year - i) for i in range(_YEARS_OFFERED)]
    return [("", "All years"), *[(y.label, y.label) for y in years]]


class LearningSearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search learning",
        help_text="Words in the title or summary.",
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All themes",
    )
    source_kind = forms.ChoiceField(
        choices=[("", "All sources"), *LearningPoint.SourceKind.choices],
        required=False,
        label="Source",
    )
    year = forms.ChoiceField(choices=(), required=False, label="Reporting year")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices()  # type: ignore[attr-defined]

    def clean_year(self) -> ReportingYear | None:
        label = self.cleaned_data.get("year") or ""
        return ReportingYear.parse(label) if label else None

    def filters(self) -> dict[str, Any]:
        """The selector keyword arguments for the valid part of the search."""
        self.is_valid()  # runs cleaning; invalid fields are left out of cleaned_data
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        return {
            "search": data.get("q") or "",
            "theme": data.get("theme"),
            "source_kind": data.get("source_kind") or "",
            "year": data.get("year"),
        }
