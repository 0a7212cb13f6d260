"""The "My work" card: a person's coming training, offers waiting for them, and evaluations due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from safeguarding.core.registry import Card, CardItem
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
        local = timezone.localtime(booking.session.starts_at)
        items.append(
            CardItem(
                text=booking.session.course.title,
                url=reverse("training:session_detail", args=[booking.session_id]),
                due=f"{local:%-d %B %Y, %H:%M}",
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
