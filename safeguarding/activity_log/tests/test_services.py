from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.utils import DatabaseError

from safeguarding.actions.tests.factories import ActionPlanFactory
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.selectors import chain_verify, viewer_list_for_target
from safeguarding.activity_log.services import (
    REDACTED,
    event_record,
    event_record_view,
    tracked_archive,
    tracked_update,
)
from safeguarding.core.concurrency import EditConflictError
from safeguarding.core.testing import temporary_model
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def _tamper(event_id: int) -> None:
    """Change a stored event behind the application's back (as a rogue DBA would)."""
    table = ActivityEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = 'replica'")  # skips triggers
        cursor.execute(f"UPDATE {table} SET verb = 'forged' WHERE id = %s", [event_id])  # noqa: S608
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = 'origin'")


def test_events_form_a_chain_each_linking_the_previous_hash(owner) -> None:
    first = event_record(actor=owner, verb="thing.one")
    second = event_record(actor=owner, verb="thing.two")
    assert second.previous_hash == first.hash
    assert len(second.hash) == 64
    report = chain_verify()
    assert report.broken_at is None
    assert report.checked == ActivityEvent.objects.count()


def test_verify_reports_the_first_tampered_event(owner) -> None:
    event_record(actor=owner, verb="a")
    middle = event_record(actor=owner, verb="b")
    event_record(actor=owner, verb="c")
    _tamper(middle.pk)
    report = chain_verify()
    assert report.broken_at == middle.pk
    assert "does not match" in report.reason
    with pytest.raises(CommandError, match=f"broken at event {middle.pk}"):
        call_command("activity_log_verify")


def test_verify_command_reports_an_intact_chain(owner, capsys) -> None:
    event_record(actor=owner, verb="a")
    call_command("activity_log_verify")
    assert "Activity log intact" in capsys.readouterr().out


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL-only")
def test_database_refuses_update_and_delete_of_events(owner) -> None:
    event = event_record(actor=owner, verb="a")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ActivityEvent.objects.filter(pk=event.pk).update(verb="changed")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ActivityEvent.objects.filter(pk=event.pk).delete()


def test_tracked_update_records_before_and_after(owner) -> None:
    agency = AgencyFactory.create(sector=Agency.Sector.HEALTH)
    tracked_update(
        actor=owner, obj=agency, data={"sector": Agency.Sector.POLICE}, verb="agency.updated"
    )
    event = ActivityEvent.objects.get(verb="agency.updated")
    assert event.changes == {"sector": {"before": "health", "after": "police"}}
    assert event.actor == owner
    assert event.target_label == f"Agency: {agency.name}"
    agency.refresh_from_db()
    assert agency.version == 2


def test_tracked_update_without_changes_records_nothing(owner) -> None:
    agency = AgencyFactory.create(sector=Agency.Sector.HEALTH)
    tracked_update(actor=owner, obj=agency, data={"sector": "health"}, verb="agency.updated")
    assert not ActivityEvent.objects.filter(verb="agency.updated").exists()


def test_second_editor_gets_a_conflict_listing_what_changed(owner, officer) -> None:
    agency = AgencyFactory.create(sector=Agency.Sector.HEALTH)
    started_from = agency.version
    tracked_update(
        actor=owner,
        obj=agency,
        data={"sector": Agency.Sector.POLICE},
        verb="agency.updated",
        expected_version=started_from,
    )
    stale = Agency.objects.get(pk=agency.pk)
    with pytest.raises(EditConflictError) as conflict:
        tracked_update(
            actor=officer,
            obj=stale,
            data={"sector": Agency.Sector.EDUCATION},
            verb="agency.updated",
            expected_version=started_from,
        )
    assert [c.field for c in conflict.value.changes] == ["sector"]
    assert "Sector is now “Police”" in conflict.value.messages[0]
    assert Agency.objects.get(pk=agency.pk).sector == Agency.Sector.POLICE


def test_encrypted_fields_are_redacted_in_the_log() -> None:
    from safeguarding.activity_log.services import snapshot

    class Fake:
        pass

    assert REDACTED.startswith("[identifying")
    # Non-encrypted fields come through as plain JSON values.
    agency = AgencyFactory.create()
    assert snapshot(agency, ["name"]) == {"name": agency.name}


def test_views_of_sensitive_records_are_listed_as_viewers(owner, officer) -> None:
    agency = AgencyFactory.create()
    event_record_view(actor=officer, target=agency, what="identity panel")
    event_record(actor=owner, verb="agency.updated", target=agency)
    viewers = list(viewer_list_for_target(target=agency))
    assert [(v.actor, v.data) for v in viewers] == [(officer, {"what": "identity panel"})]


def test_anonymous_submissions_can_be_recorded_without_an_address(rf) -> None:
    from safeguarding.core.middleware import _current_ip

    token = _current_ip.set("192.0.2.10")
    try:
        named = event_record(actor=None, verb="with.address")
        anonymous = event_record(actor=None, verb="survey.answered", record_ip=False)
    finally:
        _current_ip.reset(token)
    assert named.ip_address == "192.0.2.10"
    assert anonymous.ip_address is None


@pytest.mark.django_db(transaction=True)
def test_a_change_to_an_identifying_field_alone_is_saved_and_logged_redacted(owner) -> None:
    from safeguarding.core.fields import EncryptedTextField
    from safeguarding.core.models import BaseModel

    with temporary_model("activity_log", "Person", BaseModel, name=EncryptedTextField()) as model:
        person = model._default_manager.create(name="Synthetic Before")
        changes = tracked_update(
            actor=owner, obj=person, data={"name": "Synthetic After"}, verb="person.updated"
        )
        assert model._default_manager.get().name == "Synthetic After"
        assert changes == {"name": {"before": REDACTED, "after": REDACTED}}
        event = ActivityEvent.objects.get(verb="person.updated")
        assert "Synthetic" not in str(event.changes)


@pytest.mark.django_db(transaction=True)
def test_a_conflict_message_never_shows_an_identifying_value(owner, officer) -> None:
    from safeguarding.core.fields import EncryptedTextField
    from safeguarding.core.models import BaseModel

    with temporary_model("activity_log", "Child", BaseModel, name=EncryptedTextField()) as model:
        child = model._default_manager.create(name="Synthetic First")
        tracked_update(
            actor=owner, obj=child, data={"name": "Synthetic Second"}, verb="c", expected_version=1
        )
        stale = model._default_manager.get()
        stale.version = 1
        with pytest.raises(EditConflictError) as conflict:
            tracked_update(
                actor=officer,
                obj=stale,
                data={"name": "Synthetic Third"},
                verb="c",
                expected_version=1,
            )
        assert "Synthetic" not in conflict.value.messages[0]
        assert "not shown" in conflict.value.messages[0]


def test_tracked_archive_keeps_the_reason_and_logs_the_archive(owner) -> None:
    plan = ActionPlanFactory.create()
    tracked_archive(
        actor=owner, obj=plan, reason="  Made twice. ", verb="plan.archived", noun="plan"
    )
    plan.refresh_from_db()
    assert plan.is_archived
    assert plan.archived_by == owner
    assert plan.archived_reason == "Made twice."
    event = ActivityEvent.objects.get(verb="plan.archived")
    assert event.changes["archived_reason"] == {"before": "", "after": "Made twice."}


def test_tracked_archive_rejected_without_a_reason(owner) -> None:
    plan = ActionPlanFactory.create()
    with pytest.raises(ValidationError) as error:
        tracked_archive(actor=owner, obj=plan, reason="  ", verb="plan.archived", noun="plan")
    assert error.value.message_dict == {"reason": ["Enter why this plan is being archived."]}
    assert not ActivityEvent.objects.filter(verb="plan.archived").exists()


def test_tracked_archive_rejected_when_already_archived(owner) -> None:
    plan = ActionPlanFactory.create()
    tracked_archive(actor=owner, obj=plan, reason="Made twice.", verb="plan.archived", noun="plan")
    with pytest.raises(ValidationError, match="This plan is already archived."):
        tracked_archive(actor=owner, obj=plan, reason="Again.", verb="plan.archived", noun="plan")
    assert ActivityEvent.objects.filter(verb="plan.archived").count() == 1
