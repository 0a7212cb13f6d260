"""The assurance app's "My work" card (registered in AssuranceConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.assurance import permissions, selectors
from safeguarding.core.registry import Card, CardItem

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def section11_returns_card(user: User) -> Card | None:
    """For agency safeguarding leads: their agency's Section 11 returns not yet submitted, with
    the deadline; overdue ones tagged. Nothing for anyone else."""
    if not user.is_authenticated or not user.lead_agency_ids:
        return None
    today = timezone.localdate()
    returns = list(selectors.section11_returns_due_for_user(user=user, today=today))
    items = []
    for ret in returns:
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
    return Card(
        title="Section 11 returns",
        items=items,
        empty_text="Your agency has no Section 11 return to complete.",
        link_url=reverse("assurance:section11_cycle_list"),
        link_text="See Section 11",
        count=len(items),
    )


def audit_cases_card(user: User) -> Card | None:
    """For auditors: the audit cases assigned to them that still need the tool completing."""
    if not user.is_authenticated:
        return None
    cases = list(selectors.audit_cases_to_complete_for_user(user=user))
    if not cases:
        return None
    return Card(
        title="Audit cases to complete",
        items=[
            CardItem(
                text=f"{case.audit.title}: case {case.case_reference}",
                url=reverse("assurance:audit_case_complete", args=[case.pk]),
                hint=case.agency.name,
            )
            for case in cases
        ],
        link_url=reverse("assurance:audit_list"),
        link_text="See audits",
        count=len(cases),
    )


def assurance_review_card(user: User) -> Card | None:
    """For partnership staff: Section 11 returns submitted and waiting for moderation, and
    commentary escalations waiting for the Executive Board's response."""
    if not permissions.can_manage_assurance(user):
        return None
    to_moderate = list(selectors.section11_returns_to_moderate())
    escalations = list(selectors.commentary_escalations_open(user=user))
    items = [
        CardItem(
            text=f"Moderate: {ret.cycle.name}, {ret.agency.name}",
            url=reverse("assurance:section11_return_detail", args=[ret.pk]),
        )
        for ret in to_moderate
    ] + [
        CardItem(
            text=f"Board response awaited: {c.agency.name}, priority {c.priority.number}",
            url=reverse("assurance:commentary_detail", args=[c.pk]),
            hint=f"{c.year_label}, {c.get_half_display()}",
        )
        for c in escalations
    ]
    return Card(
        title="Quality assurance to review",
        items=items,
        empty_text="Nothing is waiting for moderation or a Board response.",
        link_url=reverse("assurance:overview"),
        link_text="Go to quality assurance",
        count=len(items),
    )
