"""The retention page, legal hold pages and the subject access download: administrators only
(others 404), wrong methods 405, every download logged."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log import verbs as log_verbs
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.retention import services, verbs
from safeguarding.retention.models import LegalHold
from safeguarding.retention.tests.factories import attended_booking
from safeguarding.training.models import TrainingSession

pytestmark = pytest.mark.django_db


def _hold(owner: User, learner: User) -> LegalHold:
    booking = attended_booking(learner=learner)
    return services.legal_hold_place(
        actor=owner,
        content_type_id=ContentType.objects.get_for_model(TrainingSession).pk,
        object_id=booking.session_id,
        reason="A synthetic inquiry.",
        review_on=dt.date(2999, 1, 1),
    )


def test_home_shows_the_schedule_holds_and_history(client, owner, outsider, officer) -> None:
    matrix = ViewMatrix(client, reverse("retention:home"))

    response = matrix.allowed(owner)
    matrix.outsider(outsider)
    matrix.outsider(officer)
    matrix.wrong_method(owner, "post")

    page = response.content.decode()
    assert "Training bookings and evaluations" in page
    assert "Child death case files" in page
    assert "RETENTION_TRAINING_YEARS" in page


def test_place_a_hold(client, owner, outsider, make_user: Callable[..., User]) -> None:
    booking = attended_booking(learner=make_user())
    url = reverse("retention:legal_hold_place")
    matrix = ViewMatrix(client, url)
    matrix.allowed(owner)
    matrix.outsider(outsider)
    matrix.outsider(outsider, method="post")
    matrix.wrong_method(owner)

    client.force_login(owner)
    response = client.post(
        url,
        {
            "record_type": ContentType.objects.get_for_model(TrainingSession).pk,
            "object_id": booking.session_id,
            "reason": "A synthetic claim.",
            **date_data("review_on", "2999-01-01"),
        },
    )

    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.placed_by, hold.reason) == (owner, "A synthetic claim.")
    assert ActivityEvent.objects.filter(verb=verbs.LEGAL_HOLD_PLACED).count() == 1


def test_place_a_hold_on_a_missing_record_shows_the_error(client, owner) -> None:
    client.force_login(owner)
    response = client.post(
        reverse("retention:legal_hold_place"),
        {
            "record_type": ContentType.objects.get_for_model(TrainingSession).pk,
            "object_id": 999,
            "reason": "A synthetic claim.",
            **date_data("review_on", "2999-01-01"),
        },
    )

    assert response.status_code == 200
    assert "There is no record of that type with that number" in response.content.decode()
    assert not LegalHold.objects.exists()


def test_release_a_hold(client, owner, outsider, make_user: Callable[..., User]) -> None:
    hold = _hold(owner, make_user())
    url = reverse("retention:legal_hold_release", args=[hold.pk])
    matrix = ViewMatrix(client, url)
    matrix.form_checks(owner, outsider=outsider)

    client.force_login(owner)
    response = client.post(url, {"reason": "Inquiry closed."})

    assert response.status_code == 302
    hold.refresh_from_db()
    assert (hold.released_by, hold.release_reason) == (owner, "Inquiry closed.")
    # A released hold cannot be released again.
    assert client.post(url, {"reason": "Again."}).status_code == 403


def test_download_your_own_data(client, make_user: Callable[..., User]) -> None:
    learner = make_user(Role.BUSINESS_UNIT, email="learner@example.org")
    attended_booking(learner=learner)
    profile = ViewMatrix(client, reverse("accounts:profile")).allowed(learner)
    assert reverse("retention:my_data") in profile.content.decode()
    ViewMatrix(client, reverse("retention:my_data")).allowed(learner)

    response = client.get(reverse("retention:person_data_download", args=[learner.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["profile"]["email"] == "learner@example.org"
    assert len(data["training"]["bookings"]) == 1
    assert data["training"]["bookings"][0]["evaluation"]["rating"] == 4
    assert len(data["training"]["certificates"]) == 1
    assert data["roles"][0]["role"] == "Business unit officer"
    role_events = data["activity_events"]["about_you"]
    assert [e["details"] for e in role_events if "role" in e["verb"]]
    event = ActivityEvent.objects.get(verb=log_verbs.EXPORTED)
    assert (event.actor, event.data["what"]) == (learner, "own data")


def test_nobody_else_may_download_your_data(client, outsider, make_user) -> None:
    learner = make_user()
    matrix = ViewMatrix(client, reverse("retention:person_data_download", args=[learner.pk]))

    matrix.outsider(outsider)
    matrix.wrong_method(learner, "post")


def test_administrator_downloads_for_a_subject_access_request(
    client, owner, outsider, make_user: Callable[..., User]
) -> None:
    person = make_user(email="subject@example.org")
    find = ViewMatrix(client, reverse("retention:person_find"))
    find.outsider(outsider)
    response = find.allowed(owner)
    response = client.get(reverse("retention:person_find"), {"email": "subject@"})
    assert "subject@example.org" in response.content.decode()

    response = client.get(reverse("retention:person_data_download", args=[person.pk]))

    assert response.status_code == 200
    assert json.loads(response.content)["person"] == "subject@example.org"
    event = ActivityEvent.objects.get(verb=log_verbs.EXPORTED)
    assert (event.actor, event.data["what"], event.target_id) == (
        owner,
        "subject access request",
        str(person.pk),
    )
