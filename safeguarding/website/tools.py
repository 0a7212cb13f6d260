"""Interactive tools: the questions come from assurance's forms as data; the result is worked
out from the answers here and shown at once. Nothing anyone answers is stored or logged."""

from __future__ import annotations

from collections.abc import Mapping

from safeguarding.assurance import selectors as assurance_selectors
from safeguarding.assurance.models import Question
from safeguarding.website.models import Tool, ToolOutcome


def tool_questions(*, tool: Tool) -> list[Question]:
    version = assurance_selectors.form_version_latest(template=tool.form)
    return list(assurance_selectors.form_version_questions(version=version))


def tool_outcome(*, tool: Tool, answers: Mapping[str, str]) -> ToolOutcome | None:
    """The most serious outcome any answer leads to; with none, the least serious outcome."""
    outcomes = list(tool.outcomes.order_by("seriousness"))
    if not outcomes:
        return None
    by_pk = {o.pk: o for o in outcomes}
    matched = [
        by_pk[rule.outcome_id]
        for rule in tool.rules.all()
        if answers.get(rule.question_key) == rule.answer and rule.outcome_id in by_pk
    ]
    if not matched:
        return outcomes[0]
    return max(matched, key=lambda o: o.seriousness)
