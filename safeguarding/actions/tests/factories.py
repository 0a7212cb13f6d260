from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from safeguarding.actions.models import Action, ActionPlan, ActionUpdate
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory


class ActionPlanFactory(DjangoModelFactory[ActionPlan]):
    """A plan attached to a partnership group (any record can be a source)."""

    class Meta:
        model = ActionPlan
        exclude = ("source",)

    source = SubFactory(GroupFactory)
    source_type = LazyAttribute(lambda o: ContentType.objects.get_for_model(o.source))
    source_id = LazyAttribute(lambda o: o.source.pk)
    title = Sequence(lambda n: f"Test action plan {n}")
    next_review_due = date(2025, 7, 31)


class ActionFactory(DjangoModelFactory[Action]):
    class Meta:
        model = Action

    plan = SubFactory(ActionPlanFactory)
    number = Sequence(lambda n: n + 1)
    description = Sequence(lambda n: f"Synthetic action number {n}")
    owner_agency = SubFactory(AgencyFactory)
    due_date = date(2025, 6, 30)
    original_due_date = LazyAttribute(lambda o: o.due_date)
    status = Action.Status.ON_TRACK


class ActionUpdateFactory(DjangoModelFactory[ActionUpdate]):
    class Meta:
        model = ActionUpdate

    action = SubFactory(ActionFactory)
    note = "Synthetic progress note."
    status_before = Action.Status.NOT_STARTED
    status_after = Action.Status.ON_TRACK


def edit_fields(action: Action, **changes: Any) -> dict[str, Any]:
    """Every field services.action_update takes, as `action` has them, with `changes`."""
    return {
        "description": action.description,
        "success_measure": action.success_measure,
        "owner_agency": action.owner_agency,
        "owner_person": action.owner_person,
        "due_date": action.due_date,
        **changes,
    }
