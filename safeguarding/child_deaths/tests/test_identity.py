"""The pure rules: NHS number check digit, name matching, age bands at their boundaries and
review timeliness bands."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from safeguarding.child_deaths import identity
from safeguarding.child_deaths.models import AgeBand


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("9434765919", True),  # the NHS's published worked example
        ("943 476 5919", True),
        ("943-476-5919", True),
        ("9434765918", False),  # wrong check digit
        ("943476591", False),  # nine digits
        ("94347659190", False),  # eleven digits
        ("94347659AB", False),
        ("", False),
    ],
)
def test_nhs_number_validity(number: str, valid: bool) -> None:
    assert identity.nhs_number_is_valid(number) is valid


def test_nhs_check_digit_eleven_becomes_zero() -> None:
    # 999000019: 9*10+9*9+9*8 + 1*3 + 9*2 = 90+81+72+3+18 = 264 = 11*24 -> 11 - 0 = 11 -> 0
    assert identity.nhs_check_digit("999000019") == 0
    assert identity.nhs_number_is_valid("9990000190")


def test_nhs_check_digit_ten_means_no_valid_number() -> None:
    first_nine = next(
        f"999{n:06d}" for n in range(1000) if identity.nhs_check_digit(f"999{n:06d}") is None
    )
    total = sum(int(d) * w for d, w in zip(first_nine, identity.NHS_WEIGHTS, strict=True))
    assert 11 - total % 11 == 10
    assert not any(identity.nhs_number_is_valid(f"{first_nine}{d}") for d in range(10))


def test_name_normalise_ignores_case_accents_punctuation_and_spaces() -> None:
    assert identity.name_normalise("  zoë   o'neil-smith ") == "ZOE ONEILSMITH"


def test_name_similarity_tolerates_a_typing_slip_but_not_a_different_name() -> None:
    assert identity.name_similarity("Ashley Testchild", "Ashleigh Testchild") >= 0.85
    assert identity.name_similarity("Testchild Ashley", "Ashley Testchild") == 1.0
    assert identity.name_similarity("Ashley Testchild", "Morgan Otherchild") < 0.85


BORN = date(2020, 3, 1)  # after 29 February 2020, so the first year has 365 days


@pytest.mark.parametrize(
    ("died", "band"),
    [
        (BORN, AgeBand.NEONATAL),
        (BORN + timedelta(days=27), AgeBand.NEONATAL),
        (BORN + timedelta(days=28), AgeBand.INFANT),
        (BORN + timedelta(days=364), AgeBand.INFANT),
        (BORN + timedelta(days=365), AgeBand.ONE_TO_FOUR),
        (date(2025, 2, 28), AgeBand.ONE_TO_FOUR),
        (date(2025, 3, 1), AgeBand.FIVE_TO_NINE),
        (date(2030, 3, 1), AgeBand.TEN_TO_FOURTEEN),
        (date(2035, 3, 1), AgeBand.FIFTEEN_TO_SEVENTEEN),
        (date(2038, 2, 28), AgeBand.FIFTEEN_TO_SEVENTEEN),  # the day before the 18th birthday
        (date(2038, 3, 1), None),  # the 18th birthday: not a child
    ],
)
def test_age_band_boundaries(died: date, band: AgeBand | None) -> None:
    assert identity.age_band(BORN, died) == band


def test_age_band_leap_day_birthday_turns_one_on_first_of_march() -> None:
    born = date(2020, 2, 29)
    assert identity.age_band(born, date(2021, 2, 28)) == AgeBand.INFANT
    assert identity.age_band(born, date(2021, 3, 1)) == AgeBand.ONE_TO_FOUR


@pytest.mark.parametrize(
    ("completed", "band"),
    [
        (date(2020, 1, 15), "within_6"),
        (date(2020, 7, 15), "within_6"),  # exactly 6 months
        (date(2020, 7, 16), "6_to_12"),
        (date(2021, 1, 15), "6_to_12"),  # exactly 12 months
        (date(2021, 1, 16), "over_12"),
    ],
)
def test_timeliness_band_boundaries(completed: date, band: str) -> None:
    assert identity.timeliness_band(date(2020, 1, 15), completed) == band


def test_timeliness_band_month_end_death() -> None:
    # Six months after 31 August is 28 February (the month's last day).
    assert identity.timeliness_band(date(2020, 8, 31), date(2021, 2, 28)) == "within_6"
    assert identity.timeliness_band(date(2020, 8, 31), date(2021, 3, 1)) == "6_to_12"


def test_months_between_counts_whole_months() -> None:
    assert identity.months_between(date(2020, 1, 15), date(2020, 7, 14)) == 5
    assert identity.months_between(date(2020, 1, 15), date(2020, 7, 15)) == 6
