"""The subscription form refuses a burst from one client with a GOV.UK 429 page and stores
nothing identifying about the client."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.website.models import Subscription
from safeguarding.website.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_twelve_submissions_in_two_seconds_are_refused_after_the_limit(client, settings) -> None:
    settings.RATE_LIMIT_SUBSCRIBE = 5
    topic = TopicFactory.create()
    statuses = []

    with time_machine.travel("2026-03-02 09:00:00", tick=False) as traveller:
        for number in range(12):
            response = client.post(
                reverse("website:subscribe"),
                {"email": f"person{number}@example.org", "topics": [topic.pk]},
                REMOTE_ADDR="203.0.113.50",
                HTTP_USER_AGENT="SyntheticBot/1.0",
            )
            statuses.append(response.status_code)
            traveller.shift(0.15)

    assert statuses == [302] * 5 + [429] * 7
    assert "Too many attempts" in response.content.decode()
    assert "Wait a minute" in response.content.decode()
    assert Subscription.objects.count() == 5
    stored = str(list(Subscription.objects.values())) + str(list(ActivityEvent.objects.values()))
    assert "203.0.113.50" not in stored
    assert "SyntheticBot" not in stored


def test_another_client_is_not_limited(client, settings) -> None:
    settings.RATE_LIMIT_SUBSCRIBE = 1
    topic = TopicFactory.create()
    data = {"email": "a@example.org", "topics": [topic.pk]}
    client.post(reverse("website:subscribe"), data, REMOTE_ADDR="203.0.113.50")

    response = client.post(reverse("website:subscribe"), data, REMOTE_ADDR="198.51.100.7")

    assert response.status_code == 302
