"""On PostgreSQL, refuse UPDATE and DELETE on the activity log at the database itself.

TRUNCATE is left to the database owner (test databases are emptied that way); the application
never issues it. SQLite (first-run demo only) relies on the application's append-only service.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION activity_log_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The activity log is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER activity_log_append_only
    BEFORE UPDATE OR DELETE ON activity_log_activityevent
    FOR EACH ROW EXECUTE FUNCTION activity_log_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS activity_log_append_only ON activity_log_activityevent;
DROP FUNCTION IF EXISTS activity_log_refuse_change();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("activity_log", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
