from __future__ import annotations

import pytest

from safeguarding.accounts.roles import Role
from safeguarding.accounts.selectors import agency_lead_list, person_or_agency_leads
from safeguarding.accounts.tests.factories import RoleAssignmentFactory, UserFactory
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_agency_lead_list_is_the_open_leads_of_that_agency_by_email() -> None:
    agency, other = AgencyFactory.create(), AgencyFactory.create()
    second = UserFactory.create(email="b-lead@agency.example")
    first = UserFactory.create(email="a-lead@agency.example")
    gone = UserFactory.create(is_active=False)
    for user in (second, first, gone):
        RoleAssignmentFactory.create(user=user, role=Role.AGENCY_LEAD, agency=agency)
    RoleAssignmentFactory.create(role=Role.AGENCY_LEAD, agency=other)
    RoleAssignmentFactory.create(role=Role.PRACTITIONER, agency=agency)
    assert agency_lead_list(agency_id=agency.pk) == [first, second]


def test_person_or_agency_leads_names_the_person_while_their_account_is_open() -> None:
    agency = AgencyFactory.create()
    lead = RoleAssignmentFactory.create(role=Role.AGENCY_LEAD, agency=agency).user
    person = UserFactory.create()
    assert person_or_agency_leads(person=person, agency_id=agency.pk) == [person]
    person.is_active = False
    assert person_or_agency_leads(person=person, agency_id=agency.pk) == [lead]
    assert person_or_agency_leads(person=None, agency_id=agency.pk) == [lead]
