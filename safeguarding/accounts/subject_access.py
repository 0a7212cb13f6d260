"""The subject access download: everything the platform holds about one person, as one JSON
file. Apps add their part from their AppConfig.ready() with `register_part(key, title,
provider)`; a provider takes the person and returns plain JSON-ready data. Filled at start-up
only. The download page and its activity-log event live in `retention` (this app sits below
the activity log)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from safeguarding.accounts.models import User

PartProvider = Callable[[User], Any]


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    provider: PartProvider


_parts: dict[str, Part] = {}


def register_part(key: str, title: str, provider: PartProvider) -> None:
    _parts[key] = Part(key=key, title=title, provider=provider)


def part_list() -> list[Part]:
    return [_parts[key] for key in sorted(_parts)]


def profile_part(person: User) -> dict[str, Any]:
    return {
        "email": person.email,
        "full_name": person.full_name,
        "job_title": person.job_title,
        "active": person.is_active,
        "joined": person.date_joined.isoformat(),
        "last_sign_in": person.last_login.isoformat() if person.last_login else None,
    }


def role_history_part(person: User) -> list[dict[str, Any]]:
    """The roles the person holds now, with when and by whom each was granted (withdrawn
    roles are in the activity log of the person who withdrew them, not in this file)."""
    grants = person.role_grants.select_related("agency", "granted_by").order_by("granted_at")
    return [
        {
            "role": grant.get_role_display(),
            "agency": grant.agency.name if grant.agency else None,
            "granted_at": grant.granted_at.isoformat(),
            "granted_by": grant.granted_by.display_name if grant.granted_by else None,
        }
        for grant in grants
    ]


register_part("profile", "Your profile", profile_part)
register_part("roles", "Your roles", role_history_part)


def subject_access_data(*, person: User) -> dict[str, Any]:
    """Every registered part for `person`, with when the file was made."""
    data: dict[str, Any] = {
        "generated_at": timezone.now().isoformat(),
        "person": person.email,
    }
    for part in part_list():
        data[part.key] = part.provider(person)
    return data
