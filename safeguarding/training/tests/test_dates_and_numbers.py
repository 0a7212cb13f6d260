"""Dates and numbers shown one way (issue #15): dates as 12 June 2025, times as 10:00am (GOV.UK
style) on pages, cards and e-mails; large numbers with thousands separators."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.core.registry import cards_for_user
from safeguarding.training import services
from safeguarding.training.models import TrainingSession
from safeguarding.training.tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_session_names_cards_and_emails_use_govuk_dates_and_times(
    session: TrainingSession,
    learner: User,
    run_tasks: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    early = TrainingSessionFactory.create(starts_at=datetime(2025, 7, 4, 8, 40, tzinfo=UTC))
    assert str(early).endswith(", 4 July 2025")
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(actor=learner, session=session)
    card = next(c for c in cards_for_user(learner) if c.title == "Your training")
    assert card.items[0].due == "12 June 2025 at 10:00am"
    run_tasks()
    body = mail.outbox[-1].body
    assert "Thursday 12 June 2025 at 10:00am" in body
    assert "10:00 " not in body


def test_large_numbers_have_thousands_separators(client: Client, frozen: Any, owner: User) -> None:
    big = TrainingSessionFactory.create(
        starts_at=datetime(2025, 7, 4, 8, 40, tzinfo=UTC), capacity=12500
    )
    page = client.get(reverse("training:session_detail", args=[big.pk])).content.decode()
    assert "12,500 of 12,500" in page
    assert "4 July 2025 at 9:40am" in page
    page = client.get(reverse("training:course_detail", args=[big.course_id])).content.decode()
    assert "12,500 places" in page
    client.force_login(owner)
    page = client.get(reverse("training:manage")).content.decode()
    assert ">12,500<" in page
