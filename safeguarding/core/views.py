"""Home ("My work"), information pages and error pages.

Form page: not used: none of these pages has a form.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.registry import cards_for_user


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    cards = cards_for_user(request.user)
    return render(request, "core/home.html", {"cards": cards})


@public
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@public
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@public
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Load balancer health check: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the error may be the database.
    return render(request, "errors/500.html", status=500)
