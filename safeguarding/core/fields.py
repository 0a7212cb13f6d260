"""Encryption of identifying data at rest, and keyed hashes for matching without storing.

EncryptedTextField stores Fernet tokens (AES-128-CBC + HMAC-SHA256, from the maintained
`cryptography` library) made with the first key in FIELD_ENCRYPTION_KEYS; older keys still
decrypt, so keys can be rotated (docs/runbooks/key-rotation.md). Encrypted values cannot be
searched or ordered in SQL: keep a keyed hash beside a value that must be matched.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is not set: identifying data cannot be stored."
        )
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(value: str) -> str:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS)).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS)).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A stored value cannot be decrypted with the configured keys."
        ) from exc


def keyed_hasher(*, purpose: str) -> Callable[[str], str]:
    """A function that hashes many values for one purpose (bulk imports): HMAC-SHA256 of the
    normalised value, separated by purpose so hashes never cross-match."""
    if not settings.HASH_KEY:
        raise ImproperlyConfigured("HASH_KEY is not set.")
    # The key and the purpose are taken in once; each value continues from a copy of that.
    keyed = hmac.new(settings.HASH_KEY.encode(), f"{purpose}:".encode(), "sha256")
    # CPython keeps an OpenSSL-backed HMAC's state in a C object whose copy skips the Python
    # wrapper's (a million children a return: about 0.2 s); the wrapper where there is none.
    state: Any = getattr(keyed, "_hmac", None) or keyed
    begin = state.copy

    def digest(value: str) -> str:
        one = begin()
        one.update(value.strip().upper().encode())
        return str(one.hexdigest())

    return digest


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 of a normalised value, separated by purpose so hashes never cross-match."""
    return keyed_hasher(purpose=purpose)(value)


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text value encrypted in the database and plain in Python. Empty stays empty."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))
