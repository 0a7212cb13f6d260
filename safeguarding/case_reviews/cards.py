"""The "My work" card: the case review deadlines the user is responsible for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.case_reviews import permissions, selectors
from safeguarding.core.registry import Card, CardItem

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

_SHOWN = 8


def deadlines_card(user: User) -> Card | None:
    """Case team: notifications, rapid reviews and review targets; agency leads and named
    contacts: their agency's open requests. Nobody else gets the card."""
    if not user.is_authenticated:
        return None
    deadlines = selectors.deadline_list(user=user)
    if not deadlines and not permissions.can_manage_case_reviews(user):
        return None
    today = timezone.localdate()
    items = [
        CardItem(
            text=d.label,
            url=d.url,
            due=f"{d.due_on.day} {d.due_on:%B %Y}",
            tag="Overdue" if d.is_missed(today) else "",
            tag_colour="red" if d.is_missed(today) else "",
        )
        for d in deadlines[:_SHOWN]
    ]
    return Card(
        title="Case review deadlines",
        items=items,
        empty_text="No case review deadlines.",
        link_url=reverse("case_reviews:case_review_home"),
        link_text="All case reviews",
        count=len(deadlines),
    )
