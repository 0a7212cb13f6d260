"""'My work' cards: reporting forms an agency lead must return, and a CDOP manager's open cases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from safeguarding.child_deaths import permissions, selectors
from safeguarding.child_deaths.models import InformationRequest
from safeguarding.core.registry import Card, CardItem

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def requests_to_return_card(user: User) -> Card | None:
    if not permissions.can_view_requests(user) or permissions.can_manage_child_deaths(user):
        return None
    outstanding = selectors.request_list_for_user(
        user=user, status=InformationRequest.Status.REQUESTED
    )
    items = [
        CardItem(
            text=f"Reporting form for {r.notification.reference}",
            url=reverse("child_deaths:request_return", args=[r.pk]),
            hint=r.agency.name,
            due=f"{r.due_on.day} {r.due_on:%B %Y}",
        )
        for r in outstanding[:5]
    ]
    return Card(
        title="Child death reporting forms to return",
        items=items,
        empty_text="No reporting forms to return.",
        link_url=reverse("child_deaths:request_list") + "?status=requested",
        link_text="All reporting forms to return",
        count=outstanding.count(),
    )


def open_cases_card(user: User) -> Card | None:
    if not permissions.can_manage_child_deaths(user):
        return None
    cases = selectors.open_case_list_for_user(user=user)
    items = [
        CardItem(
            text=o.notification.reference,
            url=reverse("child_deaths:notification_detail", args=[o.notification.pk]),
            hint=f"{o.months_open} months since the death"
            + (f"; {o.delay.lower()}" if o.delay else ""),
        )
        for o in selectors.case_rows(cases=cases[:5])
    ]
    return Card(
        title="Open child death reviews",
        items=items,
        empty_text="No open child death reviews.",
        link_url=reverse("child_deaths:notification_list") + "?show=open",
        link_text="All open reviews",
        count=cases.count(),
    )
