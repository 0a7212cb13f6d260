"""Every partnership view: allowed user, outsider (404), read-only on a write (403), wrong
method (405), plus the behaviour each page exists for."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.partnership import verbs
from safeguarding.partnership.models import Agency, Area, Group, Priority
from safeguarding.partnership.tests.factories import (
    AgencyFactory,
    AreaFactory,
    GroupFactory,
    PartnershipFactory,
    PriorityFactory,
)

pytestmark = pytest.mark.django_db

READ_PAGES = [
    ("partnership:overview", None),
    ("partnership:area_list", None),
    ("partnership:agency_list", None),
    ("partnership:group_list", None),
    ("partnership:governance", None),
    ("partnership:priority_list", None),
]


@pytest.mark.parametrize(("name", "arg"), READ_PAGES)
def test_read_pages_matrix(client, name, arg, owner, member_readonly, outsider) -> None:
    matrix = ViewMatrix(client, reverse(name))
    matrix.allowed(owner)
    matrix.allowed(member_readonly)  # read-only roles may look
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")
    matrix.anonymous_redirected()


@pytest.mark.parametrize(
    ("name", "factory"),
    [
        ("partnership:area_detail", AreaFactory),
        ("partnership:agency_detail", AgencyFactory),
        ("partnership:group_detail", GroupFactory),
        ("partnership:priority_detail", PriorityFactory),
    ],
)
def test_detail_pages_matrix(client, name, factory, owner, member_readonly, outsider) -> None:
    obj = factory()
    matrix = ViewMatrix(client, reverse(name, args=[obj.pk]))
    matrix.allowed(member_readonly)
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")
    client.force_login(owner)
    assert client.get(reverse(name, args=[999999])).status_code == 404


ADD_FORMS = [
    (
        "partnership:area_create",
        {"name": "Newshire", "kind": "unitary", "ons_code": "E06999999", "la_number": "999"},
        Area,
    ),
    (
        "partnership:agency_create",
        {"name": "Synthetic Trust", "sector": "health", "on_board": "on"},
        Agency,
    ),
    ("partnership:group_create", {"name": "Synthetic subgroup", "kind": "subgroup"}, Group),
    (
        "partnership:priority_create",
        {
            "number": 5,
            "title": "A priority",
            **date_data("period_start", "2022-01-01"),
            **date_data("period_end", "2023-12-31"),
            "what_we_will_do": "Do",
            "what_success_looks_like": "Done",
        },
        Priority,
    ),
]


@pytest.mark.parametrize(("name", "data", "model"), ADD_FORMS)
def test_add_forms_matrix(client, name, data, model, officer, member_readonly, outsider) -> None:
    PartnershipFactory.create()
    matrix = ViewMatrix(client, reverse(name))
    matrix.allowed(officer)
    before = model.objects.count()
    matrix.allowed(officer, method="post", data=data, status=302)
    assert model.objects.count() == before + 1
    matrix.read_only_write(member_readonly, data=data)
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "put")
    assert model.objects.count() == before + 1


@pytest.mark.parametrize("name", [n for n, _d, _m in ADD_FORMS])
def test_add_forms_show_the_error_summary(client, officer, name) -> None:
    client.force_login(officer)
    response = client.post(reverse(name), {})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b'class="govuk-error-summary"' in response.content


def test_added_agency_is_listed(client, officer) -> None:
    client.force_login(officer)
    client.post(
        reverse("partnership:agency_create"), {"name": "Synthetic Trust", "sector": "health"}
    )
    response = client.get(reverse("partnership:agency_list"))
    assert b"Synthetic Trust" in response.content


def test_agency_update_matrix_and_conflict(
    client, owner, officer, member_readonly, outsider
) -> None:
    agency = AgencyFactory.create(sector=Agency.Sector.HEALTH)
    url = reverse("partnership:agency_update", args=[agency.pk])
    matrix = ViewMatrix(client, url)
    matrix.allowed(officer)
    matrix.read_only_write(member_readonly, data={"sector": "police", "version": 1})
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")
    data = {"sector": "police", "version": agency.version}
    matrix.allowed(owner, method="post", data=data, status=302)
    # A second editor who opened the form at the same version is told what changed.
    response = matrix.allowed(officer, method="post", data={"sector": "fire", "version": 1})
    assert "Someone else saved this record" in response.content.decode()
    assert "Sector is now “Police”" in response.content.decode()
    agency.refresh_from_db()
    assert agency.sector == "police"
    # The form now carries the current version: submitting again, knowingly, succeeds.
    assert f'name="version" value="{agency.version}"' in response.content.decode()
    matrix.allowed(
        officer, method="post", data={"sector": "fire", "version": agency.version}, status=302
    )
    agency.refresh_from_db()
    assert agency.sector == "fire"


def test_agency_rename_view(client, officer, member_readonly) -> None:
    agency = AgencyFactory.create(name="Old Name")
    url = reverse("partnership:agency_rename", args=[agency.pk])
    matrix = ViewMatrix(client, url)
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(officer, "delete")
    matrix.allowed(
        officer,
        method="post",
        data={
            "new_name": "New Name",
            **date_data("effective", "2030-01-01"),
            "version": agency.version,
        },
        status=302,
    )
    agency.refresh_from_db()
    assert agency.name == "New Name"
    assert list(agency.names.values_list("name", flat=True)) == ["New Name"]


def test_group_update_and_membership(client, officer, member_readonly, make_user) -> None:
    group = GroupFactory.create()
    matrix = ViewMatrix(client, reverse("partnership:group_update", args=[group.pk]))
    matrix.form_checks(officer, read_only=member_readonly)
    matrix.allowed(
        officer,
        method="post",
        data={"name": "Renamed group", "kind": "panel", "version": group.version},
        status=302,
    )
    group.refresh_from_db()
    assert (group.name, group.kind) == ("Renamed group", "panel")
    member = make_user(Role.BOARD_MEMBER)
    matrix = ViewMatrix(client, reverse("partnership:group_membership_add", args=[group.pk]))
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(officer, "delete")
    matrix.allowed(officer, method="post", data={"person": member.pk, "role": "chair"}, status=302)
    assert group.memberships.get().person == member


def test_priority_update(client, officer, member_readonly) -> None:
    priority = PriorityFactory.create()
    matrix = ViewMatrix(client, reverse("partnership:priority_update", args=[priority.pk]))
    matrix.form_checks(officer, read_only=member_readonly)
    data = {
        "number": 1,
        "title": "Changed",
        **date_data("period_start", "2019-10-01"),
        **date_data("period_end", "2021-12-31"),
        "what_we_will_do": "a",
        "what_success_looks_like": "b",
        "version": priority.version,
    }
    matrix.allowed(officer, method="post", data=data, status=302)
    priority.refresh_from_db()
    assert priority.title == "Changed"


def test_people_pages_are_for_administrators_only(
    client, owner, officer, member_readonly, make_user
) -> None:
    person = make_user()
    agency = AgencyFactory.create()
    matrix = ViewMatrix(client, reverse("partnership:person_list"))
    matrix.allowed(owner)
    matrix.outsider(officer)
    matrix.outsider(member_readonly)
    matrix.wrong_method(owner, "post")
    matrix = ViewMatrix(client, reverse("partnership:person_detail", args=[person.pk]))
    matrix.allowed(owner)
    matrix.outsider(officer)
    matrix.outsider(member_readonly, method="post", data={"role": "business_unit"})
    matrix.wrong_method(owner, "put")
    matrix.allowed(
        owner, method="post", data={"role": "agency_lead", "agency": agency.pk}, status=302
    )
    person.clear_role_cache()
    assert person.agency_ids_for(Role.AGENCY_LEAD) == frozenset({agency.pk})
    grant = person.role_grants.get()
    matrix = ViewMatrix(client, reverse("partnership:role_revoke", args=[person.pk, grant.pk]))
    matrix.wrong_method(owner, "get")
    matrix.outsider(officer, method="post")
    matrix.allowed(owner, method="post", status=302)
    assert not person.role_grants.exists()
    assert ActivityEvent.objects.filter(verb=verbs.ROLE_REVOKED).count() == 1


def test_governance_page_has_the_tree_and_its_text_equivalent(client, member_readonly) -> None:
    top = GroupFactory.create(name="Executive Board")
    GroupFactory.create(name="Children Board", parent=top)
    client.force_login(member_readonly)
    content = client.get(reverse("partnership:governance")).content.decode()
    assert "<svg" in content
    assert "The structure as a list" in content
    assert content.count("Children Board") >= 2  # drawn and listed


def test_area_update_and_districts(client, officer, member_readonly, outsider) -> None:
    area = AreaFactory.create(name="Testshire")
    matrix = ViewMatrix(client, reverse("partnership:area_update", args=[area.pk]))
    matrix.form_checks(officer, read_only=member_readonly, outsider=outsider)
    data = {
        "name": "Testshire County",
        "kind": "county",
        "ons_code": area.ons_code,
        "la_number": area.la_number,
        "version": area.version,
    }
    matrix.allowed(officer, method="post", data=data, status=302)
    area.refresh_from_db()
    assert (area.name, area.kind) == ("Testshire County", "county")

    matrix = ViewMatrix(client, reverse("partnership:district_create", args=[area.pk]))
    matrix.read_only_write(member_readonly)
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")
    matrix.allowed(
        officer, method="post", data={"name": "North", "ons_code": "E07999991"}, status=302
    )
    district = area.districts.get()
    matrix = ViewMatrix(
        client, reverse("partnership:district_update", args=[area.pk, district.pk])
    )
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(officer, "delete")
    matrix.allowed(
        officer,
        method="post",
        data={"name": "North District", "ons_code": "E07999991", "version": 1},
        status=302,
    )
    district.refresh_from_db()
    assert district.name == "North District"
    other_area = AreaFactory.create()
    client.force_login(officer)
    url = reverse("partnership:district_update", args=[other_area.pk, district.pk])
    assert client.get(url).status_code == 404  # the district is not in that area


def test_partnership_update(client, officer, member_readonly, outsider) -> None:
    partnership = PartnershipFactory.create()
    matrix = ViewMatrix(client, reverse("partnership:partnership_update"))
    matrix.form_checks(officer, read_only=member_readonly, outsider=outsider)
    matrix.allowed(
        officer,
        method="post",
        data={"name": "Renamed Partnership", "version": partnership.version},
        status=302,
    )
    partnership.refresh_from_db()
    assert partnership.name == "Renamed Partnership"


def test_group_membership_end(client, officer, member_readonly, outsider) -> None:
    group = GroupFactory.create()
    membership = group.memberships.create(agency=AgencyFactory.create(), role="member")
    url = reverse("partnership:group_membership_end", args=[group.pk, membership.pk])
    matrix = ViewMatrix(client, url)
    matrix.form_checks(officer, read_only=member_readonly, outsider=outsider)
    matrix.allowed(
        officer, method="post", data={**date_data("ended_on", "2021-03-31")}, status=302
    )
    membership.refresh_from_db()
    assert str(membership.ended_on) == "2021-03-31"
    assert ActivityEvent.objects.filter(verb=verbs.GROUP_MEMBERSHIP_ENDED).count() == 1


def test_agency_disable_page(client, officer, member_readonly, outsider) -> None:
    agency = AgencyFactory.create(name="Stopped Trust")
    url = reverse("partnership:agency_disable", args=[agency.pk])
    matrix = ViewMatrix(client, url)
    matrix.allowed(officer)
    matrix.read_only_write(
        member_readonly, data={**date_data("disabled_on", "2021-03-31"), "version": 1}
    )
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")
    detail = matrix.allowed(officer).content.decode()
    assert "Disable Stopped Trust" in detail
    matrix.allowed(
        officer,
        method="post",
        data={**date_data("disabled_on", "2021-03-31"), "version": 1},
        status=302,
    )
    agency.refresh_from_db()
    assert str(agency.disabled_on) == "2021-03-31"
    assert ActivityEvent.objects.filter(verb=verbs.AGENCY_DISABLED, actor=officer).count() == 1
    client.force_login(officer)
    page = client.get(reverse("partnership:agency_detail", args=[agency.pk])).content.decode()
    assert "Stopped Trust has been disabled" in page
    assert "Disabled on 31 March 2021" in page
    assert url not in page  # no second "Disable" button
    assert b"Stopped Trust" not in client.get(reverse("partnership:agency_list")).content
    # Disabling it again is refused on the page, not by an error.
    response = client.post(
        url, {**date_data("disabled_on", "2021-04-01"), "version": agency.version}
    )
    assert response.status_code == 200
    assert "already disabled" in response.content.decode()


def test_agency_detail_offers_disable_to_staff_only(client, officer, member_readonly) -> None:
    agency = AgencyFactory.create()
    url = reverse("partnership:agency_disable", args=[agency.pk])
    client.force_login(officer)
    assert (
        url in client.get(reverse("partnership:agency_detail", args=[agency.pk])).content.decode()
    )
    client.force_login(member_readonly)
    assert (
        url
        not in client.get(reverse("partnership:agency_detail", args=[agency.pk])).content.decode()
    )


def test_person_deactivate_page(client, owner, officer, member_readonly, make_user) -> None:
    person = make_user(Role.BOARD_MEMBER, full_name="Lee Leaver")
    url = reverse("partnership:person_deactivate", args=[person.pk])
    matrix = ViewMatrix(client, url)
    matrix.allowed(owner)
    matrix.outsider(officer)
    matrix.outsider(member_readonly, method="post")
    matrix.wrong_method(owner, "delete")
    client.force_login(owner)
    assert (
        url in client.get(reverse("partnership:person_detail", args=[person.pk])).content.decode()
    )
    matrix.allowed(owner, method="post", status=302)
    person.refresh_from_db()
    assert not person.is_active
    assert ActivityEvent.objects.filter(verb=verbs.PERSON_DEACTIVATED, actor=owner).count() == 1
    page = client.get(reverse("partnership:person_detail", args=[person.pk])).content.decode()
    assert "(deactivated)" in page
    assert url not in page
    # Deactivating again, or oneself, is refused on the page.
    assert "already deactivated" in client.post(url).content.decode()
    own = reverse("partnership:person_deactivate", args=[owner.pk])
    assert "your own account" in client.post(own).content.decode()
    owner.refresh_from_db()
    assert owner.is_active


def test_membership_and_role_grant_pages_404_for_another_group_or_person(
    client, owner, officer, make_user
) -> None:
    group, other_group = GroupFactory.create(), GroupFactory.create()
    membership = group.memberships.create(agency=AgencyFactory.create(), role="member")
    client.force_login(officer)
    url = reverse("partnership:group_membership_end", args=[other_group.pk, membership.pk])
    assert client.get(url).status_code == 404
    person, other_person = make_user(Role.BOARD_MEMBER), make_user()
    grant = person.role_grants.get()
    client.force_login(owner)
    url = reverse("partnership:role_revoke", args=[other_person.pk, grant.pk])
    assert client.post(url).status_code == 404
    assert person.role_grants.exists()
