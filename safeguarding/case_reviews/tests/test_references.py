"""A notification's reference (SIN-<year>-NNN) is unique and taken safely when two people
record a notification at the same moment: the second insert is refused by the unique
constraint and retried with the number read again (issue #12)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from safeguarding.accounts.models import User
from safeguarding.case_reviews import services
from safeguarding.case_reviews.models import IncidentNotification
from safeguarding.case_reviews.services import notifications
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AreaFactory


def _create(actor: User | None, area: Area, aware_on: date) -> IncidentNotification:
    return services.incident_notification_create(
        actor=actor, area=area, incident_type="death", aware_on=aware_on
    )


@pytest.mark.django_db
def test_a_stale_last_number_is_retried_not_duplicated(
    officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = AreaFactory.create()
    first = _create(officer, area, date(2021, 4, 1))
    real = notifications._last_reference_number
    reads: list[int] = []

    def stale_once(prefix: str) -> int:
        # The first read misses the notification saved a moment ago (another transaction),
        # as it would in a race; the retry reads again.
        reads.append(1)
        return 0 if len(reads) == 1 else real(prefix)

    monkeypatch.setattr(notifications, "_last_reference_number", stale_once)
    second = _create(officer, area, date(2021, 5, 1))

    assert first.reference == "SIN-2021-001"
    assert second.reference == "SIN-2021-002"
    assert len(reads) == 2
    assert IncidentNotification.objects.count() == 2


@pytest.mark.django_db
def test_numbers_are_compared_as_numbers_past_999(officer: User) -> None:
    area = AreaFactory.create()
    notification = _create(officer, area, date(2021, 4, 1))
    IncidentNotification.objects.filter(pk=notification.pk).update(reference="SIN-2021-999")
    after = _create(officer, area, date(2021, 4, 2))
    assert after.reference == "SIN-2021-1000"
    assert _create(officer, area, date(2021, 4, 3)).reference == "SIN-2021-1001"


PEOPLE = 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_notifications_get_distinct_references(officer: User) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "The race needs concurrent transactions (SQLite serialises writes): run with "
            "DATABASE_URL=postgres://..."
        )
    area = AreaFactory.create()
    barrier = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def record() -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            _create(officer, area, date(2021, 4, 1))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=record) for _ in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    references = sorted(IncidentNotification.objects.values_list("reference", flat=True))
    assert references == [f"SIN-2021-{n:03d}" for n in range(1, PEOPLE + 1)]
