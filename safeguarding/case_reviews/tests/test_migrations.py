"""The 0002 renames keep what points at the renamed records: activity events, action plans and
learning points name them by content type, so the content type rows must be renamed in place
(same id), not replaced by new ones."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews import services, verbs
from safeguarding.case_reviews.models import IncidentNotification, PracticeReview
from safeguarding.case_reviews.tests.factories import IncidentNotificationFactory

BEFORE = [("case_reviews", "0001_create_case_review_records")]
AFTER = [("case_reviews", "0002_rename_practice_review_and_incident_notification")]


def _content_type_ids() -> dict[str, int]:
    return dict(ContentType.objects.filter(app_label="case_reviews").values_list("model", "pk"))


def _migrate(targets: list[tuple[str, str]]) -> None:
    """Run the migrations as a bare executor does (no `migrate` command, so contenttypes does not
    add its own RenameContentType): the migration's own step must do the renaming."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_renames_keep_content_types_and_what_points_at_them(officer: User) -> None:
    notification = IncidentNotificationFactory.create()
    services.incident_notification_update(
        actor=officer, notification=notification, expected_version=None, summary="Changed."
    )
    event = ActivityEvent.objects.get(verb=verbs.INCIDENT_NOTIFICATION_UPDATED)
    ids = _content_type_ids()
    try:
        _migrate(BEFORE)
        before = _content_type_ids()
        assert before["notification"] == ids["incidentnotification"]
        assert before["review"] == ids["practicereview"]
        assert "incidentnotification" not in before

        _migrate(AFTER)
    finally:
        # Every app back to its latest migration: going back in case_reviews also unapplied
        # the other apps' migrations that depend on it (website, governance...).
        call_command("migrate", verbosity=0)

    assert _content_type_ids() == ids
    event.refresh_from_db()
    assert event.target_type is not None
    assert event.target_type.model_class() is IncidentNotification
    assert ContentType.objects.get_for_model(PracticeReview).pk == ids["practicereview"]
    assert IncidentNotification.objects.get(pk=notification.pk).summary == "Changed."


@pytest.mark.django_db(transaction=True)
def test_migrate_command_renames_content_types_once() -> None:
    ids = _content_type_ids()
    try:
        call_command("migrate", "case_reviews", "0001", verbosity=0)
    finally:
        # Every app back to its latest migration: going back in case_reviews also unapplied
        # the other apps' migrations that depend on it (website, governance...).
        call_command("migrate", verbosity=0)

    assert _content_type_ids() == ids
