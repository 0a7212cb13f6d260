"""The "My work" cards: published reports not yet recorded as sent to the Child Safeguarding
Practice Review Panel and Foundations (due within 7 days of publication), and contributions a
partner agency's safeguarding lead has been asked to write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.annual_reports import permissions, selectors
from safeguarding.core.registry import Card, CardItem

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def follow_up_card(user: User) -> Card | None:
    if not permissions.can_manage_annual_report(user):
        return None
    due = selectors.follow_up_due_list()
    if not due:
        return None
    items = [
        CardItem(
            text=f"Send {item.edition.title} to {' and '.join(item.missing)}",
            url=reverse("annual_reports:edition_follow_up", args=[item.edition.pk]),
            due=f"{item.due_on:%-d %B %Y}",
            tag="Overdue" if item.overdue else "",
            tag_colour="red" if item.overdue else "",
        )
        for item in due
    ]
    return Card(
        title="Yearly report: send to the national Panel and Foundations",
        items=items,
        count=len(items),
    )


def contribution_card(user: User) -> Card | None:
    """Contributions the user's agency has been asked to write (requested or returned)."""
    if not user.is_authenticated or not user.lead_agency_ids:
        return None
    waiting = list(selectors.contribution_list_to_write(user=user))
    if not waiting:
        return None
    today = timezone.localdate()
    items = [
        CardItem(
            text=f"{c.title} ({c.agency}) for {c.edition.title}",
            url=reverse("annual_reports:contribution_detail", args=[c.pk]),
            due=f"{c.due_on:%-d %B %Y}",
            tag="Returned"
            if c.status == c.Status.RETURNED
            else ("Overdue" if c.due_on < today else ""),
            tag_colour="red" if c.due_on < today else "",
        )
        for c in waiting
    ]
    return Card(title="Yearly report: contributions to write", items=items, count=len(items))
