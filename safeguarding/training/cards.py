"""The "My work" cards: a person's coming training, offers waiting for them, and evaluations
due; for an agency's safeguarding lead, their agency's training page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.core.registry import Card, CardItem
from safeguarding.core.templatetags.govuk import govuk_date
from safeguarding.training import selectors
from safeguarding.training.models import TrainingBooking

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def my_training_card(user: User) -> Card | None:
    bookings = (
        TrainingBooking.objects.filter(learner=user)
        .select_related("session__course")
        .order_by("session__starts_at")
    )
    now = timezone.now()
    items: list[CardItem] = []
    for booking in bookings.filter(status=TrainingBooking.Status.OFFERED):
        items.append(
            CardItem(
                text=f"Place offered: {booking.session.course.title}",
                url=reverse("training:booking_list"),
                tag="Offer",
                tag_colour="yellow",
            )
        )
    for booking in bookings.filter(
        status=TrainingBooking.Status.CONFIRMED, session__starts_at__gt=now
    )[:5]:
        items.append(
            CardItem(
                text=booking.session.course.title,
                url=reverse("training:session_detail", args=[booking.session_id]),
                due=govuk_date(booking.session.starts_at, with_time=True),
            )
        )
    due_evaluation = bookings.filter(
        attendance=TrainingBooking.Attendance.ATTENDED, evaluation__isnull=True
    )
    for booking in due_evaluation:
        items.append(
            CardItem(
                text=f"Evaluate: {booking.session.course.title}",
                url=reverse("training:evaluation_create", args=[booking.pk]),
                tag="To do",
                tag_colour="blue",
            )
        )
    if not items:
        return None
    return Card(
        title="Your training",
        items=items,
        link_url=reverse("training:booking_list"),
        link_text="All your training",
        count=len(items),
    )


def agency_training_card(user: User) -> Card | None:
    """An agency lead's way to their staff's training: one line per agency they lead."""
    if not user.is_authenticated or not user.lead_agency_ids:
        return None
    items = [
        CardItem(
            text=f"Staff training: {agency.name}",
            url=reverse("training:agency_training", args=[agency.pk]),
            hint=(
                f"{agency.waiting} booking{'s' if agency.waiting != 1 else ''} waiting for "  # type: ignore[attr-defined]
                "approval"
            ),
            tag="To do" if agency.waiting else "",  # type: ignore[attr-defined]
            tag_colour="blue" if agency.waiting else "",  # type: ignore[attr-defined]
        )
        for agency in selectors.agency_list_for_lead(user=user)
    ]
    return Card(title="Your agency's training", items=items, count=len(items))
