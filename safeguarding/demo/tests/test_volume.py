"""demo_volume --scale small: the documented sizes, a second run refused, the chain intact."""

from __future__ import annotations

from datetime import date
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.selectors import chain_verify
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.child_deaths.models import ChildDeathNotification, PanelReview
from safeguarding.demo.volume.build import MARKER_VERB, VOLUME_DOMAIN
from safeguarding.demo.volume.returns import returns_years
from safeguarding.demo.volume.sizes import SCALES
from safeguarding.partnership import demo as partnership_demo
from safeguarding.training.models import Course, TrainingBooking, TrainingSession

pytestmark = pytest.mark.django_db
SMALL = SCALES["small"]


@pytest.fixture
def grown() -> dict[str, int]:
    """The demo partnership's structure and people (the rest of demo_seed is not needed), then
    the small volume over two years. Returns the counts from before the volume."""
    partnership_demo.seed()
    before = {
        "events": ActivityEvent.objects.count(),
        "people": User.objects.count(),
        "deaths": ChildDeathNotification.objects.count(),
    }
    call_command("demo_volume", "--scale", "small", "--years", "2", stdout=StringIO())
    return before


def test_small_scale_makes_the_documented_sizes(grown: dict[str, int]) -> None:
    volume_people = User.objects.filter(email__endswith=f"@{VOLUME_DOMAIN}")
    assert volume_people.count() == SMALL.people
    assert User.objects.count() == grown["people"] + SMALL.people
    assert RoleAssignment.objects.filter(user__in=volume_people).count() == SMALL.people
    assert Course.objects.filter(title__startswith="Volume course").count() == SMALL.courses
    assert TrainingSession.objects.count() == SMALL.sessions
    assert TrainingBooking.objects.count() == SMALL.bookings
    assert PracticeReview.objects.count() == SMALL.practice_reviews
    assert ActionPlan.objects.count() == SMALL.practice_reviews
    assert Action.objects.count() == SMALL.actions
    assert ChildDeathNotification.objects.count() == grown["deaths"] + SMALL.child_deaths
    assert ActivityEvent.objects.count() == grown["events"] + SMALL.events
    assert ActivityEvent.objects.filter(verb=MARKER_VERB).count() == 1


def test_statuses_follow_from_dates(grown: dict[str, int]) -> None:
    now, today = timezone.now(), timezone.localdate()
    future = TrainingBooking.objects.filter(session__starts_at__gt=now)
    assert not future.exclude(attendance="").exists()
    held = TrainingBooking.objects.filter(
        session__starts_at__lte=now,
        session__status=TrainingSession.Status.SCHEDULED,
        status=TrainingBooking.Status.CONFIRMED,
    )
    assert held.exists()
    assert not held.filter(attendance="").exists()
    assert not Action.objects.filter(completed_on__gt=today).exists()
    assert not ActivityEvent.objects.filter(occurred_at__gt=now).exists()
    reviewed = ChildDeathNotification.objects.filter(status=ChildDeathNotification.Status.REVIEWED)
    assert reviewed.count() == PanelReview.objects.filter(completed_on__isnull=False).count()
    # Every booking's learner is a practitioner of the booking's agency.
    for booking in TrainingBooking.objects.select_related("learner")[:200]:
        assert booking.learner is not None
        assert booking.agency_id in booking.learner.agency_ids_for("practitioner")


def test_a_second_run_is_refused_and_the_chain_verifies(grown: dict[str, int]) -> None:
    with pytest.raises(CommandError, match="already grown"):
        call_command("demo_volume", "--scale", "small", "--years", "2", stdout=StringIO())
    report = chain_verify()
    assert report.broken_at is None, report.reason
    assert report.checked == grown["events"] + SMALL.events
    out = StringIO()
    call_command("activity_log_verify", stdout=out)
    assert "intact" in out.getvalue()


def test_returns_years_are_the_most_recent_ended_years() -> None:
    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 12, 4)):
        years = returns_years(3)
    assert [year.label for year in years] == ["2023-24", "2024-25", "2025-26"]
    assert SCALES["small"].returns_years == 0
