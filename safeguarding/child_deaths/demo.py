"""Demo records for this app (synthetic). Filled in with the module."""

from __future__ import annotations

from typing import TextIO


def seed(*, stdout: TextIO | None = None) -> None:
    return None
