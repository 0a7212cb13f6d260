"""Every write to the public website: pages, resources and versions, front doors and
subscriptions. Each write is in the activity log in the same transaction; subscriptions are
logged without the address (the log would otherwise keep it after an unsubscribe)."""

from __future__ import annotations

import secrets
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core import uploads
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.website import cache as page_cache
from safeguarding.website import verbs
from safeguarding.website.models import (
    FrontDoor,
    Page,
    Resource,
    ResourceVersion,
    Subscription,
    Tool,
    ToolOutcome,
    ToolRule,
    Topic,
)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

RESOURCE_FILE_KINDS = uploads.DOCUMENTS
RESOURCE_MAX_MB = 20


def _published_content_changed() -> None:
    """Visitors see the change at once: the public page cache is cleared after commit."""
    transaction.on_commit(page_cache.clear)


@transaction.atomic
def page_create(*, actor: User, **fields: Any) -> Page:
    fields = {**fields, "owner": fields.get("owner") or actor}
    if fields.get("is_published"):
        fields["published_at"] = timezone.now()
    _published_content_changed()
    return tracked_create(actor=actor, model=Page, data=fields, verb=verbs.PAGE_CREATED)


@transaction.atomic
def page_update(*, actor: User, page: Page, expected_version: int | None, **fields: Any) -> Page:
    if fields.get("is_published") and not page.published_at:
        fields["published_at"] = timezone.now()
    tracked_update(
        actor=actor,
        obj=page,
        data=fields,
        verb=verbs.PAGE_UPDATED,
        expected_version=expected_version,
    )
    _published_content_changed()
    return page


@transaction.atomic
def resource_create(*, actor: User, **fields: Any) -> Resource:
    _published_content_changed()
    return tracked_create(actor=actor, model=Resource, data=fields, verb=verbs.RESOURCE_CREATED)


@transaction.atomic
def resource_update(
    *, actor: User, resource: Resource, expected_version: int | None, **fields: Any
) -> Resource:
    tracked_update(
        actor=actor,
        obj=resource,
        data=fields,
        verb=verbs.RESOURCE_UPDATED,
        expected_version=expected_version,
    )
    _published_content_changed()
    return resource


@transaction.atomic
def resource_version_add(
    *,
    actor: User,
    resource: Resource,
    published_on: date,
    review_on: date,
    file: UploadedFile | None = None,
    link: str = "",
    notes: str = "",
) -> ResourceVersion:
    """Add the newest version of a resource. The version it replaces stays, marked superseded
    from this one's publication date. Confirmed subscribers to the topic get a short notice."""
    if bool(file) == bool(link):
        raise ValidationError({"file": "Upload a file or give a link, not both and not neither."})
    locked = Resource.objects.select_for_update().get(pk=resource.pk)
    version = ResourceVersion(
        resource=locked,
        number=(locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1,
        link=link,
        notes=notes,
        published_on=published_on,
        review_on=review_on,
        created_by=actor,
    )
    if file is not None:
        kind = uploads.check_upload(file, kinds=RESOURCE_FILE_KINDS, max_mb=RESOURCE_MAX_MB)
        version.file_kind = kind.key
        version.original_name = (file.name or "")[-255:]
        version.file.save(uploads.generated_name(kind), file, save=False)
    previous = locked.versions.filter(superseded_on__isnull=True)
    superseded = list(previous.values_list("number", flat=True))
    previous.update(superseded_on=published_on)
    version.full_clean()
    version.save()
    event_record(
        actor=actor,
        verb=verbs.RESOURCE_VERSION_ADDED,
        target=locked,
        data={"version": version.number, "superseded": superseded},
    )
    if locked.is_published:
        _notify_subscribers(resource=locked, version=version)
    _published_content_changed()
    return version


def _notify_subscribers(*, resource: Resource, version: ResourceVersion) -> None:
    url = absolute_reverse("website:resource_detail", resource.slug)
    for subscription in Subscription.objects.filter(
        topics=resource.topic_id, confirmed_at__isnull=False
    ).only("email", "token"):
        email_send(
            template="website_resource_notice",
            to=[subscription.email],
            context={
                "title": resource.title,
                "topic": str(resource.topic),
                "is_new": version.number == 1,
                "notes": version.notes,
                "url": url,
                "unsubscribe_url": absolute_reverse("website:unsubscribe", subscription.token),
            },
        )


@transaction.atomic
def front_door_create(*, actor: User, **fields: Any) -> FrontDoor:
    _published_content_changed()
    return tracked_create(actor=actor, model=FrontDoor, data=fields, verb=verbs.FRONT_DOOR_CREATED)


@transaction.atomic
def front_door_update(
    *, actor: User, front_door: FrontDoor, expected_version: int | None, **fields: Any
) -> FrontDoor:
    tracked_update(
        actor=actor,
        obj=front_door,
        data=fields,
        verb=verbs.FRONT_DOOR_UPDATED,
        expected_version=expected_version,
    )
    _published_content_changed()
    return front_door


@transaction.atomic
def subscription_request(*, email: str, topics: list[Topic]) -> None:
    """Ask to follow topics. A confirmation link goes to the address; nothing is sent about
    resources until it is used. Asking again for a confirmed address changes nothing until the
    new link is used (the topics wait in `pending_topics`), so typing someone else's address
    cannot change what they receive. The page says the same thing either way: no address is
    confirmed to exist to whoever types it."""
    if not topics:
        raise ValidationError({"topics": "Select at least one topic."})
    address = email.strip().lower()
    subscription, _ = Subscription.objects.select_for_update().get_or_create(
        email=address, defaults={"token": secrets.token_urlsafe(32)}
    )
    if subscription.confirmed_at is None:
        subscription.topics.set(topics)
    else:
        subscription.pending_topics = sorted(t.pk for t in topics)
        subscription.save(update_fields=["pending_topics"])
    event_record(
        actor=None,
        verb=verbs.SUBSCRIPTION_REQUESTED,
        data={"topics": len(topics)},
        record_ip=False,
    )
    email_send(
        template="website_subscription_confirm",
        to=[address],
        context={
            "topics": [str(t) for t in topics],
            "confirm_url": absolute_reverse("website:subscription_confirm", subscription.token),
            "unsubscribe_url": absolute_reverse("website:unsubscribe", subscription.token),
        },
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> bool:
    subscription = Subscription.objects.select_for_update().filter(token=token).first()
    if subscription is None:
        return False
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
        event_record(actor=None, verb=verbs.SUBSCRIPTION_CONFIRMED, record_ip=False)
    elif subscription.pending_topics:
        subscription.topics.set(Topic.objects.filter(pk__in=subscription.pending_topics))
        subscription.pending_topics = []
        subscription.save(update_fields=["pending_topics"])
        event_record(actor=None, verb=verbs.SUBSCRIPTION_CONFIRMED, record_ip=False)
    return True


@transaction.atomic
def subscription_cancel(*, token: str) -> bool:
    """Unsubscribe: the address and its topics are deleted, not flagged."""
    deleted, _ = Subscription.objects.filter(token=token).delete()
    if deleted:
        event_record(actor=None, verb=verbs.SUBSCRIPTION_CANCELLED, record_ip=False)
    return bool(deleted)


@transaction.atomic
def tool_create(*, actor: User, **fields: Any) -> Tool:
    _published_content_changed()
    return tracked_create(actor=actor, model=Tool, data=fields, verb=verbs.TOOL_CREATED)


@transaction.atomic
def tool_update(*, actor: User, tool: Tool, expected_version: int | None, **fields: Any) -> Tool:
    tracked_update(
        actor=actor,
        obj=tool,
        data=fields,
        verb=verbs.TOOL_UPDATED,
        expected_version=expected_version,
    )
    _published_content_changed()
    return tool


@transaction.atomic
def tool_outcome_add(
    *, actor: User, tool: Tool, seriousness: int, title: str, colour: str, guidance: str
) -> ToolOutcome:
    if tool.outcomes.filter(seriousness=seriousness).exists():
        raise ValidationError({"seriousness": "Another outcome of this tool has this number."})
    _published_content_changed()
    return tracked_create(
        actor=actor,
        model=ToolOutcome,
        data={
            "tool": tool,
            "seriousness": seriousness,
            "title": title,
            "colour": colour,
            "guidance": guidance,
        },
        verb=verbs.TOOL_OUTCOME_ADDED,
    )


@transaction.atomic
def tool_rule_add(
    *, actor: User, tool: Tool, question_key: str, answer: str, outcome: ToolOutcome
) -> ToolRule:
    """An answer that leads to an outcome. The question and answer must be in the tool's
    questionnaire, and the outcome must be the tool's."""
    from safeguarding.website.tools import tool_questions

    if outcome.tool_id != tool.pk:
        raise ValidationError({"outcome": "Choose one of this tool's outcomes."})
    options = {q.key: q.options for q in tool_questions(tool=tool) if q.has_options}
    if answer not in options.get(question_key, []):
        raise ValidationError({"answer": "Choose an answer the question offers."})
    if tool.rules.filter(question_key=question_key, answer=answer).exists():
        raise ValidationError({"answer": "This answer already leads to an outcome."})
    _published_content_changed()
    return tracked_create(
        actor=actor,
        model=ToolRule,
        data={"tool": tool, "question_key": question_key, "answer": answer, "outcome": outcome},
        verb=verbs.TOOL_RULE_ADDED,
    )
