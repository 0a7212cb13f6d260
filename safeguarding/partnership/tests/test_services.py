from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.concurrency import EditConflictError
from safeguarding.partnership import selectors, services, verbs
from safeguarding.partnership.models import Agency, Group
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory

pytestmark = pytest.mark.django_db


def test_agency_create_records_its_first_name_and_an_event(owner) -> None:
    agency = services.agency_create(
        actor=owner,
        name="Synthetic Health Trust",
        sector=Agency.Sector.HEALTH,
        name_since=date(2019, 4, 1),
    )
    assert [(n.name, n.valid_from, n.valid_to) for n in agency.names.all()] == [
        ("Synthetic Health Trust", date(2019, 4, 1), None)
    ]
    event = ActivityEvent.objects.get(verb=verbs.AGENCY_CREATED)
    assert event.actor == owner
    assert event.changes["name"] == {"before": None, "after": "Synthetic Health Trust"}


def test_statutory_partner_needs_its_role(owner) -> None:
    with pytest.raises(ValidationError) as error:
        services.agency_create(
            actor=owner,
            name="Synthetic Police",
            sector=Agency.Sector.POLICE,
            statutory_partner=True,
        )
    assert "statutory_role" in error.value.message_dict
    assert not Agency.objects.filter(name="Synthetic Police").exists()
    assert not ActivityEvent.objects.filter(verb=verbs.AGENCY_CREATED).exists()


def test_rename_keeps_the_history_and_answers_the_name_on_a_date(owner) -> None:
    agency = services.agency_create(
        actor=owner, name="Synthetic CCG", sector=Agency.Sector.HEALTH, name_since=date(2019, 4, 1)
    )
    services.agency_rename(
        actor=owner,
        agency=agency,
        new_name="Synthetic ICB",
        effective=date(2022, 7, 1),
        expected_version=agency.version,
    )
    agency.refresh_from_db()
    assert agency.name == "Synthetic ICB"
    assert selectors.agency_name_on(agency=agency, day=date(2021, 3, 31)) == "Synthetic CCG"
    assert selectors.agency_name_on(agency=agency, day=date(2022, 6, 30)) == "Synthetic CCG"
    assert selectors.agency_name_on(agency=agency, day=date(2022, 7, 1)) == "Synthetic ICB"
    assert ActivityEvent.objects.filter(verb=verbs.AGENCY_RENAMED).count() == 1


def test_rename_must_start_after_the_current_name(owner) -> None:
    agency = services.agency_create(
        actor=owner, name="Synthetic CCG", sector=Agency.Sector.HEALTH, name_since=date(2019, 4, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.agency_rename(
            actor=owner,
            agency=agency,
            new_name="New",
            effective=date(2019, 4, 1),
            expected_version=None,
        )
    assert "effective" in error.value.message_dict


def test_agency_update_refuses_a_name_change(owner) -> None:
    agency = AgencyFactory.create()
    with pytest.raises(ValidationError, match="Rename"):
        services.agency_update(actor=owner, agency=agency, expected_version=None, name="Other")


def test_stale_agency_update_is_refused(owner, officer) -> None:
    agency = AgencyFactory.create(sector=Agency.Sector.HEALTH)
    version = agency.version
    services.agency_update(
        actor=owner, agency=agency, expected_version=version, sector=Agency.Sector.POLICE
    )
    with pytest.raises(EditConflictError):
        services.agency_update(
            actor=officer,
            agency=Agency.objects.get(pk=agency.pk),
            expected_version=version,
            sector=Agency.Sector.FIRE,
        )


def test_a_group_cannot_report_to_itself_or_its_descendant(owner) -> None:
    top = GroupFactory.create()
    child = GroupFactory.create(parent=top)
    with pytest.raises(ValidationError):
        services.group_update(actor=owner, group=top, expected_version=None, parent=child)
    with pytest.raises(ValidationError):
        services.group_update(actor=owner, group=top, expected_version=None, parent=top)
    assert Group.objects.get(pk=top.pk).parent is None


def test_membership_needs_a_person_or_an_agency(owner) -> None:
    group = GroupFactory.create()
    with pytest.raises(ValidationError):
        services.group_membership_add(actor=owner, group=group, role="member")
    membership = services.group_membership_add(
        actor=owner, group=group, agency=AgencyFactory.create(), role="member"
    )
    assert membership.pk


def test_role_grant_scopes_agency_roles_and_rejects_duplicates(owner, make_user) -> None:
    person = make_user()
    agency = AgencyFactory.create()
    with pytest.raises(ValidationError):
        services.role_grant(actor=owner, user=person, role=Role.AGENCY_LEAD)
    services.role_grant(actor=owner, user=person, role=Role.AGENCY_LEAD, agency=agency)
    assert person.agency_ids_for(Role.AGENCY_LEAD) == frozenset({agency.pk})
    with pytest.raises(ValidationError, match="already has"):
        services.role_grant(actor=owner, user=person, role=Role.AGENCY_LEAD, agency=agency)
    # A partnership-wide role drops any agency given.
    grant = services.role_grant(actor=owner, user=person, role=Role.BOARD_MEMBER, agency=agency)
    assert grant.agency is None
    assert (
        ActivityEvent.objects.filter(verb=verbs.ROLE_GRANTED, target_id=str(person.pk)).count()
        == 2
    )


def test_role_revoke_removes_access(owner, make_user) -> None:
    person = make_user(Role.BUSINESS_UNIT)
    assert person.is_partnership_staff
    services.role_revoke(actor=owner, grant=person.role_grants.get())
    assert not person.is_partnership_staff


def test_practitioner_registration_grants_practitioner_for_the_agency(make_user) -> None:
    person = make_user(full_name="")
    agency = AgencyFactory.create()
    services.practitioner_register(user=person, full_name=" Pat Synthetic ", agency=agency)
    assert person.full_name == "Pat Synthetic"
    assert person.agency_ids_for(Role.PRACTITIONER) == frozenset({agency.pk})


def test_person_cannot_deactivate_themselves(owner) -> None:
    with pytest.raises(ValidationError):
        services.person_deactivate(actor=owner, person=owner)


def test_agency_disable_takes_it_off_the_lists_and_is_logged(owner) -> None:
    agency = AgencyFactory.create()
    services.agency_disable(
        actor=owner, agency=agency, disabled_on=date(2021, 3, 31), expected_version=1
    )
    agency.refresh_from_db()
    assert agency.disabled_on == date(2021, 3, 31)
    assert agency not in selectors.agency_list()
    assert agency in selectors.agency_list(include_disabled=True)
    event = ActivityEvent.objects.get(verb=verbs.AGENCY_DISABLED)
    assert event.changes["disabled_on"] == {"before": None, "after": "2021-03-31"}


def test_agency_disable_rejected_when_already_disabled_or_in_the_future(owner) -> None:
    agency = AgencyFactory.create()
    with pytest.raises(ValidationError) as raised:
        services.agency_disable(
            actor=owner, agency=agency, disabled_on=date(2999, 1, 1), expected_version=None
        )
    assert "disabled_on" in raised.value.error_dict
    services.agency_disable(
        actor=owner, agency=agency, disabled_on=date(2021, 3, 31), expected_version=None
    )
    with pytest.raises(ValidationError, match="already disabled"):
        services.agency_disable(
            actor=owner, agency=agency, disabled_on=date(2021, 4, 1), expected_version=None
        )
    assert ActivityEvent.objects.filter(verb=verbs.AGENCY_DISABLED).count() == 1
