"""Idle-session timeout and MFA enforcement."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

_LAST_SEEN = "last_activity"
# The time of the last request is written to the session at most this often (seconds): writing
# it on every request saved the session (an UPDATE and a commit) on every page. Someone is
# therefore signed out once the limit has passed since their last request, or up to this much
# sooner, never later.
LAST_SEEN_STEP = 60

# Paths a person who must set up MFA can still reach.
_MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/accessibility/", "/privacy/", "/healthz/")


def last_seen_at_sign_in(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Receiver of `user_logged_in` (connected in apps.py): signing in is activity, so the
    session starts with its time and the first page after signing in writes nothing more."""
    if request is not None and hasattr(request, "session"):
        request.session[_LAST_SEEN] = int(time.time())


class IdleTimeoutMiddleware:
    """Sign people out after a period without a request: IDLE_TIMEOUT_STAFF seconds for roles
    that see case-level or personal data, IDLE_TIMEOUT_OTHERS for everyone else (or up
    to LAST_SEEN_STEP seconds sooner: the time is kept to the minute)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            now = int(time.time())
            last = request.session.get(_LAST_SEEN)
            limit = settings.IDLE_TIMEOUT_STAFF if user.needs_mfa else settings.IDLE_TIMEOUT_OTHERS
            if last is not None and now - int(last) > limit:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {limit // 60} minutes without activity, "
                    "to keep the records safe. Sign in again to continue.",
                )
                return redirect(f"{reverse('account_login')}?next={request.path}")
            if last is None or now - int(last) >= LAST_SEEN_STEP:
                request.session[_LAST_SEEN] = now
        return self.get_response(request)


class MFARequiredMiddleware:
    """When MFA_REQUIRED is on (production), people whose roles can see case-level or personal
    data must set up an authenticator app or security key before using anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.MFA_REQUIRED and self._must_set_up(request):
            messages.info(
                request,
                "Your role gives you access to sensitive records, so you must set up "
                "two-factor authentication before you continue.",
            )
            return redirect("mfa_index")
        return self.get_response(request)

    @staticmethod
    def _must_set_up(request: HttpRequest) -> bool:
        user = request.user
        if not user.is_authenticated or not user.needs_mfa:
            return False
        if request.path.startswith(_MFA_EXEMPT_PREFIXES):
            return False
        from allauth.mfa.utils import is_mfa_enabled

        return not is_mfa_enabled(user)
