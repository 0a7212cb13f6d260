"""Every list, detail page and "My work" card of the actions app costs the same number of
queries with 3 records as with 30 (#17: the plan list ran a query per plan)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.actions.models import Action, ActionPlan, ActionUpdate
from safeguarding.actions.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    ActionUpdateFactory,
)
from safeguarding.core.testing import assert_same_query_count
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db


def _plans(total: int, **action_fields: Any) -> None:
    for _ in range(ActionPlan.objects.count(), total):
        ActionFactory.create(**action_fields)


def test_action_plan_list_costs_the_same_at_3_and_30_plans(client: Client, owner: User) -> None:
    client.force_login(owner)
    url = reverse("actions:action_plan_list")
    assert_same_query_count(_plans, lambda: client.get(url))


def test_action_plan_list_for_a_lead_costs_the_same(
    client: Client, lead_a: User, agency_a: Agency
) -> None:
    client.force_login(lead_a)
    url = reverse("actions:action_plan_list")
    assert_same_query_count(lambda n: _plans(n, owner_agency=agency_a), lambda: client.get(url))


def test_action_list_costs_the_same(client: Client, owner: User) -> None:
    client.force_login(owner)
    url = reverse("actions:action_list")
    assert_same_query_count(_plans, lambda: client.get(url))


def test_action_plan_detail_costs_the_same(client: Client, owner: User) -> None:
    plan = ActionPlanFactory.create()

    def build(total: int) -> None:
        for _ in range(plan.actions.count(), total):
            action = ActionFactory.create(plan=plan)
            ActionUpdateFactory.create(action=action)

    client.force_login(owner)
    url = reverse("actions:action_plan_detail", args=[plan.pk])
    assert_same_query_count(build, lambda: client.get(url))


def test_action_detail_costs_the_same(client: Client, owner: User) -> None:
    action = ActionFactory.create()

    def build(total: int) -> None:
        for _ in range(ActionUpdate.objects.count(), total):
            ActionUpdateFactory.create(action=action, author=owner)

    client.force_login(owner)
    url = reverse("actions:action_detail", args=[action.pk])
    assert_same_query_count(build, lambda: client.get(url))


def test_my_work_cards_cost_the_same(client: Client, lead_a: User, agency_a: Agency) -> None:
    def build(total: int) -> None:
        for _ in range(Action.objects.count(), total):
            ActionFactory.create(owner_agency=agency_a)

    client.force_login(lead_a)
    url = reverse("core:home")
    assert_same_query_count(build, lambda: client.get(url))


def test_plans_due_for_review_card_costs_the_same(client: Client, owner: User) -> None:
    client.force_login(owner)
    url = reverse("core:home")
    assert_same_query_count(_plans, lambda: client.get(url))
