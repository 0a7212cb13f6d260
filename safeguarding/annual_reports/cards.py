"""The "My work" card: published reports not yet recorded as sent to the Child Safeguarding
Practice Review Panel and Foundations (due within 7 days of publication)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

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
