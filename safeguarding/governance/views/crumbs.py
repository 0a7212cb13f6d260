"""The governance pages' breadcrumbs."""

from __future__ import annotations

from django.urls import reverse

from safeguarding.core.pages import Trail
from safeguarding.governance.models import Meeting

CRUMBS = Trail("Governance", "governance:home")


def arrangements_crumb() -> tuple[str, str]:
    return ("Arrangements", reverse("governance:arrangements"))


def meeting_crumbs(meeting: Meeting, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return CRUMBS(
        ("Meetings", reverse("governance:meeting_list")),
        (str(meeting), reverse("governance:meeting_detail", args=[meeting.pk])),
        *extra,
    )
