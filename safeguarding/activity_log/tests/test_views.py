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
    events = response.context["event_page"].events
    assert [e.verb for e in events] == ["alpha.done"]
    response = client.get(reverse("activity_log:event_list"), {"actor": owner.email})
    assert {e.actor_id for e in response.context["event_page"].events} == {owner.pk}


def test_event_list_shows_error_summary_for_bad_dates(client, owner) -> None:
    client.force_login(owner)
    response = client.get(
        reverse("activity_log:event_list"),
        {
            "date_from-day": "1",
            "date_from-month": "5",
            "date_from-year": "2021",
            "date_to-day": "1",
            "date_to-month": "4",
            "date_to-year": "2021",
        },
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


def _failed_email_task() -> None:
    """A background e-mail that failed (SMTP), as the worker leaves it."""
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


def test_task_list_shows_failed_jobs(client, owner, officer) -> None:
    _failed_email_task()
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


# --- keyset paging (#17) ---------------------------------------------------------------


def _add_events(total: int, actor) -> None:
    for number in range(ActivityEvent.objects.count(), total):
        event_record(actor=actor, verb=f"paging.step{number % 3}")


def test_event_list_costs_the_same_queries_at_any_size(client, owner) -> None:
    from safeguarding.core.testing import assert_same_query_count

    client.force_login(owner)
    url = reverse("activity_log:event_list")
    assert_same_query_count(
        lambda n: _add_events(n, owner), lambda: client.get(url), sizes=(3, 130)
    )
    oldest = ActivityEvent.objects.order_by("id").first()
    assert oldest is not None
    assert_same_query_count(
        lambda n: _add_events(n, owner),
        lambda: client.get(url, {"before": oldest.pk + 60}),
        sizes=(130, 260),
    )


def test_event_list_paging_visits_every_event_exactly_once(client, owner) -> None:
    _add_events(123, owner)
    client.force_login(owner)
    url = reverse("activity_log:event_list")
    seen: list[int] = []
    params: dict[str, object] = {}
    pages = 0
    while True:
        page = client.get(url, params).context["event_page"]
        seen.extend(event.pk for event in page.events)
        pages += 1
        if page.older_than is None or pages > 10:
            break
        params = {"before": page.older_than}
    assert pages == 3
    everything = list(ActivityEvent.objects.order_by("-id").values_list("id", flat=True))
    assert seen == everything
    # and back again with the "Newer" links
    back: list[int] = []
    while True:
        back = [event.pk for event in page.events] + back
        if page.newer_than is None:
            break
        page = client.get(url, {"after": page.newer_than}).context["event_page"]
    assert back == everything


def test_event_list_never_counts_or_offsets_the_log(client, owner) -> None:
    """A keyset page: no COUNT, no OFFSET, no DISTINCT scan of the whole log."""
    from safeguarding.core.testing import query_count

    _add_events(120, owner)
    client.force_login(owner)
    url = reverse("activity_log:event_list")
    middle = ActivityEvent.objects.order_by("-id")[60].pk
    for params in ({}, {"before": str(middle)}):

        def visit(params: dict[str, str] = params) -> object:
            return client.get(url, params)

        _, sql = query_count(visit)
        log_queries = [q.upper() for q in sql if "ACTIVITY_LOG_ACTIVITYEVENT" in q.upper()]
        assert log_queries
        for query in log_queries:
            assert "COUNT(" not in query
            assert "OFFSET" not in query
            assert "DISTINCT" not in query


def test_event_list_paging_keeps_the_filters(client, owner, officer) -> None:
    for _ in range(60):
        event_record(actor=officer, verb="wanted.thing")
        event_record(actor=owner, verb="other.thing")
    client.force_login(owner)
    url = reverse("activity_log:event_list")
    first = client.get(url, {"verb": "wanted.thing"})
    page = first.context["event_page"]
    assert {event.verb for event in page.events} == {"wanted.thing"}
    assert f"verb=wanted.thing&amp;before={page.older_than}" in first.content.decode()
    second = client.get(url, {"verb": "wanted.thing", "before": page.older_than})
    rest = second.context["event_page"]
    assert len(page.events) + len(rest.events) == 60
    assert {event.verb for event in rest.events} == {"wanted.thing"}


def test_event_list_filters_by_kind_target_type_and_dates(client, owner) -> None:
    import time_machine

    agency = AgencyFactory.create()
    with time_machine.travel("2026-03-01 10:00:00Z"):
        event_record_view(actor=owner, target=agency, what="the record")
    with time_machine.travel("2026-03-20 10:00:00Z"):
        event_record(actor=owner, verb="later.thing")
    client.force_login(owner)
    url = reverse("activity_log:event_list")
    content_type = ContentType.objects.get_for_model(agency)
    by_type = client.get(url, {"target_type": content_type.pk, "kind": "view"})
    assert [e.verb for e in by_type.context["event_page"].events] == [verbs.VIEWED]
    by_date = client.get(
        url,
        {
            "date_from-day": "15",
            "date_from-month": "3",
            "date_from-year": "2026",
            "date_to-day": "31",
            "date_to-month": "3",
            "date_to-year": "2026",
        },
    )
    assert "later.thing" in [e.verb for e in by_date.context["event_page"].events]
    assert verbs.VIEWED not in [e.verb for e in by_date.context["event_page"].events]


def test_viewer_list_is_paged(client, owner, officer) -> None:
    from safeguarding.core.testing import assert_same_query_count

    agency = AgencyFactory.create()
    content_type = ContentType.objects.get_for_model(agency)
    url = reverse("activity_log:viewer_list", args=[content_type.pk, agency.pk])

    def build(total: int) -> None:
        while ActivityEvent.objects.filter(kind=ActivityEvent.Kind.VIEW).count() < total:
            event_record_view(actor=officer, target=agency, what="the record")

    client.force_login(owner)
    assert_same_query_count(build, lambda: client.get(url), sizes=(3, 80))
    page = client.get(url).context["event_page"]
    assert len(page.events) == 50
    assert page.older_than is not None


def test_task_list_pages_failed_jobs(client, owner) -> None:
    for _ in range(55):
        _failed_email_task()
    client.force_login(owner)
    response = client.get(reverse("activity_log:task_list"))
    assert len(response.context["failed"].object_list) == 50
    assert b"page=2" in response.content
