"""The public page cache: a page made for one anonymous visitor is served to the next for
settings.WEBSITE_CACHE_SECONDS. Only anonymous GETs without a session are cached or served
from the cache, so nothing made for a signed-in person (or carrying a message for one visitor)
is ever shown to another. Page views are still counted: the counter is middleware outside it.
Every write to the website's records clears the cache (services call `clear`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

_GENERATION = "website:cache:generation"


def _generation() -> int:
    value = cache.get(_GENERATION)
    if value is None:
        cache.add(_GENERATION, 1, None)
        value = cache.get(_GENERATION, 1)
    return int(value)


def clear() -> None:
    """Forget every cached page (the generation moves on; old entries expire unused)."""
    try:
        cache.incr(_GENERATION)
    except ValueError:
        cache.set(_GENERATION, 2, None)


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(request: HttpRequest) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"website:page:{_generation()}:{digest}"


def cached_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            response = HttpResponse(content, content_type=content_type)
            response["X-Website-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            response.render() if hasattr(response, "render") else None
            cache.set(
                key, (response.content, response["Content-Type"]), settings.WEBSITE_CACHE_SECONDS
            )
        return response

    return wrapper
