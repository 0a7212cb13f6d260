"""Every training list and detail page makes the same number of queries whether it shows 3
records or 30 (issue #17: ten years of a large partnership): no query per row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import count
from operator import attrgetter
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.tests.factories import UserFactory
from safeguarding.core.testing import page_queries
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory, PriorityFactory
from safeguarding.training.models import (
    BriefingCompletion,
    Certificate,
    CourseValidation,
    TrainingBooking,
    TrainingNeedsGap,
    TrainingNeedsResponse,
    TrainingNeedsSurvey,
    TrainingSession,
)
from safeguarding.training.tests.factories import (
    BriefingFactory,
    CourseFactory,
    CourseValidationFactory,
    TrainingBookingFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

PAST = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)
_codes = count(1)


@dataclass
class World:
    """What the pages are about: one course, session, agency (with its lead) and learner."""

    session: TrainingSession
    past_session: TrainingSession
    agency: Agency
    learner: User
    lead: User
    owner: User
    survey: TrainingNeedsSurvey
    validation: CourseValidation


@pytest.fixture
def world(
    frozen: Any,
    session: TrainingSession,
    agency_a: Agency,
    learner: User,
    lead_a: User,
    owner: User,
) -> World:
    session.capacity = 100
    session.save()
    return World(
        session=session,
        past_session=TrainingSessionFactory.create(
            course=session.course, starts_at=PAST, capacity=100
        ),
        agency=agency_a,
        learner=learner,
        lead=lead_a,
        owner=owner,
        survey=TrainingNeedsSurvey.objects.create(
            year_label="2025-26", opens_on=date(2025, 5, 1), closes_on=date(2025, 7, 1)
        ),
        validation=CourseValidationFactory.create(agency=agency_a),
    )


def _person() -> User:
    return UserFactory.create()


def _certificate(booking: TrainingBooking | None = None, **kwargs: Any) -> Certificate:
    learner = booking.learner if booking else kwargs.pop("learner")
    assert learner is not None
    return Certificate.objects.create(
        booking=booking,
        learner=learner,
        code=f"CODE{next(_codes):012d}",
        title="Synthetic certificate",
        completed_on=date(2025, 5, 1),
        issued_at=timezone.now(),
        **kwargs,
    )


# --- what each page lists, n more of ----------------------------------------------------------


def _courses(world: World, n: int) -> None:
    for _ in range(n):
        TrainingSessionFactory.create(course=CourseFactory.create())


def _course_sessions(world: World, n: int) -> None:
    for day in range(n):
        TrainingSessionFactory.create(course=world.session.course)
        TrainingSessionFactory.create(
            course=world.session.course, starts_at=PAST - timedelta(days=day + 1)
        )


def _session_bookings(world: World, n: int) -> None:
    for _ in range(n):
        TrainingBookingFactory.create(
            session=world.session, agency=world.agency, learner=_person()
        )


def _briefings(world: World, n: int) -> None:
    for _ in range(n):
        briefing = BriefingFactory.create()
        BriefingCompletion.objects.create(
            briefing=briefing, learner=_person(), completed_at=timezone.now()
        )


def _briefing_completions(world: World, n: int) -> None:
    briefing = BriefingFactory.create(title="The one briefing") if n == 3 else None
    briefing = briefing or world.briefing  # type: ignore[attr-defined]
    world.briefing = briefing  # type: ignore[attr-defined]
    for _ in range(n):
        BriefingCompletion.objects.create(
            briefing=briefing, learner=_person(), completed_at=timezone.now()
        )


def _own_bookings(world: World, n: int) -> None:
    for _ in range(n):
        attended = TrainingBookingFactory.create(
            session=TrainingSessionFactory.create(starts_at=PAST),
            agency=world.agency,
            learner=world.learner,
            attendance=TrainingBooking.Attendance.ATTENDED,
        )
        _certificate(attended)
        TrainingBookingFactory.create(
            session=TrainingSessionFactory.create(), agency=world.agency, learner=world.learner
        )


def _own_briefing_certificates(world: World, n: int) -> None:
    for _ in range(n):
        completion = BriefingCompletion.objects.create(
            briefing=BriefingFactory.create(), learner=world.learner, completed_at=timezone.now()
        )
        _certificate(briefing_completion=completion, learner=world.learner)


def _managed_sessions(world: World, n: int) -> None:
    for _ in range(n):
        session = TrainingSessionFactory.create(trainer=_person())
        TrainingBookingFactory.create(session=session, agency=world.agency, learner=_person())


def _register(world: World, n: int) -> None:
    for _ in range(n):
        booking = TrainingBookingFactory.create(
            session=world.past_session,
            agency=AgencyFactory.create(),
            learner=_person(),
            attendance=TrainingBooking.Attendance.ATTENDED,
        )
        _certificate(booking)
        TrainingBookingFactory.create(
            session=world.past_session,
            agency=world.agency,
            learner=_person(),
            status=TrainingBooking.Status.WAITLISTED,
            waitlisted_at=timezone.now(),
        )


def _approvals(world: World, n: int) -> None:
    for _ in range(n):
        TrainingBookingFactory.create(
            session=TrainingSessionFactory.create(),
            agency=world.agency,
            learner=_person(),
            status=TrainingBooking.Status.PENDING_APPROVAL,
        )


def _charges(world: World, n: int, agency: Agency | None = None) -> None:
    for _ in range(n):
        TrainingBookingFactory.create(
            session=TrainingSessionFactory.create(starts_at=PAST),
            agency=agency or world.agency,
            learner=_person(),
            attendance=TrainingBooking.Attendance.NO_SHOW,
            charge_pence=5000,
        )


def _charged_agencies(world: World, n: int) -> None:
    for _ in range(n):
        _charges(world, 1, agency=AgencyFactory.create())


def _agency_everything(world: World, n: int) -> None:
    _session_bookings(world, n)
    _approvals(world, n)
    _charges(world, n)


def _validations(world: World, n: int) -> None:
    for _ in range(n):
        CourseValidationFactory.create(agency=AgencyFactory.create())
        CourseValidationFactory.create(
            agency=world.agency, status=CourseValidation.Status.VALIDATED
        )


def _surveys(world: World, n: int) -> None:
    for year in range(n):
        survey = TrainingNeedsSurvey.objects.create(
            year_label=f"{1990 + len(str(n)) * 40 + year}-xx"[:7],
            opens_on=date(2000, 1, 1) + timedelta(days=year),
            closes_on=date(2000, 2, 1),
        )
        TrainingNeedsResponse.objects.create(
            survey=survey, agency=AgencyFactory.create(), training_offered="Some."
        )


def _needs_responses(world: World, n: int) -> None:
    priorities = getattr(world, "priorities", None) or [PriorityFactory.create() for _ in range(3)]
    world.priorities = priorities  # type: ignore[attr-defined]
    for _ in range(n):
        response = TrainingNeedsResponse.objects.create(
            survey=world.survey, agency=AgencyFactory.create(), training_offered="Some."
        )
        for priority in priorities:
            TrainingNeedsGap.objects.create(
                response=response, priority=priority, covered=False, gap="A gap."
            )


def _impact(world: World, n: int) -> None:
    _register(world, n)
    _charges(world, n)


# --- the pages ---------------------------------------------------------------------------------

Page = tuple[str, Callable[[World], str], Callable[[World, int], None], str]


def _page(name: str, record: str = "", query: str = "") -> Callable[[World], str]:
    """The address of the page `training:<name>`: about the world's `record` (an attribute
    path, "session.pk") when given, then `query`."""

    def url(world: World) -> str:
        args = [attrgetter(record)(world)] if record else []
        return reverse(f"training:{name}", args=args) + query

    return url


PAGES: list[Page] = [
    ("catalogue", _page("course_list"), _courses, ""),
    ("course", _page("course_detail", "session.course_id"), _course_sessions, ""),
    ("session", _page("session_detail", "session.pk"), _session_bookings, "learner"),
    ("briefings", _page("briefing_list"), _briefings, "learner"),
    ("briefing", _page("briefing_detail", "briefing.pk"), _briefing_completions, "learner"),
    ("bookings", _page("booking_list"), _own_bookings, "learner"),
    ("certificates", _page("certificate_list"), _own_briefing_certificates, "learner"),
    ("manage", _page("manage"), _managed_sessions, "owner"),
    ("register", _page("session_register", "past_session.pk"), _register, "owner"),
    ("approvals", _page("approval_list"), _approvals, "lead"),
    ("statements", _page("statement_list"), _charged_agencies, "owner"),
    ("statement", _page("agency_statement", "agency.pk"), _charges, "lead"),
    ("agency", _page("agency_training", "agency.pk"), _agency_everything, "lead"),
    (
        "agency charges",
        _page("agency_training", "agency.pk", "?show=charges"),
        _agency_everything,
        "lead",
    ),
    ("validations", _page("validation_list"), _validations, "owner"),
    ("validated", _page("validation_list", query="?status=validated"), _validations, "lead"),
    ("validation", _page("validation_detail", "validation.pk"), _validations, "owner"),
    ("needs surveys", _page("needs_survey_list"), _surveys, "owner"),
    ("needs survey", _page("needs_survey_detail", "survey.pk"), _needs_responses, "owner"),
    (
        "impact report",
        lambda w: reverse("training:impact_report", args=["2025-26"]),
        _impact,
        "owner",
    ),
]


def _signed_in_as(client: Client, world: World, page: Page) -> Page:
    """Sign in as the page's viewer (none: anonymous); the page back, to unpack."""
    if page[3]:
        client.force_login(getattr(world, page[3]))
    return page


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_queries_do_not_grow_with_the_records_shown(
    client: Client, world: World, page: Page
) -> None:
    name, url, grow, _viewer = _signed_in_as(client, world, page)
    grow(world, 3)
    page_queries(client, url(world))  # warm the caches (content types, the session)
    small = page_queries(client, url(world))
    grow(world, 27)
    large = page_queries(client, url(world))
    assert small == large, f"{name}: {small} queries with 3 records, {large} with 30"


LISTS = [
    page
    for page in PAGES
    if page[0]
    in {
        "catalogue",
        "course",
        "briefings",
        "bookings",
        "certificates",
        "manage",
        "approvals",
        "statements",
        "statement",
        "agency",
        "validations",
        "validated",
        "needs surveys",
    }
]


@pytest.mark.parametrize("page", LISTS, ids=[p[0] for p in LISTS])
def test_every_list_is_paginated_with_a_count(client: Client, world: World, page: Page) -> None:
    name, url, grow, _viewer = _signed_in_as(client, world, page)
    grow(world, 30)
    html = client.get(url(world)).content.decode()
    assert 'class="govuk-pagination"' in html, name
    assert 'aria-label="Page 2"' in html, name
    second = client.get(url(world) + ("&" if "?" in url(world) else "?") + "page=2")
    assert second.status_code == 200
