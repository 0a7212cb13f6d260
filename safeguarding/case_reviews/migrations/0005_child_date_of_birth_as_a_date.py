"""A notified child's date of birth becomes a date (the GOV.UK date input; it was free text).

The value stays encrypted, now written YYYY-MM-DD in `date_of_birth_text`. Old free text is
read where it can be, day first as written in England ("5 1 2020", "05/01/2020", "5 January
2020", "2020-01-05"); text that is not a date (or a date in the future) is kept, encrypted, in
`date_of_birth_as_entered`, and the identity panel shows it until someone corrects it."""

import re
from datetime import date

from django.db import migrations
from django.utils import timezone

import safeguarding.core.fields

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def parse_date_of_birth(text, *, today=None):
    """The date written in `text`, or None when it cannot be read as one (or is in the
    future). Day first; a two-digit year is this century unless that is in the future."""
    today = today or timezone.localdate()
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[ /.\-]+([a-z]+|\d{1,2})[ /.\-]+(\d{2}|\d{4})", cleaned)
        if not match:
            return None
        day_text, month_text, year_text = match.groups()
        day = int(day_text)
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if 2000 + year <= today.year else 1900
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed if parsed <= today else None


def dates_of_birth_to_dates(apps, schema_editor):
    NotifiedChild = apps.get_model("case_reviews", "NotifiedChild")
    for child in NotifiedChild.objects.exclude(date_of_birth_text="").iterator():
        parsed = parse_date_of_birth(child.date_of_birth_text)
        if parsed is not None:
            child.date_of_birth_text = parsed.isoformat()
        else:
            child.date_of_birth_as_entered = child.date_of_birth_text
            child.date_of_birth_text = ""
        child.save(update_fields=["date_of_birth_text", "date_of_birth_as_entered"])


def dates_of_birth_back_to_text(apps, schema_editor):
    NotifiedChild = apps.get_model("case_reviews", "NotifiedChild")
    for child in NotifiedChild.objects.exclude(date_of_birth_as_entered="").iterator():
        child.date_of_birth_text = child.date_of_birth_as_entered
        child.save(update_fields=["date_of_birth_text"])


class Migration(migrations.Migration):

    dependencies = [
        ("case_reviews", "0004_practice_review_final_report_for_publication"),
    ]

    operations = [
        migrations.RenameField(
            model_name="notifiedchild",
            old_name="date_of_birth",
            new_name="date_of_birth_text",
        ),
        migrations.AddField(
            model_name="notifiedchild",
            name="date_of_birth_as_entered",
            field=safeguarding.core.fields.EncryptedTextField(
                blank=True, editable=False, verbose_name="date of birth as first entered"
            ),
        ),
        migrations.RunPython(dates_of_birth_to_dates, dates_of_birth_back_to_text),
    ]
