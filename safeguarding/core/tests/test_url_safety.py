"""Every URL answers an anonymous visitor with a sign-in redirect or a 404, unless its view is
declared public (core.http.public) or is one of allauth's sign-in pages listed below. A new view
that forgets @login_required fails this test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# allauth's entrance pages: public by design (signing in, signing up, resetting a password).
ALLAUTH_PUBLIC = {
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    "account_logout",
    "account_confirm_login_code",
    "account_request_login_code",
    "mfa_authenticate",
    "mfa_login_webauthn",
    "mfa_signup_webauthn",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "mfa_reauthenticate_webauthn",
    "mfa_trust",
    "account_verify_email_with_code",
    "account_confirm_password_reset_code",
    "logout",  # Django admin's sign-out: redirects, shows nothing
}
SAMPLE = {
    "int": "1",
    "str": "sample",
    "slug": "sample",
    "path": "sample",
    "uuid": "00000000-0000-0000-0000-000000000001",
}


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, Any]]:
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _walk(entry.url_patterns, prefix + route, ns)
        elif isinstance(entry, URLPattern):
            yield prefix + route, f"{namespace}{entry.name or ''}", entry.callback


def _sample_path(route: str) -> str | None:
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "sample"), route)
    if any(ch in path for ch in "^$()[]?*+\\"):
        # A regex route (Django admin internals): strip anchors; skip anything still regex.
        path = path.lstrip("^").rstrip("$")
        if any(ch in path for ch in "()[]?*+\\"):
            return None
    return "/" + path


def _is_public(callback: Any) -> bool:
    target = getattr(callback, "view_class", None) or callback
    while target is not None:
        if getattr(target, "is_public_view", False):
            return True
        target = getattr(target, "__wrapped__", None)
    return False


def test_every_url_needs_sign_in_unless_declared_public(client) -> None:
    problems = []
    checked = 0
    for route, name, callback in _walk(get_resolver().url_patterns):
        path = _sample_path(route)
        if path is None:
            continue
        short_name = name.split(":")[-1]
        if short_name in ALLAUTH_PUBLIC or _is_public(callback):
            continue
        response = client.get(path)
        checked += 1
        status = response.status_code
        location = response.get("Location", "")
        signed_in_redirect = status in (301, 302) and (
            "/accounts/login/" in location or "/django-admin/login/" in location
        )
        if not (signed_in_redirect or status in (404, 405)):
            problems.append(f"{path} ({name}) answered {status} {location}")
    assert checked > 30, "the URL walk found too few URLs: is it still walking the resolver?"
    assert not problems, "views open to anonymous visitors:\n" + "\n".join(problems)


# Modules whose records are case-level or restricted: none of their views may be public.
NEVER_PUBLIC = (
    "accounts:",
    "activity_log:",
    "partnership:",
    "actions:",
    "case_reviews:",
    "child_deaths:",
    "datasets:",
    "annual_reports:",
)


def _public_names() -> list[str]:
    return sorted(
        name
        for _route, name, callback in _walk(get_resolver().url_patterns)
        if _is_public(callback)
    )


def test_information_pages_are_public() -> None:
    assert {"core:accessibility", "core:healthz", "core:privacy"} <= set(_public_names())


def test_no_restricted_module_declares_a_public_view() -> None:
    assert [name for name in _public_names() if name.startswith(NEVER_PUBLIC)] == []


def test_the_front_door_is_public_only_as_a_redirect_to_public_pages(client) -> None:
    """ "/" is declared public so anonymous visitors are not sent to a bare sign-in page; it
    must show them nothing but a redirect to a view that is itself declared public."""
    from django.urls import resolve

    assert "core:home" in _public_names()
    response = client.get("/")
    assert response.status_code == 302
    target = resolve(response["Location"])
    assert _is_public(target.func)
    assert target.view_name.startswith("website:")
