"""The assurance app's "My work" cards (registered in AssuranceConfig.ready).

Each card's items come from one function here, and its link opens the page that lists the same
items (`assurance:work_list`), so the card's number is always the length of that list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.assurance import permissions, selectors
from safeguarding.core.registry import Card, CardItem

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CARD_ITEMS_SHOWN = 5


def _section11_items(user: User) -> list[CardItem] | None:
    """For agency safeguarding leads: their agency's Section 11 returns not yet submitted, with
    the deadline; overdue ones tagged. None for anyone else."""
    if not user.is_authenticated or not user.lead_agency_ids:
        return None
    today = timezone.localdate()
    items = []
    for ret in selectors.section11_returns_due_for_user(user=user, today=today):
        overdue = ret.cycle.deadline < today
        items.append(
            CardItem(
                text=f"{ret.cycle.name}: {ret.agency.name}",
                url=reverse("assurance:section11_return_detail", args=[ret.pk]),
                due=f"{ret.cycle.deadline.day} {ret.cycle.deadline:%B %Y}",
                tag="Overdue" if overdue else "",
                tag_colour="govuk-tag--red" if overdue else "",
            )
        )
    return items


def _audit_case_items(user: User) -> list[CardItem] | None:
    """For auditors: the audit cases assigned to them that still need the tool completing.
    None for a person with no role, who sees no page but their home and account pages."""
    if not user.is_authenticated or not user.roles:
        return None
    return [
        CardItem(
            text=f"{case.audit.title}: case {case.case_reference}",
            url=reverse("assurance:audit_case_complete", args=[case.pk]),
            hint=case.agency.name,
        )
        for case in selectors.audit_cases_to_complete_for_user(user=user)
    ]


def _review_items(user: User) -> list[CardItem] | None:
    """For partnership staff: Section 11 returns submitted and waiting for moderation, and
    commentary escalations waiting for the Executive Board's response."""
    if not permissions.can_manage_assurance(user):
        return None
    return [
        CardItem(
            text=f"Moderate: {ret.cycle.name}, {ret.agency.name}",
            url=reverse("assurance:section11_return_detail", args=[ret.pk]),
        )
        for ret in selectors.section11_returns_to_moderate()
    ] + [
        CardItem(
            text=f"Board response awaited: {c.agency.name}, priority {c.priority.number}",
            url=reverse("assurance:commentary_detail", args=[c.pk]),
            hint=f"{c.year_label}, {c.get_half_display()}",
        )
        for c in selectors.commentary_escalations_open(user=user)
    ]


@dataclass(frozen=True)
class WorkList:
    title: str
    empty_text: str
    items: Callable[[User], list[CardItem] | None]
    hide_when_empty: bool = False


WORK_LISTS: dict[str, WorkList] = {
    "section-11-returns": WorkList(
        "Section 11 returns", "Your agency has no Section 11 return to complete.", _section11_items
    ),
    "audit-cases": WorkList(
        "Audit cases to complete", "No audit cases to complete.", _audit_case_items, True
    ),
    "to-review": WorkList(
        "Quality assurance to review",
        "Nothing is waiting for moderation or a Board response.",
        _review_items,
    ),
}


def work_items(user: User, kind: str) -> list[CardItem] | None:
    """The whole list behind a card (None: the user has no such list)."""
    work = WORK_LISTS.get(kind)
    return work.items(user) if work is not None else None


def _card(user: User, kind: str) -> Card | None:
    work = WORK_LISTS[kind]
    items = work.items(user)
    if items is None or (work.hide_when_empty and not items):
        return None
    return Card(
        title=work.title,
        items=items[:CARD_ITEMS_SHOWN],
        empty_text=work.empty_text,
        link_url=reverse("assurance:work_list", args=[kind]),
        link_text="See the whole list",
        count=len(items),
    )


def section11_returns_card(user: User) -> Card | None:
    return _card(user, "section-11-returns")


def audit_cases_card(user: User) -> Card | None:
    return _card(user, "audit-cases")


def assurance_review_card(user: User) -> Card | None:
    return _card(user, "to-review")
