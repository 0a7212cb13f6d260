"""Benchmark: 200 concurrent booking requests for the last 5 places of a session.

Runs the real booking service (safeguarding.training.services.booking_create, which locks the
session row) against PostgreSQL, and prints confirmed, waitlisted, errors and time. The result
must be exactly 5 confirmed and 195 waitlisted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/booking_contention.py

It creates (and afterwards drops) its own scratch database, `bench_booking_contention`, on the
server DATABASE_URL points at. BENCH_WORKERS (default 40) sets how many database connections
serve the requests, so the benchmark stays under the server's connection limit; all 200 requests
are queued at once and released together.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch import postgres_url, scratch_database  # noqa: E402

REQUESTS = 200
FREE_PLACES = 5
SCRATCH_DB = "bench_booking_contention"


def main() -> int:
    base_url = postgres_url("the benchmark needs PostgreSQL")
    if not base_url:
        return 2
    workers = int(os.environ.get("BENCH_WORKERS", "40"))
    with scratch_database(base_url, SCRATCH_DB) as url:
        return _run(url, workers)


def _run(url: str, workers: int) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from safeguarding.accounts.models import User
    from safeguarding.accounts.roles import Role
    from safeguarding.partnership import services as partnership_services
    from safeguarding.partnership.models import Agency
    from safeguarding.training import services
    from safeguarding.training.models import Course, TrainingBooking, TrainingSession

    call_command("migrate", verbosity=0)
    agency = Agency.objects.create(name="Bench Agency", sector=Agency.Sector.HEALTH)
    course = Course.objects.create(
        title="Bench course", summary="Bench", audience="All", format=Course.Format.LIVE_WEBINAR
    )
    capacity = 40
    session = TrainingSession.objects.create(
        course=course, starts_at=timezone.now() + timedelta(days=14), capacity=capacity
    )
    # Fill all but the last FREE_PLACES places.
    TrainingBooking.objects.bulk_create(
        TrainingBooking(session=session, agency=agency, status=TrainingBooking.Status.CONFIRMED)
        for _ in range(capacity - FREE_PLACES)
    )
    people = []
    for n in range(REQUESTS):
        user = User.objects.create_user(email=f"bench{n}@bench.example", full_name=f"Bench {n}")
        partnership_services.role_grant(
            actor=None, user=user, role=Role.PRACTITIONER, agency=agency
        )
        people.append(user)
    connection.close()

    requests: queue.Queue[User] = queue.Queue()
    for person in people:
        requests.put(person)
    results: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    start_gate = threading.Barrier(workers + 1)

    def worker() -> None:
        from django.db import connection as thread_connection

        start_gate.wait()
        while True:
            try:
                person = requests.get_nowait()
            except queue.Empty:
                break
            try:
                booking = services.booking_create(actor=person, session=session)
                with lock:
                    results.append(booking.status)
            except Exception as exc:  # noqa: BLE001 - counted and printed
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
        thread_connection.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    confirmed = results.count(TrainingBooking.Status.CONFIRMED)
    waitlisted = results.count(TrainingBooking.Status.WAITLISTED)
    in_db = TrainingBooking.objects.filter(
        session=session, status=TrainingBooking.Status.CONFIRMED
    ).count()
    print(f"requests:   {REQUESTS} for the last {FREE_PLACES} places ({workers} connections)")
    print(f"confirmed:  {confirmed}")
    print(f"waitlisted: {waitlisted}")
    print(f"errors:     {len(errors)}")
    for error in errors[:5]:
        print(f"  {error}")
    print(f"time:       {elapsed:.2f} s ({REQUESTS / elapsed:.0f} bookings per second)")
    print(f"session:    {in_db} of {capacity} places confirmed in the database")
    connection.close()
    ok = confirmed == FREE_PLACES and waitlisted == REQUESTS - FREE_PLACES and not errors
    print("result:     OK" if ok else "result:     FAILED")
    return 0 if ok and in_db == capacity else 1


if __name__ == "__main__":
    sys.exit(main())
