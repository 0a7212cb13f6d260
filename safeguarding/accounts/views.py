"""The signed-in person's own account page."""

from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest


@login_required
@require_GET
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    grants = request.user.role_grants.select_related("agency").order_by("role")
    return render(
        request,
        "account/profile.html",
        {"grants": grants, "mfa_enabled": is_mfa_enabled(request.user)},
    )
