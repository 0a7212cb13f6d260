"""core.forms: the reporting-year field and limit_choices, shared by the apps' forms."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms

from safeguarding.core.forms import ReportingYearField, limit_choices
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AreaFactory


class _YearForm(forms.Form):
    year = ReportingYearField()
    optional_year = ReportingYearField(required=False, help_text="For example, 2025-26")


def _cleaned(**data: Any) -> dict[str, Any] | forms.utils.ErrorDict:
    form = _YearForm(data=data)
    return form.cleaned_data if form.is_valid() else form.errors


@pytest.mark.parametrize("typed", ["2020-21", " 2020/21 ", "2020-2021"])
def test_reporting_year_field_cleans_each_way_of_writing_a_year(typed: str) -> None:
    assert _cleaned(year=typed) == {"year": ReportingYear(2020), "optional_year": None}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2020", "'2020' is not a reporting year: write it like 2020-21."),
        ("2020-22", "'2020-22' is not a reporting year: the years must be consecutive."),
        ("2020-2021-22", "Ensure this value has at most 9 characters (it has 12)."),
    ],
)
def test_reporting_year_field_refuses_other_text_saying_how_to_write_it(
    typed: str, message: str
) -> None:
    assert _cleaned(year=typed) == {"year": [message]}


def test_reporting_year_field_is_labelled_and_hinted() -> None:
    form = _YearForm()
    assert form.fields["year"].label == "Reporting year"
    assert form.fields["year"].help_text == "For example, 2020-21"
    assert form.fields["optional_year"].help_text == "For example, 2025-26"
    assert 'maxlength="9"' in str(form["year"])


def test_reporting_year_field_shows_a_year_given_as_initial_by_its_label() -> None:
    form = _YearForm(initial={"year": ReportingYear(2024)})
    assert 'value="2024-25"' in str(form["year"])


class _AreaForm(forms.Form):
    area = forms.ModelChoiceField(queryset=Area.objects.all())
    areas = forms.ModelMultipleChoiceField(queryset=Area.objects.all(), required=False)
    name = forms.CharField(required=False)


@pytest.mark.django_db
def test_limit_choices_offers_only_the_queryset_and_refuses_the_rest() -> None:
    kept, other = AreaFactory.create(), AreaFactory.create()
    only_kept = Area.objects.filter(pk=kept.pk)

    form = _AreaForm(data={"area": other.pk, "areas": [other.pk]})
    limit_choices(form, "area", only_kept)
    limit_choices(form, "areas", only_kept)

    area_field = form.fields["area"]
    assert isinstance(area_field, forms.ModelChoiceField)
    assert list(area_field.queryset or ()) == [kept]
    assert not form.is_valid()
    assert set(form.errors) == {"area", "areas"}
    assert _AreaForm(data={"area": other.pk}).is_valid(), "other forms keep every choice"


def test_limit_choices_refuses_a_field_without_a_queryset() -> None:
    with pytest.raises(TypeError, match="'name' is not a model choice field"):
        limit_choices(_AreaForm(), "name", Area.objects.none())
