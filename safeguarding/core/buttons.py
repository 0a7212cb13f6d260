"""The one-button POST: a page's button calls one service and goes back where it came from,
with the service's refusal (a ValidationError) or the success shown as a message.

    return button_post(
        request,
        lambda: services.theme_retire(actor=request.user, theme=theme),
        done="The theme has been retired.",
        to=reverse("learning:theme_detail", args=[theme.pk]),
    )
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

T = TypeVar("T")


def button_post(
    request: HttpRequest, action: Callable[[], T], *, to: str, done: str | Callable[[T], str] = ""
) -> HttpResponse:
    """Call `action()` (one service), then go back to `to`. Each message of a ValidationError
    it raises is shown as an error; otherwise `done` (fixed, or made from what the service
    returned) is shown as a success, when there is one."""
    try:
        result = action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        text = done(result) if callable(done) else done
        if text:
            messages.success(request, text)
    return redirect(to)
