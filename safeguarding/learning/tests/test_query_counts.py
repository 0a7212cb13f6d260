"""Every learning list and detail page costs the same number of queries with 3 records as with
30 (#17)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.core.testing import assert_same_query_count
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory

pytestmark = pytest.mark.django_db


def _points(total: int, **fields: object) -> None:
    for number in range(LearningPoint.objects.count(), total):
        LearningPointFactory.create(
            themes=[ThemeFactory.create()],
            agencies=[AgencyFactory.create()],
            recorded_on=date(2020 + number % 2, 5, 1),
            **fields,
        )


def _visit(client: Client, user: User, url: str, **params: str) -> Callable[[], None]:
    client.force_login(user)

    def visit() -> None:
        assert client.get(url, params).status_code == 200

    return visit


@pytest.mark.parametrize("name", ["learning_point_list", "theme_list", "learning_trends"])
def test_learning_lists_cost_the_same(
    client: Client, officer: User, practitioner: User, name: str
) -> None:
    for user in (officer, practitioner):
        LearningPoint.objects.all().delete()
        assert_same_query_count(_points, _visit(client, user, reverse(f"learning:{name}")))


def test_learning_search_costs_the_same(client: Client, practitioner: User) -> None:
    assert_same_query_count(
        _points,
        _visit(client, practitioner, reverse("learning:learning_point_list"), q="learning"),
    )


def test_learning_source_page_costs_the_same(client: Client, officer: User) -> None:
    source = GroupFactory.create()
    source_type = ContentType.objects.get_for_model(source)
    assert_same_query_count(
        lambda n: _points(n, source=source),
        _visit(
            client,
            officer,
            reverse("learning:learning_source_detail", args=[source_type.pk, source.pk]),
        ),
    )


def test_learning_point_and_theme_pages_cost_the_same(client: Client, officer: User) -> None:
    theme = ThemeFactory.create()
    point = LearningPointFactory.create(themes=[theme])

    def build(total: int) -> None:
        for _ in range(point.themes.count(), total):
            extra = ThemeFactory.create()
            point.themes.add(extra)
            point.agencies.add(AgencyFactory.create())

    assert_same_query_count(
        build, _visit(client, officer, reverse("learning:learning_point_detail", args=[point.pk]))
    )
    assert_same_query_count(
        lambda n: _points(n) if Theme.objects.count() else None,
        _visit(client, officer, reverse("learning:theme_detail", args=[theme.pk])),
    )


def test_theme_list_is_paginated_with_a_count(client: Client, officer: User) -> None:
    existing = Theme.objects.count()
    ThemeFactory.create_batch(60)
    client.force_login(officer)

    response = client.get(reverse("learning:theme_list"))

    assert len(response.context["page_obj"].object_list) == 50
    assert f"{existing + 60} themes" in response.content.decode()
    assert 'class="govuk-pagination"' in response.content.decode()
