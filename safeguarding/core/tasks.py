"""Background tasks of core: e-mail delivery."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from safeguarding.core.emails import email_deliver, email_deliver_rendered


@task()
def email_send_task(*, template: str, to: list[str], context: dict[str, Any]) -> int:
    return email_deliver(template=template, to=to, context=context)


@task()
def email_send_rendered_task(*, subject: str, to: list[str], text: str, html: str = "") -> int:
    return email_deliver_rendered(subject=subject, to=to, text=text, html=html)
