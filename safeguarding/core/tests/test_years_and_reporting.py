from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from safeguarding.core.reporting import percent
from safeguarding.core.years import ReportingYear, year_label_checked


@pytest.mark.parametrize("label", ["2020-21", "2020/21", "2020-2021", " 2020-21 "])
def test_reporting_year_parses_common_spellings(label: str) -> None:
    year = ReportingYear.parse(label)
    assert year.start == date(2020, 4, 1)
    assert year.end == date(2021, 3, 31)
    assert year.label == "2020-21"


@pytest.mark.parametrize("label", ["2020", "2020-22", "twenty", "2021-20"])
def test_reporting_year_rejects_what_is_not_a_year(label: str) -> None:
    with pytest.raises(ValueError, match="reporting year"):
        ReportingYear.parse(label)


@pytest.mark.parametrize("text", ["2020-21", "2020/21", "2020-2021", " 2020/2021 "])
def test_a_typed_year_is_kept_as_its_label(text: str) -> None:
    assert year_label_checked(text) == "2020-21"


@pytest.mark.parametrize("text", ["2020", "20-21", "2020-22", ""])
def test_a_typed_year_that_is_not_one_is_an_error_on_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        year_label_checked(text, field="reporting_year")
    assert list(raised.value.message_dict) == ["reporting_year"]
    assert "is not a reporting year" in raised.value.message_dict["reporting_year"][0]


def test_reporting_year_boundaries() -> None:
    assert ReportingYear.containing(date(2021, 3, 31)).label == "2020-21"
    assert ReportingYear.containing(date(2021, 4, 1)).label == "2021-22"
    assert ReportingYear(1999).label == "1999-00"
    assert ReportingYear(2020).previous.label == "2019-20"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(9, 40, 23), (25, 40, 63), (6, 40, 15), (1, 8, 13), (1, 3, 33), (2, 3, 67), (0, 5, 0)],
)
def test_percent_rounds_half_up_like_the_seed_report(part: int, whole: int, expected: int) -> None:
    assert percent(part, whole) == expected


def test_percent_of_nothing_is_none() -> None:
    assert percent(0, 0) is None
