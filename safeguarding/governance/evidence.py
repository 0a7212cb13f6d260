"""The evidence registry: which kinds of record may be linked to a priority, and the figures
counted from the linked records (for the priority page and the annual report).

An app registers its models once, in its AppConfig.ready():

    from safeguarding.governance import evidence

    evidence.register(
        "training.course",                      # the model's label
        "Training courses",                     # how the priority page heads them
        lambda courses: [                       # figures counted from the linked records
            evidence.Figure("attendances", count_attendances(courses)),
        ],
        url=lambda course: reverse("training:course_detail", args=[course.pk]),
    )

`figures(records)` receives the linked records of that model (a list) and returns Figure
values, each counted from the records themselves, never typed in. The figure's `token` is the
name a narrative may use in the annual report ({priority.<number>.<token>}).

Two optional hooks:

* `prepare(queryset)`: the select_related/prefetch_related the records' labels and figures need,
  so the priority page makes the same number of queries however many records are linked;
* `for_priority(priority)`: records that count for a priority without an evidence link, because
  the record itself names the priority (a training course's or an audit's `priority` field).
  They are listed and counted like linked records; a record both linked and naming the priority
  counts once.

Only registered models can be linked. Governance registers actions, action plans, learning
points, meetings and decisions itself (`register_built_in`, called from GovernanceConfig);
training registers courses and sessions (`training/evidence.py`), assurance audits, surveys and
Section 11 findings (`assurance/evidence.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone


@dataclass(frozen=True)
class Figure:
    label: str
    value: int

    @property
    def token(self) -> str:
        return re.sub(r"[^a-z0-9]+", "_", self.label.lower()).strip("_")


FigureFunction = Callable[[Sequence[Any]], list[Figure]]
UrlFunction = Callable[[Any], str]
PrepareFunction = Callable[[QuerySet[Any]], QuerySet[Any]]
ForPriorityFunction = Callable[[Any], QuerySet[Any]]


@dataclass(frozen=True)
class Provider:
    model_label: str
    label: str
    figures: FigureFunction
    url: UrlFunction | None = None
    prepare: PrepareFunction | None = None
    for_priority: ForPriorityFunction | None = None
    for_priority_note: str = ""
    describe: UrlFunction | None = None


_providers: dict[str, Provider] = {}


def register(
    model_label: str,
    label: str,
    figures: FigureFunction,
    *,
    url: UrlFunction | None = None,
    prepare: PrepareFunction | None = None,
    for_priority: ForPriorityFunction | None = None,
    for_priority_note: str = "",
    describe: Callable[[Any], str] | None = None,
) -> None:
    """Let records of `model_label` ("app_label.modelname") be linked to priorities.
    `describe(record)` is the record's line on the priority page (default: its activity label
    and its text)."""
    _providers[model_label.lower()] = Provider(
        model_label.lower(),
        label,
        figures,
        url,
        prepare,
        for_priority,
        for_priority_note,
        describe,
    )


def provider_for(model_label: str) -> Provider | None:
    return _providers.get(model_label.lower())


def provider_for_record(record: Model) -> Provider | None:
    return provider_for(record._meta.label_lower)


def registered() -> list[Provider]:
    return sorted(_providers.values(), key=lambda p: p.label)


# --- the providers governance registers itself ----------------------------------------


def _action_figures(actions: Sequence[Any]) -> list[Figure]:
    today = timezone.localdate()
    return [
        Figure("actions", len(actions)),
        Figure("actions done", sum(1 for a in actions if a.status == "complete")),
        Figure("actions overdue", sum(1 for a in actions if a.is_overdue_on(today))),
    ]


def _action_plan_figures(plans: Sequence[Any]) -> list[Figure]:
    from safeguarding.actions.models import Action

    actions = list(Action.objects.filter(plan__in=[p.pk for p in plans]))
    return [Figure("action plans", len(plans)), *_action_figures(actions)]


def _learning_figures(points: Sequence[Any]) -> list[Figure]:
    return [
        Figure("learning points", len(points)),
        Figure("learning points published", sum(1 for p in points if p.is_published)),
    ]


def _decision_figures(decisions: Sequence[Any]) -> list[Figure]:
    return [Figure("decisions", len(decisions))]


def _meeting_figures(meetings: Sequence[Any]) -> list[Figure]:
    return [Figure("meetings", len(meetings))]


def register_built_in() -> None:
    register(
        "actions.action",
        "Actions",
        _action_figures,
        url=lambda action: reverse("actions:action_detail", args=[action.pk]),
    )
    register(
        "actions.actionplan",
        "Action plans",
        _action_plan_figures,
        url=lambda plan: reverse("actions:action_plan_detail", args=[plan.pk]),
    )
    register(
        "learning.learningpoint",
        "Learning points",
        _learning_figures,
        url=lambda point: reverse("learning:learning_point_detail", args=[point.pk]),
    )
    register(
        "governance.decision",
        "Meeting decisions",
        _decision_figures,
        url=lambda decision: reverse("governance:meeting_detail", args=[decision.meeting_id]),
        prepare=lambda decisions: decisions.select_related("meeting__group"),
    )
    register(
        "governance.meeting",
        "Meetings",
        _meeting_figures,
        url=lambda meeting: reverse("governance:meeting_detail", args=[meeting.pk]),
        prepare=lambda meetings: meetings.select_related("group"),
    )
