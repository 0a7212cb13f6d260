"""The governance app's "My work" cards (registered in GovernanceConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from safeguarding.core.registry import Card, CardItem
from safeguarding.governance import permissions, selectors

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CARD_LIMIT = 10


def papers_late_card(user: User) -> Card | None:
    """For partnership staff: meetings still to come whose papers were due and are not out."""
    if not permissions.can_manage_governance(user):
        return None
    meetings = selectors.meetings_with_late_papers(today=timezone.localdate())
    if not meetings:
        return None
    items = [
        CardItem(
            text=f"{meeting.group.name}: {timezone.localtime(meeting.starts_at):%d %B %Y}",
            url=reverse("governance:meeting_detail", args=[meeting.pk]),
            due=f"Papers were due {meeting.papers_due_on.day} {meeting.papers_due_on:%B %Y}",
            tag="Papers late",
            tag_colour="govuk-tag--red",
        )
        for meeting in meetings[:CARD_LIMIT]
    ]
    return Card(
        title="Meeting papers late",
        items=items,
        link_url=reverse("governance:meeting_list"),
        link_text="See all meetings",
        count=len(meetings),
    )


def arrangements_review_card(user: User) -> Card | None:
    """For partnership staff: the published arrangements are due for review."""
    if not permissions.can_manage_governance(user):
        return None
    document = selectors.arrangements_review_due(
        today=timezone.localdate(), within_days=settings.GOVERNANCE_REVIEW_REMINDER_DAYS
    )
    if document is None:
        return None
    return Card(
        title="Review of the arrangements due",
        items=[
            CardItem(
                text=f"{document.title} (version {document.version_label})",
                url=reverse("governance:arrangements"),
                due=f"Review due {document.review_due_on.day} {document.review_due_on:%B %Y}",
                tag="Review due",
                tag_colour="govuk-tag--orange",
            )
        ],
        count=1,
    )
