"""Input shapes for the theme pages and the learning search."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from safeguarding.core.forms import VersionField, limit_choices
from safeguarding.core.years import ReportingYear
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.partnership.models import Agency, Area

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


class ThemeChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A theme, labelled with how much learning the person can see under it when the
    queryset carries `point_count` (selectors.theme_list_with_usage)."""

    def label_from_instance(self, obj: Any) -> str:
        count = getattr(obj, "point_count", None)
        return obj.name if count is None else f"{obj.name} ({count})"


class LearningSearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search learning",
        help_text="Words in the title, summary, source or themes, for example neglect.",
    )
    theme = ThemeChoiceField(
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All themes",
    )
    source_kind = forms.ChoiceField(
        choices=[("", "All types"), *LearningPoint.SourceKind.choices],
        required=False,
        label="Type of review or source",
    )
    year = forms.ChoiceField(choices=(), required=False, label="Reporting year")
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.order_by("name"), required=False, empty_label="All agencies"
    )
    area = forms.ModelChoiceField(
        queryset=Area.objects.order_by("name"), required=False, empty_label="All areas"
    )

    def __init__(self, *args: Any, themes: Any = None, **kwargs: Any) -> None:
        """`themes`: the theme choices (pass selectors.theme_list_with_usage(user=...) so each
        is labelled with the learning that person can see under it)."""
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices()  # type: ignore[attr-defined]
        if themes is not None:
            limit_choices(self, "theme", themes)

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
            "agency": data.get("agency"),
            "area": data.get("area"),
        }


def _all_year_choices() -> list[tuple[str, str]]:
    current = ReportingYear.containing(timezone.localdate())
    years = [ReportingYear(current.start_year - i) for i in range(_TREND_YEARS_OFFERED)]
    return [(y.label, y.label) for y in years]


_TREND_YEARS_OFFERED = 15


class TrendForm(forms.Form):
    """The span of reporting years the trend covers (at most 10)."""

    start = forms.ChoiceField(choices=(), required=False, label="From")
    end = forms.ChoiceField(choices=(), required=False, label="To")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].choices = [  # type: ignore[attr-defined]
                ("", "Automatic"),
                *_all_year_choices(),
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            first, last = ReportingYear.parse(start), ReportingYear.parse(end)
            if first > last:
                raise forms.ValidationError("The first year must be before the last year.")
            if last.start_year - first.start_year >= _MAX_TREND_YEARS:
                raise forms.ValidationError(
                    f"Choose at most {_MAX_TREND_YEARS} years so the chart stays readable."
                )
        return data

    def years(self, *, earliest: ReportingYear | None) -> list[ReportingYear]:
        """The chosen years; without a valid choice, from the earliest year with learning (or
        the last 5 years) up to this year, at most 10."""
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {}) if not self.errors else {}
        current = ReportingYear.containing(timezone.localdate())
        last = ReportingYear.parse(data["end"]) if data.get("end") else current
        if data.get("start"):
            first = ReportingYear.parse(data["start"])
        else:
            first = earliest if earliest is not None else ReportingYear(last.start_year - 4)
        first = max(first, ReportingYear(last.start_year - _MAX_TREND_YEARS + 1))
        first = min(first, last)
        return [ReportingYear(y) for y in range(first.start_year, last.start_year + 1)]


_MAX_TREND_YEARS = 10
