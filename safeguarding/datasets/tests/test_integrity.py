"""The link from a stored record to its import is kept by the database (ADR 0010): one check
per statement on PostgreSQL instead of a per-row foreign key."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction

from safeguarding.datasets.models import ImportBatch, RecordKind, ReturnRecord
from safeguarding.partnership.models import Area

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the statement-level triggers are PostgreSQL-only (set DATABASE_URL as .ci/run does)",
)


def _batch(area: Area) -> ImportBatch:
    return ImportBatch.objects.create(
        area=area, kind="annex_a", period_start=date(2020, 4, 1), period_end=date(2021, 3, 31)
    )


def _record(batch_id: int) -> ReturnRecord:
    return ReturnRecord(batch_id=batch_id, kind=RecordKind.CONTACT, child_hash="h" * 64)


@postgresql_only
@pytest.mark.django_db
def test_a_record_for_an_import_that_does_not_exist_is_refused(area: Area) -> None:
    batch = _batch(area)
    missing = batch.pk + 1000
    with pytest.raises(IntegrityError, match="import that exists"), transaction.atomic():
        ReturnRecord.objects.bulk_create([_record(batch.pk), _record(missing)])
    assert ReturnRecord.objects.count() == 0  # the whole statement is refused
    ReturnRecord.objects.bulk_create([_record(batch.pk)])
    assert ReturnRecord.objects.filter(batch=batch).count() == 1


@postgresql_only
@pytest.mark.django_db
def test_a_record_cannot_be_moved_to_an_import_that_does_not_exist(area: Area) -> None:
    batch = _batch(area)
    ReturnRecord.objects.bulk_create([_record(batch.pk)])
    with pytest.raises(IntegrityError, match="import that exists"), transaction.atomic():
        ReturnRecord.objects.update(batch_id=batch.pk + 1000)
    assert ReturnRecord.objects.get().batch_id == batch.pk


@postgresql_only
@pytest.mark.django_db
def test_an_import_with_records_cannot_be_deleted_or_renumbered_behind_the_orm(
    area: Area,
) -> None:
    batch = _batch(area)
    ReturnRecord.objects.bulk_create([_record(batch.pk)])
    with connection.cursor() as cursor:
        with pytest.raises(IntegrityError, match="still has return records"), transaction.atomic():
            cursor.execute("DELETE FROM datasets_importbatch WHERE id = %s", [batch.pk])
        with pytest.raises(IntegrityError, match="still has return records"), transaction.atomic():
            cursor.execute(
                "UPDATE datasets_importbatch SET id = id + 1000 WHERE id = %s", [batch.pk]
            )
    assert ImportBatch.objects.filter(pk=batch.pk).exists()


@pytest.mark.django_db
def test_deleting_an_import_through_the_orm_deletes_its_records(area: Area) -> None:
    batch, other = _batch(area), _batch(area)
    ReturnRecord.objects.bulk_create([_record(batch.pk), _record(batch.pk), _record(other.pk)])
    batch.delete()
    assert list(ReturnRecord.objects.values_list("batch_id", flat=True)) == [other.pk]
