"""The ten categories of death on the national child death analysis form (a lookup table)."""

from __future__ import annotations

from django.db import migrations

CATEGORIES = [
    (1, "Deliberately inflicted injury, abuse or neglect"),
    (2, "Suicide or deliberate self-inflicted harm"),
    (3, "Trauma and other external factors"),
    (4, "Malignancy"),
    (5, "Acute medical or surgical condition"),
    (6, "Chronic medical condition"),
    (7, "Chromosomal, genetic and congenital anomalies"),
    (8, "Perinatal or neonatal event"),
    (9, "Infection"),
    (10, "Sudden unexpected, unexplained death"),
]


def seed(apps, schema_editor):
    DeathCategory = apps.get_model("child_deaths", "DeathCategory")
    for number, name in CATEGORIES:
        DeathCategory.objects.update_or_create(number=number, defaults={"name": name})


def unseed(apps, schema_editor):
    DeathCategory = apps.get_model("child_deaths", "DeathCategory")
    DeathCategory.objects.filter(number__in=[n for n, _ in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("child_deaths", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
