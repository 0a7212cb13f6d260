"""Review -> PracticeReview, Notification -> IncidentNotification (docs/adr/0011).

RenameModel keeps the tables' rows (it renames the tables). Activity events, action plans and
learning points point at these records through django_content_type, so the content type rows
must be renamed too, not replaced: `migrate` already does that (contenttypes inserts a
RenameContentType after every RenameModel), and `rename_content_types` below does it again for
any other way of running migrations. Both leave a row alone when it is already renamed.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

RENAMES = (("notification", "incidentnotification"), ("review", "practicereview"))


def _rename(apps: Any, pairs: tuple[tuple[str, str], ...]) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for old, new in pairs:
        if content_type.objects.filter(app_label="case_reviews", model=new).exists():
            continue
        content_type.objects.filter(app_label="case_reviews", model=old).update(model=new)
    content_type.objects.clear_cache()


def rename_content_types(apps: Any, schema_editor: Any) -> None:
    _rename(apps, RENAMES)


def restore_content_types(apps: Any, schema_editor: Any) -> None:
    _rename(apps, tuple((new, old) for old, new in RENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("case_reviews", "0001_create_case_review_records"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel(old_name="Notification", new_name="IncidentNotification"),
        migrations.RenameModel(old_name="Review", new_name="PracticeReview"),
        migrations.AlterField(
            model_name="practicereview",
            name="rapid_review",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="practice_reviews",
                to="case_reviews.rapidreview",
            ),
        ),
        migrations.RunPython(rename_content_types, restore_content_types),
    ]
