"""manage.py figures_recompute: recompute every area's stored figures.

Run it after a counting rule changes (with figures.RULES_VERSION raised) and once after the
migration that introduced stored figures, so existing imports in use have their figures stored.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.datasets import services


class Command(BaseCommand):
    help = "Recompute the stored safeguarding figures of every area."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.stored_figures_recompute(actor=None)
        self.stdout.write(f"{count} figures stored.")
