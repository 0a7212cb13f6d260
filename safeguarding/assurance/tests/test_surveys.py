"""Surveys: anonymous answering (no stored identifier or address), small-number suppression,
closed surveys and the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.assurance import selectors, services, verbs
from safeguarding.assurance.models import Answer, Response, Survey
from safeguarding.assurance.tests.factories import open_survey

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 11, 2)


def _answer_url(survey: Survey) -> str:
    return reverse("assurance:survey_answer", args=[survey.public_id])


@time_machine.travel(dt.datetime(2020, 11, 2, 10, 37, 12, tzinfo=dt.UTC), tick=False)
def test_anonymous_answer_stores_no_identifier_or_address(client) -> None:
    survey = open_survey()

    response = client.post(
        _answer_url(survey),
        {"seen": "Yes", "comment": "Posters in the lunch hall."},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="SyntheticPhone/1.0",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("assurance:survey_thanks", args=[survey.public_id])
    stored = Response.objects.get()
    # The response row has no account, address, session or agent field at all.
    field_names = {f.name for f in Response._meta.get_fields()}
    assert field_names == {
        "id",
        "form_version",
        "survey",
        "submitted_on",
        "received_hour",
        "exclusion",
        "answers",
        "audit_case",
        "commentary",
    }
    # Only the day and the clock hour are kept (to spot bursts), no minute or second that
    # could be matched against an access log.
    assert stored.submitted_on == dt.date(2020, 11, 2)
    assert stored.received_hour == dt.datetime(2020, 11, 2, 10, tzinfo=dt.UTC)
    assert stored.survey == survey
    row_text = " ".join(str(v) for v in Response.objects.values().get().values())
    answer_text = " ".join(str(v) for a in Answer.objects.values() for v in a.values())
    for text in (row_text, answer_text):
        assert "203.0.113.7" not in text
        assert "SyntheticPhone" not in text
    # No activity event per answer: its time to the second would de-anonymise the answer.
    assert not ActivityEvent.objects.filter(verb=verbs.SURVEY_ANSWERED).exists()
    # Nothing about the response is recorded elsewhere in the trail with an address.
    assert not ActivityEvent.objects.filter(ip_address="203.0.113.7").exists()
    # No session is created for the respondent (only the CSRF cookie may be set).
    assert "sessionid" not in response.cookies


@time_machine.travel(dt.datetime(2020, 11, 2, 10, tzinfo=dt.UTC), tick=False)
def test_public_answer_page_shows_exit_this_page_on_sensitive_surveys(client) -> None:
    sensitive = open_survey(is_sensitive=True)
    plain = open_survey(is_sensitive=False)

    assert b"govuk-exit-this-page" in client.get(_answer_url(sensitive)).content
    assert b"govuk-exit-this-page" not in client.get(_answer_url(plain)).content


@time_machine.travel(dt.datetime(2020, 11, 2, 10, tzinfo=dt.UTC), tick=False)
def test_exit_this_page_goes_to_the_configured_address(client, settings) -> None:
    settings.SURVEY_EXIT_URL = "https://www.example.org/news"
    survey = open_survey(is_sensitive=True)

    page = client.get(_answer_url(survey)).content.decode()

    assert 'href="https://www.example.org/news"' in page


@time_machine.travel(dt.datetime(2020, 11, 2, 10, tzinfo=dt.UTC), tick=False)
def test_public_answer_page_shows_errors_and_stores_nothing_when_incomplete(client) -> None:
    survey = open_survey()

    response = client.post(_answer_url(survey), {})

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"Choose an answer." in response.content
    assert Response.objects.count() == 0


@time_machine.travel(dt.datetime(2021, 1, 5, 10, tzinfo=dt.UTC), tick=False)
def test_closed_survey_takes_no_answers(client) -> None:
    survey = open_survey()

    page = client.post(_answer_url(survey), {"seen": "Yes"})

    assert page.status_code == 410
    assert Response.objects.count() == 0
    with pytest.raises(ValidationError):
        services.survey_answer(survey=survey, answers={"seen": "Yes"}, today=dt.date(2021, 1, 5))


def test_unknown_public_link_is_404(client) -> None:
    assert client.get("/assurance/s/not-a-uuid/").status_code == 404
    assert client.get("/assurance/s/1b4e28ba-2fa1-11d2-883f-0016d3cca427/").status_code == 404


def _answers(survey: Survey, values: list[str], comment: str = "") -> None:
    for value in values:
        services.survey_answer(
            survey=survey, answers={"seen": value, "comment": comment}, today=DAY
        )


def test_question_with_fewer_than_five_answers_shows_no_result() -> None:
    survey = open_survey()
    _answers(survey, ["Yes", "Yes", "No", "Yes"], comment="A comment")

    results = {r.key: r for r in selectors.survey_results(survey=survey)}

    assert results["seen"].answered == 4
    assert results["seen"].suppressed
    assert results["seen"].options == []
    assert results["seen"].first_option_percent is None
    assert results["comment"].suppressed
    assert results["comment"].comments == []


def test_question_with_five_answers_shows_counts_and_percentages() -> None:
    survey = open_survey()
    _answers(survey, ["Yes", "Yes", "No", "Yes", "Not sure"])

    seen = next(r for r in selectors.survey_results(survey=survey) if r.key == "seen")

    assert not seen.suppressed
    assert [(o.label, o.count, o.percent) for o in seen.options] == [
        ("Yes", 3, 60),
        ("No", 1, 20),
        ("Not sure", 1, 20),
    ]


def test_comments_listed_only_when_five_or_more() -> None:
    survey = open_survey()
    for n in range(5):
        services.survey_answer(
            survey=survey, answers={"seen": "Yes", "comment": f"Comment {n}"}, today=DAY
        )

    comment = next(r for r in selectors.survey_results(survey=survey) if r.key == "comment")

    assert comment.comments == [f"Comment {n}" for n in range(5)]


def test_results_page_hides_suppressed_question(client, officer) -> None:
    survey = open_survey()
    _answers(survey, ["Yes"] * 4)
    client.force_login(officer)

    page = client.get(reverse("assurance:survey_detail", args=[survey.pk]))

    assert b"No result is shown: fewer than 5 answers." in page.content
    assert b'role="img"' not in page.content


def test_results_page_shows_chart_and_table_with_same_figures(client, officer) -> None:
    survey = open_survey()
    _answers(survey, ["Yes", "Yes", "Yes", "No", "No", "Not sure"])
    client.force_login(officer)

    page = client.get(reverse("assurance:survey_detail", args=[survey.pk])).content.decode()

    assert 'role="img"' in page
    assert '<text x="' in page
    assert 'govuk-table__cell--numeric">3</td>' in page
    assert 'govuk-table__cell--numeric">50%</td>' in page


def test_export_holds_no_identifying_data_and_is_recorded(client, officer) -> None:
    survey = open_survey()
    _answers(survey, ["Yes", "No", "Yes", "Yes", "No"], comment="=HYPERLINK(1)")
    client.force_login(officer)

    response = client.get(reverse("assurance:survey_export", args=[survey.pk]))
    body = b"".join(response.streaming_content).decode()

    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Response", "Form version", "Have you seen the poster?", "Anything else?"]
    assert rows[1:] == [
        [str(n), "1", answer, "'=HYPERLINK(1)"]
        for n, answer in enumerate(["Yes", "No", "Yes", "Yes", "No"], start=1)
    ]
    assert "2020-11-02" not in body
    event = ActivityEvent.objects.get(kind=ActivityEvent.Kind.EXPORT)
    assert event.actor == officer
    assert event.data["rows"] == 5


def test_results_take_the_same_number_of_queries_however_many_answers() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small, large = open_survey(), open_survey()
    _answers(small, ["Yes"] * 5, comment="c")
    _answers(large, ["Yes", "No"] * 20, comment="c")

    counts = []
    for survey in (small, large):
        fresh = Survey.objects.get(pk=survey.pk)
        with CaptureQueriesContext(connection) as queries:
            selectors.survey_results(survey=fresh)
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert counts[0] <= 4


def test_no_export_while_fewer_than_five_have_answered(client, officer) -> None:
    survey = open_survey()
    _answers(survey, ["Yes"] * 4)
    client.force_login(officer)

    response = client.get(reverse("assurance:survey_export", args=[survey.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("assurance:survey_detail", args=[survey.pk])
    assert not ActivityEvent.objects.filter(kind=ActivityEvent.Kind.EXPORT).exists()
