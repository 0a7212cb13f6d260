"""Home ("My work"), information pages and error pages.

Form page: not used: none of these pages has a form.
"""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.registry import cards_for_user


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The front door. Anonymous visitors go to the public website's home (training catalogue,
    certificate checker, guidance, reporting a concern); signed-in people see "My work".

    Public only in the sense that anyone may open it: it shows nothing but a redirect to a
    public page until the visitor has signed in (core/tests/test_url_safety.py checks both)."""
    if not request.user.is_authenticated:
        # By URL name: core sits below the website app and must not import it.
        return redirect(reverse("website:home"))
    return _my_work(request)  # type: ignore[arg-type]


def _my_work(request: AuthenticatedHttpRequest) -> HttpResponse:
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
