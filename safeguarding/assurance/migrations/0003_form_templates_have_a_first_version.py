"""Every form template has a version: form_template_create makes version 1 with the template.
This gives version 1 to any template made without one, so reading a form never has to create
rows (the results pages used to make a missing version on a GET)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def first_versions_create(apps: Any, schema_editor: Any) -> None:
    FormTemplate = apps.get_model("assurance", "FormTemplate")
    FormVersion = apps.get_model("assurance", "FormVersion")
    for template in FormTemplate.objects.filter(versions__isnull=True):
        FormVersion.objects.create(template=template, number=1)


class Migration(migrations.Migration):
    dependencies = [("assurance", "0002_seed_scrutiny_themes")]

    operations = [migrations.RunPython(first_versions_create, migrations.RunPython.noop)]
