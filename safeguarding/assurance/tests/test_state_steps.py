"""Issue #15: irreversible steps ask for confirmation, and no page offers a step the record's
state does not allow (a completed audit offers no "Add a case" or "Complete the audit")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.assurance import services
from safeguarding.assurance.models import Audit, Section11Return
from safeguarding.assurance.tests.factories import audit_make, cycle
from safeguarding.core.testing import date_data
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

STEPS = {
    "Add a case": "audit_case_add",
    "Record moderation": "audit_moderate",
    "Record a finding": "audit_finding_add",
    "Complete the audit": "audit_complete",
}


def _audit() -> Audit:
    agency = AgencyFactory.create()
    return audit_make([agency])


def _offered(client: Client, audit: Audit) -> set[str]:
    page = client.get(reverse("assurance:audit_detail", args=[audit.pk])).content.decode()
    return {
        label
        for label, name in STEPS.items()
        if reverse(f"assurance:{name}", args=[audit.pk]) in page
    }


def _allowed(client: Client, audit: Audit) -> set[str]:
    return {
        label
        for label, name in STEPS.items()
        if client.get(reverse(f"assurance:{name}", args=[audit.pk])).status_code == 200
    }


def test_each_audit_state_offers_only_the_steps_it_allows(client: Client, officer) -> None:
    client.force_login(officer)
    audit = _audit()
    agency = audit.agencies.get()
    case = services.audit_case_add(actor=None, audit=audit, case_reference="QA-1", agency=agency)
    audit.refresh_from_db()
    expected = {"Add a case", "Record a finding"}
    assert _offered(client, audit) == _allowed(client, audit) == expected  # planned

    services.audit_case_complete(
        actor=officer, case=case, answers={"seen": "Yes"}, auditor_grade="green"
    )
    audit.refresh_from_db()
    expected = {"Add a case", "Record moderation", "Record a finding"}
    assert _offered(client, audit) == _allowed(client, audit) == expected  # in progress

    services.audit_moderate(
        actor=officer,
        audit=audit,
        moderation_on=dt.date(2020, 7, 1),
        grades={case.pk: ("green", "")},
    )
    audit.refresh_from_db()
    expected = {"Record moderation", "Record a finding", "Complete the audit"}
    assert _offered(client, audit) == _allowed(client, audit) == expected  # moderated

    url = reverse("assurance:audit_complete", args=[audit.pk])
    data = {**date_data("completed_on", "2020-07-02"), "findings_summary": "Summary"}
    page = client.post(url, data)
    assert b"Confirm that the audit cannot be changed once complete." in page.content
    assert client.post(url, {**data, "confirmed": "on"}).status_code == 302
    audit.refresh_from_db()
    assert audit.status == Audit.Status.COMPLETE
    assert _offered(client, audit) == _allowed(client, audit) == set()  # complete
    assert client.post(reverse("assurance:audit_case_add", args=[audit.pk]), {}).status_code == 403


def test_section11_submit_asks_are_you_sure_and_is_then_not_offered(
    client: Client, officer
) -> None:
    ret = cycle(agencies=[AgencyFactory.create()]).returns.get()
    services.section11_return_save(
        actor=None,
        section11_return=ret,
        expected_version=None,
        scores={s.pk: {"self_score": 2, "evidence": "E"} for s in ret.scores.all()},
    )
    client.force_login(officer)
    detail = reverse("assurance:section11_return_detail", args=[ret.pk])
    submit = reverse("assurance:section11_return_submit", args=[ret.pk])
    page = client.get(detail).content.decode()
    assert f'href="{submit}"' in page  # a link to the confirmation page, not a POST button
    confirm = client.get(submit).content.decode()
    assert "Are you sure you want to submit the return?" in confirm
    assert client.post(submit, {}).status_code == 200
    ret.refresh_from_db()
    assert ret.status == Section11Return.Status.DRAFT
    assert client.post(submit, {"confirmed": "on"}).status_code == 302
    ret.refresh_from_db()
    assert ret.status == Section11Return.Status.SUBMITTED
    assert submit not in client.get(detail).content.decode()
    assert client.get(submit).status_code == 302
