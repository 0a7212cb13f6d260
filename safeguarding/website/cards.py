"""The website's "My work" card: pages, resources and front doors due for review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.core.registry import Card, CardItem
from safeguarding.website import permissions, selectors

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def reviews_due_card(user: User) -> Card | None:
    if not permissions.can_manage_website(user):
        return None
    pages, versions, doors = selectors.reviews_due(on=timezone.localdate())
    items = [
        CardItem(
            text=f"Page: {p.title}",
            url=reverse("website:page_update", args=[p.pk]),
            due=p.review_on.isoformat(),
        )
        for p in pages
    ]
    items += [
        CardItem(
            text=f"Resource: {v.resource.title} (version {v.number})",
            url=reverse("website:resource_version_add", args=[v.resource_id]),
            due=v.review_on.isoformat(),
        )
        for v in versions
    ]
    items += [
        CardItem(
            text=f"Report a concern: {d.name} ({d.district or d.area})",
            url=reverse("website:front_door_update", args=[d.pk]),
            due=d.review_on.isoformat(),
        )
        for d in doors
    ]
    if not items:
        return None
    return Card(
        title="Website content to review",
        items=items,
        count=len(items),
        link_url=reverse("website:manage"),
        link_text="Manage the website",
    )
