"""Edit conflicts on every training edit page: two people edit from the same version; the
second is shown the conflict, and the form they see carries the current version, so sending it
again saves (it used to keep the stale version and conflict again, for ever)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.core.testing import date_data, datetime_data
from safeguarding.partnership.models import Agency
from safeguarding.training import services
from safeguarding.training.models import CourseValidation, TrainingSession
from safeguarding.training.rules import VALIDATION_CHECKLIST
from safeguarding.training.tests.factories import CourseValidationFactory

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else saved this record"


def _shown_version(html: str) -> str:
    match = re.search(r'name="version" value="(\d+)"', html)
    assert match, "the re-shown form has no version field"
    return match.group(1)


def _two_edits_then_resubmit(
    client: Client,
    url: str,
    first: User,
    second: User,
    mine: dict[str, str],
    theirs: dict[str, str],
) -> None:
    """`first` saves `theirs`; `second`, who started from the same version, sends `mine`."""
    client.force_login(first)
    assert client.post(url, theirs).status_code == 302

    client.force_login(second)
    response = client.post(url, mine)
    assert response.status_code == 200
    html = response.content.decode()
    assert CONFLICT in html
    refreshed = _shown_version(html)
    assert refreshed != mine["version"]

    again = client.post(url, dict(mine, version=refreshed))
    assert again.status_code == 302, again.content.decode()


def _course_form(version: object, **changes: str) -> dict[str, str]:
    """What the course edit page sends, from `version`, with `changes`."""
    data = {
        "title": "Synthetic course",
        "summary": "About it",
        "audience": "All",
        "level": "core",
        "format": "live_webinar",
        "is_published": "on",
        "version": str(version),
    }
    return {**data, **changes}


def _session_form(version: object, **changes: str) -> dict[str, str]:
    """What the session edit page sends, from `version`, with `changes`."""
    data = {
        **datetime_data("starts_at", "2025-06-12 10:00"),
        "duration_minutes": "90",
        "trainer_name": "Synthetic Trainer",
        "capacity": "30",
        "version": str(version),
    }
    return {**data, **changes}


FORMS = {"course": _course_form, "session": _session_form}


@pytest.mark.parametrize(
    ("page", "field", "theirs", "mine", "saved"),
    [
        ("course", "title", "The officer's title", "The owner's title", "The owner's title"),
        ("session", "capacity", "30", "40", 40),
    ],
)
def test_course_and_session_edit_after_a_conflict_saves_on_the_second_submit(
    client: Client,
    session: TrainingSession,
    owner: User,
    officer: User,
    page: str,
    field: str,
    theirs: str,
    mine: str,
    saved: object,
) -> None:
    record = {"course": session.course, "session": session}[page]
    form = FORMS[page]
    _two_edits_then_resubmit(
        client,
        reverse(f"training:{page}_update", args=[record.pk]),
        first=officer,
        second=owner,
        theirs=form(record.version, **{field: theirs}),
        mine=form(record.version, **{field: mine}),
    )
    record.refresh_from_db()
    assert getattr(record, field) == saved


def test_validation_review_after_a_conflict_saves_on_the_second_submit(
    client: Client, owner: User, officer: User, frozen: Any
) -> None:
    validation = CourseValidationFactory.create()
    data = {"decision": "changes_requested", "notes": "", "version": str(validation.version)}
    _two_edits_then_resubmit(
        client,
        reverse("training:validation_detail", args=[validation.pk]),
        first=officer,
        second=owner,
        theirs=dict(data, notes="The officer's notes"),
        mine={
            **{f"check_{key}": "on" for key, _ in VALIDATION_CHECKLIST},
            "decision": "validated",
            **date_data("expires_on", "2027-06-01"),
            "version": data["version"],
        },
    )
    validation.refresh_from_db()
    assert validation.status == CourseValidation.Status.VALIDATED


def test_validation_resubmit_after_a_conflict_saves_on_the_second_submit(
    client: Client,
    agency_a: Agency,
    lead_a: User,
    make_user: Callable[..., User],
    frozen: Any,
) -> None:
    other_lead = make_user((Role.AGENCY_LEAD, agency_a))
    validation = CourseValidationFactory.create(
        agency=agency_a, status=CourseValidation.Status.CHANGES_REQUESTED
    )
    data = {
        "content_outline": "Outline.",
        "materials": "Slides.",
        "trainer": "Agency trainer",
        "audience": "Front-line staff",
        "version": str(validation.version),
    }
    # Another lead of the agency sends it first (then the reviewer asks for changes again, so
    # the page can still be sent): the version has moved on twice.
    services.validation_resubmit(
        actor=other_lead,
        validation=validation,
        expected_version=validation.version,
        materials="The other lead's slides",
    )
    CourseValidation.objects.filter(pk=validation.pk).update(
        status=CourseValidation.Status.CHANGES_REQUESTED
    )
    client.force_login(lead_a)
    url = reverse("training:validation_resubmit", args=[validation.pk])
    response = client.post(url, dict(data, materials="My slides"))
    html = response.content.decode()
    assert CONFLICT in html
    again = client.post(url, dict(data, materials="My slides", version=_shown_version(html)))
    assert again.status_code == 302
    validation.refresh_from_db()
    assert validation.materials == "My slides"
    assert validation.status == CourseValidation.Status.SUBMITTED


def test_a_conflict_keeps_the_first_edit(
    client: Client, session: TrainingSession, owner: User, officer: User
) -> None:
    """Without the refreshed version nothing the second person sends overwrites the first."""
    url = reverse("training:session_update", args=[session.pk])
    client.force_login(officer)
    client.post(url, _session_form("1"))
    client.force_login(owner)
    client.post(url, _session_form("1", capacity="50"))
    session.refresh_from_db()
    assert session.capacity == 30
    assert session.starts_at == datetime(2025, 6, 12, 9, 0, tzinfo=UTC)
