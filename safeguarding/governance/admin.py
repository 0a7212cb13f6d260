"""The governance records are changed through the service's pages (and their services), so that
every change is in the activity log; nothing is registered in Django's admin."""

from __future__ import annotations
