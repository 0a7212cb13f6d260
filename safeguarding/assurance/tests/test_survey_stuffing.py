"""Issues #12 and #15: surveys that cannot be stuffed, keeping anonymity (a honeypot, single-use
links per invited group, answers per hour with bursts excluded from every figure), and the
children's pages (never cached, no Shift sentence, Back shows no answers)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.assurance import reporting, selectors, services, verbs
from safeguarding.assurance.forms import SURVEY_HONEYPOT
from safeguarding.assurance.models import Response, Survey, SurveyLink
from safeguarding.assurance.tests.factories import open_survey
from safeguarding.core.years import ReportingYear

pytestmark = pytest.mark.django_db
NOON = dt.datetime(2020, 11, 2, 12, 5, tzinfo=dt.UTC)


def _url(survey: Survey, link: str = "") -> str:
    url = reverse("assurance:survey_answer", args=[survey.public_id])
    return f"{url}?link={link}" if link else url


def _answer(survey: Survey, value: str, at: dt.datetime, comment: str = "") -> Response:
    return services.survey_answer(
        survey=survey, answers={"seen": value, "comment": comment}, now=at
    )


# --- the children's pages ------------------------------------------------------------------


@time_machine.travel(NOON, tick=False)
def test_survey_pages_are_never_cached(client: Client) -> None:
    survey = open_survey(is_sensitive=True)
    assert "no-store" in client.get(_url(survey))["Cache-Control"]
    assert "no-store" in client.post(_url(survey), {})["Cache-Control"]  # errors shown
    thanks = reverse("assurance:survey_thanks", args=[survey.public_id])
    assert "no-store" in client.get(thanks)["Cache-Control"]


@time_machine.travel(NOON, tick=False)
def test_back_after_sending_shows_no_answers(client: Client) -> None:
    survey = open_survey(is_sensitive=True)
    response = client.post(_url(survey), {"seen": "Yes", "comment": "SECRET-WORDS-HERE"})
    assert response.status_code == 302
    again = client.get(_url(survey)).content.decode()
    assert "SECRET-WORDS-HERE" not in again
    assert "checked" not in again
    # The browser must not restore the answers either (Chrome restores form state on Back
    # unless the controls say autocomplete="off").
    controls = re.findall(r"<(?:input|textarea)[^>]*>", again)
    answers = [c for c in controls if 'name="seen"' in c or 'name="comment"' in c]
    assert len(answers) == 4  # three options and the comment
    assert all('autocomplete="off"' in c for c in answers)
    assert not client.session.keys()


@time_machine.travel(NOON, tick=False)
def test_no_shift_key_sentence_and_exit_button_is_in_the_main_content(client: Client) -> None:
    survey = open_survey(is_sensitive=True)
    for url in (_url(survey), reverse("assurance:survey_thanks", args=[survey.public_id])):
        page = client.get(url).content.decode()
        assert "Shift" not in page
        before_main, main = page.split('id="main-content">', 1)
        # In <main> (a tall container), so position: sticky keeps it in view; not in a
        # wrapper of its own height before the header.
        assert 'class="govuk-exit-this-page"' in main
        assert 'class="govuk-exit-this-page"' not in before_main


# --- honeypot ------------------------------------------------------------------------------


@time_machine.travel(NOON, tick=False)
def test_honeypot_answer_is_dropped_with_the_same_thanks(client: Client) -> None:
    survey = open_survey()
    page = client.get(_url(survey)).content.decode()
    assert f'name="{SURVEY_HONEYPOT}"' in page
    assert 'class="app-honeypot" aria-hidden="true"' in page
    robot = client.post(_url(survey), {"seen": "Yes", SURVEY_HONEYPOT: "bot@example.org"})
    person = client.post(_url(survey), {"seen": "No"})
    assert robot.status_code == person.status_code == 302
    assert robot["Location"] == person["Location"]
    assert list(Response.objects.values_list("answers__value", flat=True)) == ["No"]


# --- single-use links ----------------------------------------------------------------------


@time_machine.travel(NOON, tick=False)
def test_single_use_links_answer_once_each(client: Client, officer) -> None:
    survey = open_survey()
    links = services.survey_links_issue(actor=officer, survey=survey, group="Year 9", count=3)
    survey.refresh_from_db()
    assert survey.invited_only
    # Without a link, or with a made-up one, nobody can answer.
    assert client.get(_url(survey)).status_code == 403
    assert client.get(_url(survey, "made-up")).status_code == 403
    first = links[0].token
    assert client.post(_url(survey, first), {"seen": "Yes"}).status_code == 302
    assert client.post(_url(survey, first), {"seen": "Yes"}).status_code == 403
    assert client.post(_url(survey, links[1].token), {"seen": "No"}).status_code == 302
    assert Response.objects.count() == 2
    # A link stores nothing about the person and is not tied to the answer.
    assert {f.name for f in SurveyLink._meta.get_fields()} >= {"group", "token", "is_used"}
    assert not {"response", "ip_address", "used_at"} & {
        f.name for f in SurveyLink._meta.get_fields()
    }
    assert selectors.survey_link_groups(survey=survey) == [
        {"group": "Year 9", "issued": 3, "used": 2}
    ]
    event = ActivityEvent.objects.get(verb=verbs.SURVEY_LINKS_ISSUED)
    assert event.data == {"group": "Year 9", "count": 3}


@time_machine.travel(NOON, tick=False)
def test_a_link_is_not_used_up_by_an_incomplete_answer(client: Client, officer) -> None:
    survey = open_survey()
    [link] = services.survey_links_issue(actor=officer, survey=survey, group="G", count=1)
    assert client.post(_url(survey, link.token), {}).status_code == 200
    link.refresh_from_db()
    assert not link.is_used


@time_machine.travel(NOON, tick=False)
def test_links_download_has_one_link_a_row(client: Client, officer) -> None:
    survey = open_survey()
    services.survey_links_issue(actor=officer, survey=survey, group="=Year 9", count=2)
    client.force_login(officer)
    url = reverse("assurance:survey_links_export", args=[survey.pk]) + "?group=%3DYear+9"
    stream = client.get(url).streaming_content  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(b"".join(stream).decode())))
    assert len(rows) == 3
    assert rows[1][0] == "'=Year 9"
    assert "?link=" in rows[1][1]


# --- bursts --------------------------------------------------------------------------------


def test_bursts_are_flagged_and_excluded_from_every_figure(
    client: Client, officer, settings
) -> None:
    settings.SURVEY_BURST_PER_HOUR = 6
    survey = open_survey()
    # By hand: 6 people at 9am (3 Yes, 3 No) answer properly; 8 "Yes" arrive at 2pm (a burst).
    nine = dt.datetime(2020, 11, 2, 9, 10, tzinfo=dt.UTC)
    two = dt.datetime(2020, 11, 2, 14, 1, tzinfo=dt.UTC)
    for value in ["Yes", "No"] * 3:
        _answer(survey, value, nine, comment="ok")
    for _ in range(8):
        _answer(survey, "Yes", two, comment="=STUFFED")
    hours = selectors.survey_answers_per_hour(survey=survey)
    assert [(h.hour.hour, h.answers, h.is_burst) for h in hours] == [(14, 8, True), (9, 6, False)]

    client.force_login(officer)
    page = client.get(reverse("assurance:survey_hours", args=[survey.pk])).content.decode()
    exclude_url = reverse("assurance:survey_burst_exclude", args=[survey.pk, "2020110214"])
    assert exclude_url in page
    assert "Burst" in page
    assert client.post(exclude_url, {"reason": ""}).status_code == 200  # a reason is needed
    response = client.post(exclude_url, {"reason": "Eight identical answers in a minute"})
    assert response.status_code == 302

    # Kept, not counted.
    assert Response.objects.filter(survey=survey).count() == 14
    assert selectors.survey_respondents(survey=survey) == 6
    results = {r.key: r for r in selectors.survey_results(survey=survey)}
    assert [(o.label, o.count, o.percent) for o in results["seen"].options] == [
        ("Yes", 3, 50),
        ("No", 3, 50),
        ("Not sure", 0, 0),
    ]
    assert "=STUFFED" not in results["comment"].comments
    header, rows = selectors.survey_export_rows(survey=survey)
    assert len(rows) == 6
    assert all("=STUFFED" not in row for row in rows)
    [listed] = selectors.survey_list_for_user(user=officer).filter(pk=survey.pk)
    assert listed.respondents == 6  # type: ignore[attr-defined]
    figures = {
        f.title: f for f in reporting.survey_figures(ReportingYear.containing(survey.closes_on))
    }
    assert figures[survey.title].respondents == 6
    [finding] = figures[survey.title].key_findings
    assert finding.percent == 50
    detail = client.get(reverse("assurance:survey_detail", args=[survey.pk])).content.decode()
    assert '<dd class="govuk-summary-list__value" id="respondents">6<br>' in detail

    # Who and why, logged without any answer.
    event = ActivityEvent.objects.get(verb=verbs.SURVEY_ANSWERS_EXCLUDED)
    assert event.actor == officer
    assert event.data == {
        "hour": "2020-11-02T14:00:00+00:00",
        "answers": 8,
        "reason": "Eight identical answers in a minute",
    }
    page = client.get(reverse("assurance:survey_hours", args=[survey.pk])).content.decode()
    assert "Eight identical answers in a minute" in page
    assert exclude_url not in page


def test_only_staff_who_manage_assurance_may_exclude(client: Client, make_user) -> None:
    from safeguarding.accounts.roles import Role

    survey = open_survey()
    _answer(survey, "Yes", NOON)
    board = make_user(Role.BOARD_MEMBER)
    client.force_login(board)
    url = reverse("assurance:survey_burst_exclude", args=[survey.pk, "2020110212"])
    assert client.post(url, {"reason": "x"}).status_code in (403, 404)
    assert not Response.objects.filter(exclusion__isnull=False).exists()


# --- rate limit ----------------------------------------------------------------------------


def test_twelve_answers_from_one_client_in_two_seconds_are_refused_after_the_limit(
    client: Client, settings
) -> None:
    settings.RATE_LIMIT_SURVEY = 5
    with time_machine.travel(NOON, tick=False) as traveller:
        survey = open_survey()
        statuses = []
        for number in range(12):
            response = client.post(
                _url(survey),
                {"seen": "Yes", "comment": f"answer {number}"},
                REMOTE_ADDR="203.0.113.50",
                HTTP_USER_AGENT="SyntheticBot/1.0",
            )
            statuses.append(response.status_code)
            traveller.shift(0.15)  # twelve posts in under two seconds

        assert statuses == [302] * 5 + [429] * 7
        page = response.content.decode()
        assert "Too many attempts" in page
        assert "Nothing you sent this time has been saved" in page
        assert "no-store" in response["Cache-Control"]
        # Only the accepted five are stored; nothing about the client is.
        assert Response.objects.filter(survey=survey).count() == 5
        stored = str(list(Response.objects.values())) + str(list(ActivityEvent.objects.values()))
        assert "203.0.113.50" not in stored
        assert "SyntheticBot" not in stored

        # Another client is still accepted, and so is this client on another survey.
        other = client.post(
            _url(survey), {"seen": "No"}, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Phone/2"
        )
        assert other.status_code == 302
        second = open_survey()
        again = client.post(
            _url(second),
            {"seen": "No"},
            REMOTE_ADDR="203.0.113.50",
            HTTP_USER_AGENT="SyntheticBot/1.0",
        )
        assert again.status_code == 302
        assert Response.objects.filter(survey=survey).count() == 6


def test_the_limit_ends_with_its_window(client: Client, settings) -> None:
    settings.RATE_LIMIT_SURVEY = 1
    settings.RATE_LIMIT_WINDOW_SECONDS = 60
    with time_machine.travel(NOON, tick=False) as traveller:
        survey = open_survey()
        assert client.post(_url(survey), {"seen": "Yes"}).status_code == 302
        assert client.post(_url(survey), {"seen": "Yes"}).status_code == 429
        traveller.shift(61)  # the window is over: the counter has left the cache
        assert client.post(_url(survey), {"seen": "Yes"}).status_code == 302
    assert Response.objects.filter(survey=survey).count() == 2
