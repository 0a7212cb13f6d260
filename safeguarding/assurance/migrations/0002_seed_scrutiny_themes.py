"""Reference data: the six themes of independent scrutiny ("Six Steps for Independent
Scrutiny: safeguarding children arrangements") the scrutineer assesses against."""

from django.db import migrations

THEMES = [
    (1, "The three core partner leads are actively involved in strategic planning and implementation"),
    (2, "The wider safeguarding partners (including relevant agencies) are actively involved in safeguarding children"),
    (3, "Children, young people and families are aware of and involved with plans for safeguarding children"),
    (4, "Appropriate quality assurance procedures are in place for data collection, audit and information sharing"),
    (5, "There is a process for identifying and investigating learning from local and national case reviews"),
    (6, "There is an active programme of multi-agency safeguarding children training"),
]


def add_themes(apps, schema_editor):
    ScrutinyTheme = apps.get_model("assurance", "ScrutinyTheme")
    for number, title in THEMES:
        ScrutinyTheme.objects.get_or_create(number=number, defaults={"title": title})


def remove_themes(apps, schema_editor):
    ScrutinyTheme = apps.get_model("assurance", "ScrutinyTheme")
    ScrutinyTheme.objects.filter(
        number__in=[n for n, _t in THEMES], assessments__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("assurance", "0001_create_assurance_records")]

    operations = [migrations.RunPython(add_themes, remove_themes)]
