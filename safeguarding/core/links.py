"""Absolute links for e-mails, certificates and exports: settings.SITE_URL joined to a path."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """SITE_URL (no trailing slash) followed by `path` (which starts with '/')."""
    return str(settings.SITE_URL).rstrip("/") + path


def absolute_reverse(viewname: str, *args: Any, **kwargs: Any) -> str:
    return absolute_url(reverse(viewname, args=args or None, kwargs=kwargs or None))
