"""core.ratelimit: per-scope limits keyed by a short-lived keyed hash; nothing identifying is
stored anywhere but the cache, and then only as a hash."""

from __future__ import annotations

import pytest
import time_machine
from django import forms
from django.core.cache import cache
from django.http import HttpRequest
from django.test import RequestFactory

from safeguarding.core import ratelimit

ADDRESS = "203.0.113.9"
AGENT = "SyntheticBrowser/2.0"


def _request(address: str = ADDRESS, agent: str = AGENT) -> HttpRequest:
    return RequestFactory().post("/", REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


def test_requests_over_the_limit_are_refused() -> None:
    results = [
        ratelimit.rate_limited(_request(), scope="survey:1", limit=5, window=60) for _ in range(12)
    ]

    assert results == [False] * 5 + [True] * 7


def test_scopes_and_clients_are_counted_apart() -> None:
    for _ in range(5):
        ratelimit.rate_limited(_request(), scope="survey:1", limit=5, window=60)

    assert not ratelimit.rate_limited(_request(), scope="survey:2", limit=5, window=60)
    assert not ratelimit.rate_limited(
        _request(address="198.51.100.4"),
        scope="survey:1",
        limit=5,
        window=60,
    )


def test_the_window_ends() -> None:
    with time_machine.travel("2026-01-05 10:00:00", tick=False) as traveller:
        for _ in range(6):
            limited = ratelimit.rate_limited(_request(), scope="search", limit=5, window=60)
        assert limited
        traveller.shift(61)
        assert not ratelimit.rate_limited(_request(), scope="search", limit=5, window=60)


def test_the_cache_holds_only_a_keyed_hash() -> None:
    ratelimit.rate_limited(_request(), scope="survey:1", limit=5, window=60)

    stored = " ".join(f"{key} {value}" for key, value in cache._cache.items())  # type: ignore[attr-defined]
    assert ADDRESS not in stored
    assert AGENT not in stored
    assert ratelimit.client_fingerprint(_request()) in stored


def test_a_new_key_makes_the_hash_unlinkable() -> None:
    first = ratelimit.client_fingerprint(_request())
    cache.delete("ratelimit:key")  # the key's life ended

    assert ratelimit.client_fingerprint(_request()) != first


class _Form(ratelimit.HoneypotMixin, forms.Form):
    email = forms.EmailField()


@pytest.mark.parametrize(("extra", "robot"), [({}, False), ({"website": "http://x"}, True)])
def test_honeypot_spots_robots(extra: dict[str, str], robot: bool) -> None:
    form = _Form({"email": "a@example.org", **extra})

    assert form.is_valid()
    assert form.filled_by_robot is robot
