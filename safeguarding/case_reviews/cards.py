"""The "My work" card: the case review deadlines the user is responsible for.

Its number is the length of the list it opens: the card shows the soonest few, counts them all
and links to the deadlines page, which lists exactly those (selectors.deadline_list)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from safeguarding.case_reviews import permissions, selectors
from safeguarding.core.registry import Card, CardItem
from safeguarding.core.templatetags.govuk import govuk_date

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

_SHOWN = 8


def deadlines_card(user: User) -> Card | None:
    """Case team: notifications, rapid reviews, review targets and open agency requests; agency
    leads and named contacts: their agency's open requests. Nobody else gets the card."""
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
            due=govuk_date(d.due_on),
            tag="Overdue" if d.is_missed(today) else "",
            tag_colour="red" if d.is_missed(today) else "",
        )
        for d in deadlines[:_SHOWN]
    ]
    return Card(
        title="Case review deadlines",
        items=items,
        empty_text="No case review deadlines.",
        link_url=reverse("case_reviews:deadline_list"),
        link_text=f"All {len(deadlines):,} case review deadline{pluralize(len(deadlines))}",
        count=len(deadlines),
    )
