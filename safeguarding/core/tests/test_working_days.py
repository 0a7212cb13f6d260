from __future__ import annotations

from datetime import date

import pytest

from safeguarding.core.working_days import (
    add_working_days,
    bank_holidays,
    is_working_day,
    subtract_working_days,
    working_days_between,
)


def test_bank_holidays_come_from_the_calendar_library_for_any_year() -> None:
    assert date(2021, 4, 2) in bank_holidays(2021)  # Good Friday 2021
    assert date(2021, 4, 5) in bank_holidays(2021)  # Easter Monday 2021
    assert date(2030, 12, 25) in bank_holidays(2030)
    weekday_holidays = [d for d in bank_holidays(2023) if d.weekday() < 5]
    assert len(weekday_holidays) == 9  # includes the coronation bank holiday, 8 May 2023
    assert date(2023, 5, 8) in weekday_holidays


def test_weekends_and_bank_holidays_are_not_working_days() -> None:
    assert is_working_day(date(2021, 4, 1))  # Thursday before Easter
    assert not is_working_day(date(2021, 4, 2))  # Good Friday
    assert not is_working_day(date(2021, 4, 3))  # Saturday
    assert not is_working_day(date(2021, 4, 5))  # Easter Monday


def test_five_working_days_from_the_thursday_before_easter_skips_the_long_weekend() -> None:
    # Day 1 is Tuesday 6 April 2021 (Fri 2 and Mon 5 April are bank holidays).
    assert add_working_days(date(2021, 4, 1), 5) == date(2021, 4, 12)


def test_fifteen_working_days_over_christmas() -> None:
    # Counted by hand: 21-24 Dec (4); 27 and 28 Dec are substitute Christmas and Boxing Days;
    # 29-31 Dec (7); 3 Jan is the substitute New Year's Day; 4-7 Jan (11); 10-13 Jan (15).
    assert add_working_days(date(2021, 12, 20), 15) == date(2022, 1, 13)


def test_zero_working_days_is_the_start_date() -> None:
    assert add_working_days(date(2021, 4, 3), 0) == date(2021, 4, 3)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2021, 4, 1), -1)


def test_subtract_is_the_inverse_of_add_on_working_days() -> None:
    assert subtract_working_days(date(2021, 4, 12), 5) == date(2021, 4, 1)


def test_working_days_between_counts_after_start_up_to_end() -> None:
    assert working_days_between(date(2021, 4, 1), date(2021, 4, 12)) == 5
    assert working_days_between(date(2021, 4, 12), date(2021, 4, 1)) == 0
