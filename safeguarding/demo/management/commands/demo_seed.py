"""manage.py demo_seed: build the synthetic demo partnership (idempotent)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Create the demo partnership and its synthetic records. Safe to run again."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-sign-ins", action="store_true", help="Do not print sign-ins")

    def handle(self, *args: Any, **options: Any) -> None:
        # The demo's people are synthetic: nothing it does may e-mail anyone.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for module_path in settings.DEMO_SEED_MODULES:
                seed = import_string(f"{module_path}.seed")
                with transaction.atomic():
                    seed(stdout=self.stdout)
        if not options["quiet_sign_ins"]:
            from safeguarding.partnership.demo import DEMO_PASSWORD, demo_sign_ins

            self.stdout.write(
                f"\nDemo sign-ins (synthetic people; password for all: {DEMO_PASSWORD}):"
            )
            for role, email in demo_sign_ins():
                self.stdout.write(f"  {role:<28} {email}")
