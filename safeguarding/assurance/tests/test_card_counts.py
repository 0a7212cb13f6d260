"""Issue #15: every "My work" card's number equals the length of the list it opens (counted on
the page the card links to, over every page)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.roles import Role
from safeguarding.assurance import cards, services
from safeguarding.assurance.tests.factories import audit_make, commentary_make, cycle
from safeguarding.core.testing import assert_card_matches
from safeguarding.partnership.tests.factories import AgencyFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_section11_card_matches_its_list(client: Client, make_user) -> None:
    agencies = AgencyFactory.create_batch(7)
    lead = make_user(*[(Role.AGENCY_LEAD, a) for a in agencies])
    cycle(agencies=agencies)
    client.force_login(lead)
    assert_card_matches(
        client, cards.section11_returns_card(lead), 7, items_shown=cards.CARD_ITEMS_SHOWN
    )


def test_audit_cases_card_matches_its_list(client: Client, officer) -> None:
    agency = AgencyFactory.create()
    audit = audit_make([agency])
    cases = [
        services.audit_case_add(
            actor=None, audit=audit, case_reference=f"QA-{n}", agency=agency, auditor=officer
        )
        for n in range(4)
    ]
    services.audit_case_complete(
        actor=officer, case=cases[0], answers={"seen": "Yes"}, auditor_grade="green"
    )
    client.force_login(officer)
    assert_card_matches(
        client, cards.audit_cases_card(officer), 3, items_shown=cards.CARD_ITEMS_SHOWN
    )


def test_audit_cases_list_is_not_found_for_a_person_with_no_role(
    client: Client, outsider, officer
) -> None:
    client.force_login(outsider)
    url = reverse("assurance:work_list", args=["audit-cases"])
    assert client.get(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 200


def test_review_card_matches_its_list(client: Client, officer) -> None:
    agencies = AgencyFactory.create_batch(3)
    for ret in cycle(agencies=agencies).returns.order_by("pk")[:2]:
        services.section11_return_save(
            actor=None,
            section11_return=ret,
            expected_version=None,
            scores={
                s.pk: {"self_score": 2, "evidence": "Policy (synthetic)."}
                for s in ret.scores.all()
            },
        )
        services.section11_return_submit(actor=None, section11_return=ret)
    commentary_make(PriorityFactory.create(), agencies[2], escalation="Tools are not used.")
    client.force_login(officer)
    assert_card_matches(
        client, cards.assurance_review_card(officer), 3, items_shown=cards.CARD_ITEMS_SHOWN
    )


def test_work_list_of_another_kind_is_not_found(client: Client, officer) -> None:
    client.force_login(officer)
    assert client.get(reverse("assurance:work_list", args=["nothing"])).status_code == 404
