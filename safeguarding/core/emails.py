"""Templated e-mail, always sent through a background task after the transaction commits.

Templates: emails/<name>_subject.txt, emails/<name>_body.txt and emails/<name>_body.html.
Context values must be JSON-serialisable (strings, numbers): tasks take data, not objects.
Never put identifying details of a child in an e-mail.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string


def email_render(*, template: str, context: dict[str, Any]) -> tuple[str, str, str]:
    full = {"service_name": settings.SERVICE_NAME, "partnership_name": settings.PARTNERSHIP_NAME}
    full.update(context)
    subject = render_to_string(f"emails/{template}_subject.txt", full).strip()
    text = render_to_string(f"emails/{template}_body.txt", full)
    html = render_to_string(f"emails/{template}_body.html", full)
    return " ".join(subject.split()), text, html


def email_deliver(*, template: str, to: list[str], context: dict[str, Any]) -> int:
    subject, text, html = email_render(template=template, context=context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    return message.send()


def email_send(*, template: str, to: list[str], context: dict[str, Any]) -> None:
    """Queue an e-mail to go once the current transaction commits."""
    from safeguarding.core.tasks import email_send_task

    transaction.on_commit(
        lambda: email_send_task.enqueue(template=template, to=list(to), context=dict(context))
    )


def email_send_rendered(*, subject: str, to: list[str], text: str, html: str = "") -> None:
    """Queue an already-rendered message (allauth renders its own templates)."""
    from safeguarding.core.tasks import email_send_rendered_task

    transaction.on_commit(
        lambda: email_send_rendered_task.enqueue(
            subject=subject, to=list(to), text=text, html=html
        )
    )


def email_deliver_rendered(*, subject: str, to: list[str], text: str, html: str = "") -> int:
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
