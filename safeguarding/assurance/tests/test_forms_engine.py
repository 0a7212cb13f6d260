"""Forms as data: versions are frozen once answered, editing makes a new version, and every
response keeps the version it answered."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from safeguarding.assurance import selectors, services
from safeguarding.assurance.models import Answer, FormVersion, Question, Response
from safeguarding.assurance.tests.factories import open_survey, survey_form

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 11, 2)


def test_edits_go_to_the_same_version_until_it_is_answered() -> None:
    form = survey_form()
    version = selectors.form_version_latest(template=form)

    assert version.number == 1
    assert not version.is_frozen
    assert Question.objects.filter(section__form_version=version).count() == 2
    assert FormVersion.objects.filter(template=form).count() == 1


def test_first_response_freezes_the_version() -> None:
    survey = open_survey()

    services.survey_answer(survey=survey, answers={"seen": "Yes"}, today=DAY)

    version = selectors.form_version_latest(template=survey.form)
    assert version.number == 1
    assert version.is_frozen


def test_editing_a_frozen_version_makes_a_new_version_and_old_responses_keep_theirs() -> None:
    survey = open_survey()
    first = services.survey_answer(survey=survey, answers={"seen": "No"}, today=DAY)
    section = selectors.form_version_latest(template=survey.form).sections.get()

    added = services.form_question_add(
        actor=None,
        section=section,
        key="rating",
        text="How useful?",
        kind=Question.Kind.RATING,
        choices=["Not useful", "Useful"],
    )

    new_version = added.section.form_version
    assert new_version.number == 2
    assert not new_version.is_frozen
    assert list(
        Question.objects.filter(section__form_version=new_version).values_list("key", flat=True)
    ) == ["seen", "comment", "rating"]
    old_keys = Question.objects.filter(section__form_version__number=1).values_list(
        "key", flat=True
    )
    assert list(old_keys) == ["seen", "comment"]
    first.refresh_from_db()
    assert first.form_version.number == 1

    second = services.survey_answer(
        survey=survey, answers={"seen": "Yes", "rating": "Useful"}, today=DAY
    )
    assert second.form_version == new_version


def test_adding_a_section_to_a_frozen_version_copies_it_first() -> None:
    survey = open_survey()
    services.survey_answer(survey=survey, answers={"seen": "Yes"}, today=DAY)

    section = services.form_section_add(actor=None, template=survey.form, title="More")

    assert section.form_version.number == 2
    assert section.order == 2
    assert section.form_version.sections.count() == 2


def test_results_match_questions_by_key_across_versions() -> None:
    survey = open_survey()
    for _ in range(3):
        services.survey_answer(survey=survey, answers={"seen": "Yes"}, today=DAY)
    section = selectors.form_version_latest(template=survey.form).sections.get()
    services.form_question_add(
        actor=None, section=section, key="extra", text="Extra?", kind=Question.Kind.YES_NO_PARTLY
    )
    for _ in range(2):
        services.survey_answer(survey=survey, answers={"seen": "No", "extra": "Yes"}, today=DAY)

    seen = next(r for r in selectors.survey_results(survey=survey) if r.key == "seen")

    assert seen.answered == 5 == Answer.objects.filter(question__key="seen").count()
    assert [(o.label, o.count) for o in seen.options] == [("Yes", 3), ("No", 2), ("Not sure", 0)]


@pytest.mark.parametrize(
    ("question", "field"),
    [
        pytest.param(
            {"key": "seen", "text": "Again", "kind": Question.Kind.TEXT},
            "key",
            id="question_keys_are_unique_within_a_version",
        ),
        pytest.param(
            {"key": "pick", "text": "Pick", "kind": Question.Kind.CHOICE, "choices": ["Only"]},
            "choices",
            id="choice_question_needs_two_options",
        ),
        pytest.param(
            {"key": "photo", "text": "Photo", "kind": Question.Kind.EVIDENCE},
            "kind",
            id="surveys_cannot_ask_for_file_uploads",
        ),
    ],
)
def test_question_refused_with_the_field_at_fault(question: dict[str, Any], field: str) -> None:
    form = survey_form()
    section = selectors.form_version_latest(template=form).sections.get()

    with pytest.raises(ValidationError) as error:
        services.form_question_add(actor=None, section=section, **question)

    assert field in error.value.message_dict


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (Question.Kind.CHOICE, "Maybe", "Choose one of the options."),
        (Question.Kind.NUMBER, "lots", "Enter a number, like 3 or 12.5."),
        (Question.Kind.DATE, "2021-02-30", "Enter a real date."),
        (Question.Kind.RAG, "", "Choose an answer."),
        (Question.Kind.TEXT, "   ", "Answer this question."),
    ],
)
def test_answers_are_checked_against_the_question(kind: str, value: str, message: str) -> None:
    form = survey_form(with_comment=False)
    section = selectors.form_version_latest(template=form).sections.get()
    services.form_question_add(
        actor=None, section=section, key="q", text="Q", kind=kind, choices=["A", "B"]
    )
    version = selectors.form_version_latest(template=form)

    with pytest.raises(ValidationError) as error:
        services.response_record(version=version, answers={"seen": "Yes", "q": value})

    assert error.value.message_dict == {"q": [message]}
    assert Response.objects.count() == 0
    assert not FormVersion.objects.get(pk=version.pk).is_frozen


def test_valid_answers_of_every_kind_are_stored() -> None:
    form = survey_form(with_comment=False)
    section = selectors.form_version_latest(template=form).sections.get()
    for key, kind in [
        ("n", Question.Kind.NUMBER),
        ("d", Question.Kind.DATE),
        ("yn", Question.Kind.YES_NO_PARTLY),
        ("r", Question.Kind.RAG),
    ]:
        services.form_question_add(actor=None, section=section, key=key, text=key, kind=kind)
    version = selectors.form_version_latest(template=form)

    response = services.response_record(
        version=version,
        answers={"seen": "Yes", "n": "12.5", "d": "2021-02-28", "yn": "Partly", "r": "Amber"},
    )

    stored = dict(response.answers.values_list("question__key", "value"))
    assert stored == {"seen": "Yes", "n": "12.5", "d": "2021-02-28", "yn": "Partly", "r": "Amber"}


def test_changing_a_question_on_an_unanswered_version_changes_it_in_place() -> None:
    form = survey_form()
    question = Question.objects.get(key="seen")

    changed = services.form_question_update(
        actor=None,
        question=question,
        text="Have you seen our poster?",
        required=False,
        choices=["Yes", "No"],
    )

    assert changed.pk == question.pk
    assert FormVersion.objects.filter(template=form).count() == 1
    assert (changed.text, changed.required, changed.options) == (
        "Have you seen our poster?",
        False,
        ["Yes", "No"],
    )


def test_changing_an_answered_question_makes_a_new_version_and_keeps_the_old_wording() -> None:
    survey = open_survey()
    answered = services.survey_answer(survey=survey, answers={"seen": "Yes"}, today=DAY)
    question = Question.objects.get(key="seen")

    changed = services.form_question_update(
        actor=None,
        question=question,
        text="Did you notice the poster?",
        required=True,
        choices=["Yes", "No", "Not sure"],
    )

    assert changed.pk != question.pk
    assert changed.section.form_version.number == 2
    question.refresh_from_db()
    assert question.text == "Have you seen the poster?"
    assert selectors.response_answers(response=answered) == [
        ("Have you seen the poster?", "Yes"),
        ("Anything else?", ""),
    ]


def test_removing_an_answered_question_leaves_it_out_of_the_next_version_only() -> None:
    survey = open_survey()
    services.survey_answer(survey=survey, answers={"seen": "No", "comment": "Hi"}, today=DAY)
    comment = Question.objects.get(key="comment")

    new_version = services.form_question_remove(actor=None, question=comment)

    assert new_version.number == 2
    keys = Question.objects.filter(section__form_version=new_version).values_list("key", flat=True)
    assert list(keys) == ["seen"]
    assert Answer.objects.filter(question=comment, value="Hi").exists()
