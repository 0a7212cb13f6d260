"""Capacity is never exceeded when many people book the last places at the same moment.

Real threads, each with its own PostgreSQL connection, call the real booking service at once
(released together by a barrier). The service locks the session row (select_for_update), so
exactly the free places are confirmed and everyone else is waitlisted. SQLite serialises every
write, so the race cannot happen there: the test is skipped with that reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.training import services
from safeguarding.training.models import TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import TrainingSessionFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

PEOPLE = 24
FREE_PLACES = 5


def test_concurrent_bookings_never_exceed_capacity(
    make_practitioner: Callable[..., User],
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Row locking is only meaningful on PostgreSQL (SQLite serialises writes): run with "
            "DATABASE_URL=postgres://..."
        )
    session: TrainingSession = TrainingSessionFactory.create(
        capacity=FREE_PLACES, starts_at=timezone.now() + timedelta(days=10)
    )
    people = [make_practitioner() for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def book(person: User) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.booking_create(actor=person, session=session)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=book, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    statuses = list(
        TrainingBooking.objects.filter(session=session).values_list("status", flat=True)
    )
    assert len(statuses) == PEOPLE
    assert statuses.count(TrainingBooking.Status.CONFIRMED) == FREE_PLACES
    assert statuses.count(TrainingBooking.Status.WAITLISTED) == PEOPLE - FREE_PLACES
