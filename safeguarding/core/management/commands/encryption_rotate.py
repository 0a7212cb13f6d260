"""manage.py encryption_rotate: re-encrypt every stored identifying value with the newest key.

After adding a new key at the front of FIELD_ENCRYPTION_KEYS (docs/runbooks/key-rotation.md),
run this, then remove the old key. Each value is read (decrypted with whichever configured key
made it) and written back (encrypted with the first key). Safe to run twice. Only counts are
printed, never values.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from safeguarding.core.fields import EncryptedTextField


class Command(BaseCommand):
    help = "Re-encrypt all EncryptedTextField values with the first key in FIELD_ENCRYPTION_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in apps.get_models():
            names = [f.name for f in model._meta.get_fields() if isinstance(f, EncryptedTextField)]
            if not names:
                continue
            count = 0
            with transaction.atomic():
                for pk, *values in model._default_manager.values_list("pk", *names).iterator():
                    updates = {n: v for n, v in zip(names, values, strict=True) if v}
                    if updates:
                        model._default_manager.filter(pk=pk).update(**updates)
                        count += 1
            total += count
            self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} rows re-encrypted."))
