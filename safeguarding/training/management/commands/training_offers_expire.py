"""Expire waiting-list offers not taken up in time and pass each place on (safe to run twice)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.training import services


class Command(BaseCommand):
    help = "Expire waiting-list offers not taken up and pass places on (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.offers_expire()
        self.stdout.write(f"{count} offers expired.")
