"""The signed-in person's own account page.

Form page: not used: this page has no form (signing in, signing up, passwords and two-factor
authentication are allauth's pages, with GOV.UK templates).
"""

from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.accounts import selectors
from safeguarding.core.http import AuthenticatedHttpRequest


@login_required
@require_GET
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "account/profile.html",
        {
            "grants": selectors.role_grant_list_for_user(user=request.user),
            "mfa_enabled": is_mfa_enabled(request.user),
        },
    )
