"""Rate limits and a honeypot for public forms, without identifying anyone.

`rate_limited(request, scope="survey:<id>", limit=5, window=60)` counts the client's requests
in the scope and says whether this one is over the limit. The client is a keyed hash (HMAC
SHA-256) of its address and browser (user agent) under a random key that lives only in the
cache for KEY_SECONDS and is then replaced: the hash cannot be reversed, cannot be linked
across key periods, and neither it nor the address is ever written to the database. Counters
live in the cache for the window only.

`too_many_requests(request)` is the GOV.UK page to answer with (status 429).
`HoneypotMixin` adds a field people never see; `form.filled_by_robot` says a robot filled it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django import forms
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from safeguarding.core.http import client_ip

# The hashing key is replaced this often (seconds): longer than any window.
KEY_SECONDS = 3600
_KEY_CACHE_KEY = "ratelimit:key"


def _hashing_key() -> bytes:
    key = cache.get(_KEY_CACHE_KEY)
    if key is None:
        cache.add(_KEY_CACHE_KEY, secrets.token_hex(32), timeout=KEY_SECONDS)
        key = cache.get(_KEY_CACHE_KEY)
    return str(key).encode()


def client_fingerprint(request: HttpRequest) -> str:
    """A keyed hash of the client's address and user agent, valid for the key's life only."""
    client = f"{client_ip(request) or ''}|{request.META.get('HTTP_USER_AGENT', '')}"
    return hmac.new(_hashing_key(), client.encode(), hashlib.sha256).hexdigest()


def rate_limited(request: HttpRequest, *, scope: str, limit: int, window: int) -> bool:
    """Count this request in `scope`; True when the client has gone over `limit` requests in
    `window` seconds (the window starts at the client's first request)."""
    counter = f"ratelimit:{scope}:{client_fingerprint(request)}"
    if cache.add(counter, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(counter)
        except ValueError:  # expired between add and incr: a new window
            cache.add(counter, 1, timeout=window)
            count = 1
    return count > limit


def too_many_requests(request: HttpRequest, *, window: int = 60) -> HttpResponse:
    return render(request, "errors/429.html", {"window": window}, status=429)


class HoneypotMixin(forms.Form):
    """A text field hidden from people (CSS and out of the tab order); robots fill it in.
    Views accept the submission as if it worked and store nothing when `filled_by_robot`."""

    honeypot_field = "website"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            required=False,
            label="Leave this empty",
            widget=forms.TextInput(
                attrs={"tabindex": "-1", "autocomplete": "off", "class": "app-honeypot"}
            ),
        )

    @property
    def filled_by_robot(self) -> bool:
        return bool(self.data.get(self.add_prefix(self.honeypot_field)))
