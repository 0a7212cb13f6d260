"""Sign-in and sign-out are recorded (cross-cutting infrastructure, so a signal is allowed)."""

from __future__ import annotations

from typing import Any

from safeguarding.activity_log import verbs
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record


def on_signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    event_record(actor=user, verb=verbs.SIGNED_IN, kind=ActivityEvent.Kind.ACCESS)


def on_signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        event_record(actor=user, verb=verbs.SIGNED_OUT, kind=ActivityEvent.Kind.ACCESS)
