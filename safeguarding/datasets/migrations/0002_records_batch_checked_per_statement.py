"""Return records: the import link is checked once per statement, not once per row (ADR 0010).

Django's foreign key made PostgreSQL queue one check per stored row, run at commit: for a
1,000,000-row return that was seconds of the import. The constraint is replaced, on PostgreSQL,
by triggers that keep the same guarantees:

- after every INSERT or UPDATE statement on the records, one set-based query over the
  statement's new rows refuses any record whose import does not exist;
- an import that still has records cannot be deleted, nor its id changed (delete the records
  first: the ORM's CASCADE does exactly that).

The single-column index on batch_id goes too: the (batch, kind) index serves every lookup.
SQLite (the first-run demo) no longer checks the link in the database: there the importer,
which only ever writes the id of the import it has just created, and the ORM's CASCADE keep it.
"""

import django.db.models.deletion
from django.db import migrations, models

CREATE = """
CREATE OR REPLACE FUNCTION datasets_records_batch_exists() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM (SELECT DISTINCT batch_id FROM datasets_new_records) AS n
        WHERE NOT EXISTS (SELECT 1 FROM datasets_importbatch AS b WHERE b.id = n.batch_id)
    ) THEN
        RAISE EXCEPTION 'A return record must belong to an import that exists'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER datasets_records_batch_exists_on_insert
    AFTER INSERT ON datasets_returnrecord
    REFERENCING NEW TABLE AS datasets_new_records
    FOR EACH STATEMENT EXECUTE FUNCTION datasets_records_batch_exists();
CREATE TRIGGER datasets_records_batch_exists_on_update
    AFTER UPDATE ON datasets_returnrecord
    REFERENCING NEW TABLE AS datasets_new_records
    FOR EACH STATEMENT EXECUTE FUNCTION datasets_records_batch_exists();

CREATE OR REPLACE FUNCTION datasets_batch_keeps_records() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM datasets_returnrecord WHERE batch_id = OLD.id) THEN
        RAISE EXCEPTION 'Import % still has return records: delete them first', OLD.id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER datasets_batch_keeps_records_on_delete
    BEFORE DELETE ON datasets_importbatch
    FOR EACH ROW EXECUTE FUNCTION datasets_batch_keeps_records();
CREATE TRIGGER datasets_batch_keeps_records_on_renumber
    BEFORE UPDATE OF id ON datasets_importbatch
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION datasets_batch_keeps_records();
"""

DROP = """
DROP TRIGGER IF EXISTS datasets_records_batch_exists_on_insert ON datasets_returnrecord;
DROP TRIGGER IF EXISTS datasets_records_batch_exists_on_update ON datasets_returnrecord;
DROP TRIGGER IF EXISTS datasets_batch_keeps_records_on_delete ON datasets_importbatch;
DROP TRIGGER IF EXISTS datasets_batch_keeps_records_on_renumber ON datasets_importbatch;
DROP FUNCTION IF EXISTS datasets_records_batch_exists();
DROP FUNCTION IF EXISTS datasets_batch_keeps_records();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("datasets", "0001_returns_imports_populations")]

    operations = [
        migrations.AlterField(
            model_name="returnrecord",
            name="batch",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="records",
                to="datasets.importbatch",
            ),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
