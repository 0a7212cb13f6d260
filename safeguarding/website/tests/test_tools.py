"""Interactive tools: guidance from the answers, nothing stored."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.assurance.models import FormTemplate, Question
from safeguarding.assurance.services import forms as form_services
from safeguarding.core.testing import ViewMatrix
from safeguarding.website import services
from safeguarding.website.models import Audience, Tool

pytestmark = pytest.mark.django_db


def _tool(actor) -> Tool:
    template = form_services.form_template_create(
        actor=actor, name="Behaviours questionnaire", purpose=FormTemplate.Purpose.SURVEY
    )
    section = form_services.form_section_add(actor=actor, template=template, title="What you saw")
    for key, text in (("play", "Was it play between children of a similar age?"),
                      ("secret", "Was the child asked to keep it secret?")):  # fmt: skip
        form_services.form_question_add(
            actor=actor, section=section, key=key, text=text, kind=Question.Kind.CHOICE,
            choices=["Yes", "No", "Not sure"],
        )  # fmt: skip
    tool = services.tool_create(
        actor=actor, slug="behaviours", title="Behaviours tool", summary="Is this healthy?",
        intro="", form=template, audience=Audience.PARENTS, is_published=True,
    )  # fmt: skip
    outcomes = [
        services.tool_outcome_add(
            actor=actor, tool=tool, seriousness=n, title=title, colour=colour, guidance=text
        )
        for n, title, colour, text in (
            (1, "Green", "green", "Healthy and expected."),
            (2, "Amber", "yellow", "Talk to someone."),
            (3, "Red", "red", "Report a concern **now**."),
        )
    ]
    for key, answer, outcome in (
        ("play", "Yes", outcomes[0]),
        ("play", "Not sure", outcomes[1]),
        ("secret", "Yes", outcomes[2]),
    ):
        services.tool_rule_add(
            actor=actor, tool=tool, question_key=key, answer=answer, outcome=outcome
        )
    return tool


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_the_most_serious_outcome_any_answer_leads_to_is_shown_and_nothing_is_kept(
    client, officer
) -> None:
    _tool(officer)
    url = reverse("website:tool_detail", args=["behaviours"])
    before = _row_counts()
    red = client.post(url, {"play": "Yes", "secret": "Yes"})
    amber = client.post(url, {"play": "Not sure", "secret": "No"})
    green = client.post(url, {"play": "No", "secret": "No"})  # no rule: the least serious
    assert "Red" in red.content.decode()
    assert "<strong>now</strong>" in red.content.decode()
    assert "Amber" in amber.content.decode()
    assert "Green" in green.content.decode()
    assert "no-store" in red["Cache-Control"]
    assert _row_counts() == before


def test_a_tool_without_answers_says_what_to_fix(client, officer) -> None:
    _tool(officer)
    html = client.post(reverse("website:tool_detail", args=["behaviours"]), {}).content.decode()
    assert "govuk-error-summary" in html
    assert "Choose an answer" in html


def _tool_other(actor) -> Tool:
    template = FormTemplate.objects.get(name="Behaviours questionnaire")
    return services.tool_create(
        actor=actor, slug="other", title="Other", summary="x", intro="", form=template,
        audience=Audience.PROFESSIONALS, is_published=False,
    )  # fmt: skip


def test_a_rule_must_use_a_real_answer_and_the_tools_own_outcome(officer) -> None:
    tool = _tool(officer)
    other = _tool_other(officer)
    outcome = tool.outcomes.get(seriousness=1)
    with pytest.raises(ValidationError):
        services.tool_rule_add(
            actor=officer, tool=tool, question_key="play", answer="Maybe", outcome=outcome
        )
    with pytest.raises(ValidationError):
        services.tool_rule_add(
            actor=officer, tool=other, question_key="play", answer="No", outcome=outcome
        )


def test_draft_tools_are_not_found_and_management_is_for_the_business_unit(
    client, officer, member_readonly, outsider
) -> None:
    tool = _tool(officer)
    _tool_other(officer)
    assert client.get(reverse("website:tool_detail", args=["other"])).status_code == 404
    for url in (
        reverse("website:tool_create"),
        reverse("website:tool_update", args=[tool.pk]),
        reverse("website:tool_outcome_add", args=[tool.pk]),
        reverse("website:tool_rule_add", args=[tool.pk]),
    ):
        matrix = ViewMatrix(client, url)
        matrix.anonymous_redirected()
        matrix.outsider(outsider)
        matrix.read_only_write(member_readonly)
        matrix.allowed(officer)


def test_the_rule_page_offers_only_the_questionnaires_answers(client, officer) -> None:
    tool = _tool(officer)
    client.force_login(officer)
    response = client.post(
        reverse("website:tool_rule_add", args=[tool.pk]),
        {"answer": "secret|No", "outcome": tool.outcomes.get(seriousness=2).pk},
    )
    assert response.status_code == 302
    assert tool.rules.filter(question_key="secret", answer="No").exists()
    html = client.post(
        reverse("website:tool_rule_add", args=[tool.pk]), {"answer": "secret|Maybe"}
    ).content.decode()
    assert "govuk-error-summary" in html
