"""Typed request for views that require a signed-in user, and small HTTP helpers (a file made
for download, the client's address)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

F = TypeVar("F", bound=Callable[..., Any])


class AuthenticatedHttpRequest(HttpRequest):
    user: User


def public(view: F) -> F:
    """Declare a view public: anyone may open it without signing in.

    The URL safety test (core/tests/test_url_safety.py) fails for any view that answers an
    anonymous request with anything but a sign-in redirect or 404, unless it is marked here.
    """
    view.is_public_view = True  # type: ignore[attr-defined]
    return view


def file_response(
    body: str | bytes, *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    """A file made for this request (a calendar entry, a PDF, a JSON export), sent as a
    download named `filename`, or shown in the browser when `inline`."""
    response = HttpResponse(body, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def client_ip(request: HttpRequest) -> str | None:
    """The client address. Behind a load balancer, the first X-Forwarded-For hop is trusted
    only when TRUST_X_FORWARDED_FOR is set (see docs/deployment.md)."""
    from django.conf import settings

    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None
