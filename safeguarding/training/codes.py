"""Certificate verification codes: random, unguessable, easy to read out and type."""

from __future__ import annotations

import secrets

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 19  # 16 characters in four groups of four, with three hyphens


def certificate_code_new() -> str:
    """80 random bits, written in four groups: ABCD-EFGH-JKLM-NPQR."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    """Upper case, spaces and hyphens ignored, regrouped in fours."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))
