"""Every partnership list and detail page costs the same number of queries with 3 records as
with 30 (#17), and the long lists are paginated with a count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.accounts.roles import Role
from safeguarding.core.testing import assert_same_query_count
from safeguarding.partnership.models import (
    Agency,
    AgencyName,
    Area,
    District,
    Group,
    GroupMembership,
    Priority,
)
from safeguarding.partnership.tests.factories import (
    AgencyFactory,
    AreaFactory,
    GroupFactory,
    PriorityFactory,
)

pytestmark = pytest.mark.django_db


def _visit(client: Client, user: User, url: str) -> Callable[[], None]:
    client.force_login(user)

    def visit() -> None:
        assert client.get(url).status_code == 200

    return visit


def _areas(total: int) -> None:
    for number in range(Area.objects.count(), total):
        area = AreaFactory.create()
        District.objects.create(area=area, name=f"District {number}", ons_code=f"E07{number:06d}")
        AgencyFactory.create(area=area, statutory_partner=True)


def _agencies(total: int) -> None:
    for number in range(Agency.objects.count(), total):
        parent = AgencyFactory.create(area=AreaFactory.create(), on_board=True)
        AgencyName.objects.create(
            agency=parent, name=f"Old name {number}", valid_from=date(2019, 1, 1)
        )


def _groups(total: int) -> None:
    parent = Group.objects.first() or GroupFactory.create()
    for _ in range(Group.objects.count(), total):
        group = GroupFactory.create(parent=parent)
        GroupMembership.objects.create(group=group, agency=AgencyFactory.create())


def _priorities(total: int) -> None:
    for _ in range(Priority.objects.count(), total):
        PriorityFactory.create(lead_group=GroupFactory.create())


def _people(total: int) -> None:
    from safeguarding.accounts.tests.factories import UserFactory

    for _ in range(User.objects.count(), total):
        person = UserFactory.create()
        RoleAssignment.objects.create(
            user=person, role=Role.AGENCY_LEAD, agency=AgencyFactory.create()
        )


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("overview", _areas),
        ("area_list", _areas),
        ("agency_list", _agencies),
        ("group_list", _groups),
        ("governance", _groups),
        ("priority_list", _priorities),
        ("person_list", _people),
    ],
)
def test_partnership_lists_cost_the_same(
    client: Client, owner: User, name: str, build: Callable[[int], None]
) -> None:
    assert_same_query_count(build, _visit(client, owner, reverse(f"partnership:{name}")))


def test_area_detail_costs_the_same(client: Client, owner: User) -> None:
    area = AreaFactory.create()

    def build(total: int) -> None:
        for number in range(area.districts.count(), total):
            District.objects.create(area=area, name=f"D{number}", ons_code=f"E08{number:06d}")
            AgencyFactory.create(area=area)

    assert_same_query_count(
        build, _visit(client, owner, reverse("partnership:area_detail", args=[area.pk]))
    )


def test_agency_detail_costs_the_same(client: Client, owner: User) -> None:
    agency = AgencyFactory.create()

    def build(total: int) -> None:
        for number in range(agency.services.count(), total):
            AgencyFactory.create(parent=agency)
            AgencyName.objects.create(
                agency=agency, name=f"Earlier {number}", valid_from=date(2000 + number, 1, 1)
            )

    assert_same_query_count(
        build, _visit(client, owner, reverse("partnership:agency_detail", args=[agency.pk]))
    )


def test_group_detail_costs_the_same(client: Client, owner: User) -> None:
    from safeguarding.accounts.tests.factories import UserFactory

    group = GroupFactory.create()

    def build(total: int) -> None:
        for _ in range(group.memberships.count(), total):
            GroupMembership.objects.create(group=group, person=UserFactory.create())
            GroupMembership.objects.create(group=group, agency=AgencyFactory.create())
            GroupFactory.create(parent=group)

    assert_same_query_count(
        build, _visit(client, owner, reverse("partnership:group_detail", args=[group.pk]))
    )


def test_priority_detail_costs_the_same(client: Client, owner: User) -> None:
    priority = PriorityFactory.create(lead_group=GroupFactory.create())
    assert_same_query_count(
        lambda n: None,
        _visit(client, owner, reverse("partnership:priority_detail", args=[priority.pk])),
    )


def test_person_detail_costs_the_same(client: Client, owner: User) -> None:
    from safeguarding.accounts.tests.factories import UserFactory

    person = UserFactory.create()

    def build(total: int) -> None:
        for _ in range(person.role_grants.count(), total):
            RoleAssignment.objects.create(
                user=person, role=Role.AGENCY_LEAD, agency=AgencyFactory.create()
            )
            GroupMembership.objects.create(group=GroupFactory.create(), person=person)

    assert_same_query_count(
        build, _visit(client, owner, reverse("partnership:person_detail", args=[person.pk]))
    )


def test_group_list_is_paginated_with_a_count_and_filters(client: Client, owner: User) -> None:
    GroupFactory.create_batch(52)
    GroupFactory.create(name="Synthetic neglect panel", kind=Group.Kind.PANEL)
    client.force_login(owner)
    url = reverse("partnership:group_list")

    first = client.get(url)
    assert len(first.context["page_obj"].object_list) == 50
    assert "53 groups" in first.content.decode()
    assert len(client.get(url, {"page": 2}).context["page_obj"].object_list) == 3
    found = client.get(url, {"q": "neglect", "kind": Group.Kind.PANEL}).context["page_obj"]
    assert [group.name for group in found] == ["Synthetic neglect panel"]


def test_priority_list_is_paginated_with_a_count_and_filters(client: Client, owner: User) -> None:
    PriorityFactory.create_batch(51)
    PriorityFactory.create(title="Synthetic current priority", period_end=date(2099, 3, 31))
    client.force_login(owner)
    url = reverse("partnership:priority_list")

    first = client.get(url)
    assert len(first.context["page_obj"].object_list) == 50
    assert "52 priorities" in first.content.decode()
    assert len(client.get(url, {"page": 2}).context["page_obj"].object_list) == 2
    current = client.get(url, {"current": "on"}).context["page_obj"]
    assert [priority.title for priority in current] == ["Synthetic current priority"]


def test_people_list_pagination_keeps_an_encoded_search(client: Client, owner: User) -> None:
    from safeguarding.accounts.tests.factories import UserFactory

    for number in range(55):
        UserFactory.create(full_name=f"Synthetic Person {number}")
    client.force_login(owner)

    response = client.get(reverse("partnership:person_list"), {"q": "Synthetic Person"})

    assert response.context["page_obj"].paginator.count == 55
    assert "q=Synthetic+Person&amp;page=2" in response.content.decode()
