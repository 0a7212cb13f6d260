"""manage.py demo_volume: grow the demo partnership to a large partnership's years (issue #17).

Runs once per database, after demo_seed. See docs/modules/volume.md for the sizes per scale."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from safeguarding.demo.volume.build import Grower, volume_already_grown
from safeguarding.demo.volume.sizes import SCALES


class Command(BaseCommand):
    help = (
        "Grow the demo partnership with synthetic records over N years (people, training, "
        "practice reviews and actions, child deaths, activity log). Runs once, after demo_seed."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--years", type=int, default=10, help="Years to spread over (1-20)")
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")

    def handle(self, *args: Any, **options: Any) -> None:
        years = int(options["years"])
        if not 1 <= years <= 20:
            raise CommandError("--years must be between 1 and 20.")
        if volume_already_grown():
            raise CommandError(
                "demo_volume has already grown this database (it runs once): start from a "
                "fresh database, migrate and run demo_seed first."
            )
        started = time.monotonic()
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            Grower(sizes=SCALES[options["scale"]], years=years, say=self.stdout.write).grow()
        self.stdout.write(
            self.style.SUCCESS(
                f"Grown to the {options['scale']} scale over {years} years "
                f"in {time.monotonic() - started:.0f} s."
            )
        )
