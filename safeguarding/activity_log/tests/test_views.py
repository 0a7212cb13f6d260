from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from safeguarding.activity_log import verbs
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record, event_record_view
from safeguarding.core.testing import ViewMatrix
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_event_list_matrix(client, owner, officer, member_readonly) -> None:
    event_record(actor=officer, verb="thing.done")
    matrix = ViewMatrix(client, reverse("activity_log:event_list"))
    response = matrix.allowed(owner)
    assert b"thing.done" in response.content
    matrix.outsider(officer)  # business unit officers do not read the log
    matrix.outsider(member_readonly)
    matrix.wrong_method(owner, "post")
    matrix.anonymous_redirected()


def test_event_list_filters_by_verb_and_person(client, owner, officer) -> None:
    event_record(actor=officer, verb="alpha.done")
    event_record(actor=owner, verb="beta.done")
    client.force_login(owner)
    response = client.get(reverse("activity_log:event_list"), {"verb": "alpha.done"})
    events = list(response.context["page_obj"])
    assert [e.verb for e in events] == ["alpha.done"]
    response = client.get(reverse("activity_log:event_list"), {"actor": owner.pk})
    assert {e.actor_id for e in response.context["page_obj"]} == {owner.pk}


def test_event_list_shows_error_summary_for_bad_dates(client, owner) -> None:
    client.force_login(owner)
    response = client.get(
        reverse("activity_log:event_list"), {"date_from": "2021-05-01", "date_to": "2021-04-01"}
    )
    assert b"There is a problem" in response.content


def test_viewer_list_matrix(client, owner, officer) -> None:
    agency = AgencyFactory.create()
    event_record_view(actor=officer, target=agency, what="the record")
    content_type = ContentType.objects.get_for_model(agency)
    matrix = ViewMatrix(
        client, reverse("activity_log:viewer_list", args=[content_type.pk, agency.pk])
    )
    response = matrix.allowed(owner)
    assert officer.email.encode() in response.content
    matrix.outsider(officer)
    matrix.wrong_method(owner, "post")


def test_viewer_list_for_a_missing_record_is_404(client, owner) -> None:
    content_type = ContentType.objects.get_for_model(ActivityEvent)
    client.force_login(owner)
    url = reverse("activity_log:viewer_list", args=[content_type.pk, 999999])
    assert client.get(url).status_code == 404


def test_viewer_list_for_a_missing_type_or_a_bad_number_is_404(client, owner) -> None:
    client.force_login(owner)
    assert client.get(reverse("activity_log:viewer_list", args=[999999, 1])).status_code == 404
    content_type = ContentType.objects.get_for_model(ActivityEvent)
    url = reverse("activity_log:viewer_list", args=[content_type.pk, "not-a-number"])
    assert client.get(url).status_code == 404


def test_task_list_shows_failed_jobs(client, owner, officer) -> None:
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="safeguarding.core.tasks.email_send_task",
        backend_name="default",
        run_after="9999-01-01T00:00:00Z",
        exception_class_path="smtplib.SMTPException",
        traceback="synthetic",
    )
    matrix = ViewMatrix(client, reverse("activity_log:task_list"))
    response = matrix.allowed(owner)
    assert b"smtplib.SMTPException" in response.content
    matrix.outsider(officer)
    matrix.wrong_method(owner, "post")


def test_signing_in_is_recorded(client, owner) -> None:
    from safeguarding.accounts.tests.factories import PASSWORD

    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert response.status_code == 302
    event = ActivityEvent.objects.filter(verb=verbs.SIGNED_IN).get()
    assert event.actor == owner
    assert event.ip_address == "127.0.0.1"
