"""The GOV.UK date input (core.forms.GOVUKDateField / GOVUKDateTimeField) and the one display
format for dates and times (govuk_date, govuk_time, govuk_datetime)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import Context, Template

from safeguarding.core.forms import GOVUKDateField, GOVUKDateTimeField
from safeguarding.core.templatetags.govuk import govuk_date, govuk_datetime, govuk_time

LONDON = ZoneInfo("Europe/London")


class BirthForm(forms.Form):
    date_of_birth = GOVUKDateField(label="Date of birth")
    left_on = GOVUKDateField(label="Date they left", required=False)


class MeetingForm(forms.Form):
    starts_at = GOVUKDateTimeField(label="Start of the meeting")


def _boxes(
    name: str, day: str = "", month: str = "", year: str = "", **more: str
) -> dict[str, str]:
    data = {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}
    data.update({f"{name}-{key}": value for key, value in more.items()})
    return data


def test_date_from_three_boxes() -> None:
    form = BirthForm(_boxes("date_of_birth", "24", "12", "2026"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == date(2026, 12, 24)
    assert form.cleaned_data["left_on"] is None


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter date of birth"),
        ("24", "", "2026", "Date of birth must include a month"),
        ("", "", "2026", "Date of birth must include a day and month"),
        ("24", "12", "", "Date of birth must include a year"),
        ("31", "2", "2026", "Date of birth must be a real date"),
        ("1", "x", "2026", "Date of birth must be a real date"),
        ("1", "2", "26", "Year must include 4 numbers"),
    ],
)
def test_date_errors_name_the_field_and_say_how_to_fix(
    day: str, month: str, year: str, message: str
) -> None:
    form = BirthForm(_boxes("date_of_birth", day, month, year))
    assert not form.is_valid()
    assert form.errors["date_of_birth"] == [message]


def test_date_input_renders_three_labelled_boxes_in_a_fieldset_and_keeps_what_was_typed() -> None:
    form = BirthForm(_boxes("date_of_birth", "24", "", "2026"))
    form.is_valid()
    html = Template("{{ form }}{% error_summary form %}").render(Context({"form": form}))
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date of birth' in html
    for part in ("day", "month", "year"):
        assert f'name="date_of_birth-{part}"' in html
        assert f'for="id_date_of_birth-{part}"' in html
    assert 'value="24"' in html
    assert 'value="2026"' in html
    # the month box is marked, and the error summary links to it
    assert 'govuk-input--width-2 govuk-input--error" id="id_date_of_birth-month"' in html
    assert 'href="#id_date_of_birth-month"' in html


def test_date_input_shows_an_initial_date() -> None:
    form = BirthForm(initial={"date_of_birth": date(2026, 3, 18)})
    html = str(form["date_of_birth"])
    assert 'value="18"' in html
    assert 'value="3"' in html
    assert 'value="2026"' in html


@pytest.mark.parametrize(
    ("hour", "minute", "ampm", "expected"),
    [
        ("9", "40", "am", time(9, 40)),
        ("9", "40", "pm", time(21, 40)),
        ("12", "00", "pm", time(12, 0)),
        ("12", "00", "am", time(0, 0)),
        ("14", "30", "", time(14, 30)),
        ("09", "30", "", time(9, 30)),
        ("0", "15", "", time(0, 15)),
    ],
)
def test_date_and_time_on_the_12_or_24_hour_clock(
    settings, hour: str, minute: str, ampm: str, expected: time
) -> None:
    form = MeetingForm(_boxes("starts_at", "18", "3", "2026", hour=hour, minute=minute, ampm=ampm))
    assert form.is_valid(), form.errors
    value = form.cleaned_data["starts_at"]
    assert value.tzinfo is not None
    assert value.astimezone(LONDON).time() == expected
    assert value.astimezone(LONDON).date() == date(2026, 3, 18)


@pytest.mark.parametrize(
    ("hour", "minute", "ampm", "message"),
    [
        ("", "30", "am", "Start of the meeting must include an hour"),
        ("9", "", "am", "Start of the meeting must include a minute"),
        ("", "", "", "Start of the meeting must include a time"),
        ("9", "30", "", "Start of the meeting must say am or pm, or use the 24-hour clock"),
        ("13", "30", "pm", "Start of the meeting hour must be between 1 and 12 with am or pm"),
        ("9", "75", "am", "Start of the meeting minute must be between 0 and 59"),
        ("25", "00", "", "Start of the meeting hour must be between 0 and 23"),
    ],
)
def test_time_errors(hour: str, minute: str, ampm: str, message: str) -> None:
    form = MeetingForm(_boxes("starts_at", "18", "3", "2026", hour=hour, minute=minute, ampm=ampm))
    assert not form.is_valid()
    assert str(form.errors["starts_at"][0]).startswith(message)


def test_one_display_format_for_dates_and_times() -> None:
    moment = datetime(2026, 12, 24, 9, 40, tzinfo=LONDON)
    assert govuk_date(date(2026, 12, 24)) == "24 December 2026"
    assert govuk_date(moment) == "24 December 2026"
    assert govuk_time(moment) == "9:40am"
    assert govuk_time(time(17, 5)) == "5:05pm"
    assert govuk_time(time(12, 0)) == "midday"
    assert govuk_time(time(0, 0)) == "midnight"
    assert govuk_datetime(moment) == "24 December 2026 at 9:40am"
    rendered = Template("{{ when|govuk_date }} {{ when|govuk_time }}").render(
        Context({"when": moment})
    )
    assert rendered == "24 December 2026 9:40am"
