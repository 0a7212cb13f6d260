from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from safeguarding.core.registry import nav_for_user


def service(request: HttpRequest) -> dict[str, Any]:
    """Service name and the navigation the signed-in user may use."""
    nav = []
    current = request.path
    for item in nav_for_user(request.user):  # type: ignore[arg-type]
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        nav.append({"label": item.label, "url": url, "active": current.startswith(url)})
    return {
        "service_name": settings.SERVICE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "service_nav": nav,
    }
