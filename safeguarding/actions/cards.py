"""The actions app's "My work" cards (registered in ActionsConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from safeguarding.actions import permissions, selectors
from safeguarding.core.dates import format_date
from safeguarding.core.registry import Card, CardItem

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CARD_LIMIT = 10


def my_actions_card(user: User) -> Card | None:
    """Open actions the user owns, or that belong to an agency they lead; soonest due first,
    overdue ones tagged. Nothing for people who own none and lead no agency."""
    if not user.is_authenticated:
        return None
    today = timezone.localdate()
    actions = selectors.action_list_owned_by(user=user, today=today)
    total = actions.count()
    if total == 0 and not user.lead_agency_ids:
        return None
    items = []
    for action in actions[:CARD_LIMIT]:
        overdue = action.is_overdue_on(today)
        items.append(
            CardItem(
                text=f"Action {action.number}: "
                + Truncator(action.description).chars(90, truncate="…"),
                url=reverse("actions:action_detail", args=[action.pk]),
                hint=f"{action.plan.title} · {action.owner_agency.name}",
                due=format_date(action.due_date),
                tag="Overdue" if overdue else "",
                tag_colour="govuk-tag--red" if overdue else "",
            )
        )
    return Card(
        title="Your actions",
        items=items,
        empty_text="You have no open actions.",
        # The list the card opens is exactly the card's actions, so its count is the card's.
        link_url=reverse("actions:action_list") + "?mine=on",
        link_text="See all your actions" if total <= CARD_LIMIT else f"See all {total} actions",
        count=total,
    )


def plans_due_for_review_card(user: User) -> Card | None:
    """For partnership staff: action plans whose review date has come."""
    if not permissions.can_manage_actions(user):
        return None
    plans = selectors.action_plans_due_for_review(user=user)
    total = plans.count()
    if total == 0:
        return None
    items = [
        CardItem(
            text=plan.title,
            url=reverse("actions:action_plan_detail", args=[plan.pk]),
            due=format_date(plan.next_review_due) if plan.next_review_due else "",
            tag="Review due",
            tag_colour="govuk-tag--orange",
        )
        for plan in plans[:CARD_LIMIT]
    ]
    return Card(
        title="Action plans due for review",
        items=items,
        link_url=reverse("actions:action_plan_list") + "?review_due=on",
        link_text=f"See all {total} plans due for review",
        count=total,
    )
