"""The demo partnership's governance (filled in by the next commit)."""

from __future__ import annotations

from typing import TextIO


def seed(*, stdout: TextIO | None = None) -> None:
    return None
