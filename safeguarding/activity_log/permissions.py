"""Only partnership administrators read the activity log and the background job list.

"Who has viewed this record" is part of the log: the administrators who read the log may see
it for any record (they may see every record in the partnership). Anyone else gets 404, and so
does a record type or record that does not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model
from django.http import Http404

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_activity_log(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def can_view_task_results(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def can_view_record_viewers(user: User, target: Model) -> bool:
    """May the user see who has viewed `target`?"""
    return can_view_activity_log(user)


def get_viewed_record_for_user_or_404(
    user: User, content_type_id: int, object_id: str
) -> tuple[ContentType, Model]:
    """The record (of any type) whose viewers the user asks for, with its type; 404 when the
    user may not see its viewers, or the type or record does not exist."""
    if not can_view_activity_log(user):
        raise Http404
    try:
        content_type = ContentType.objects.get(pk=content_type_id)
    except ContentType.DoesNotExist as exc:
        raise Http404 from exc
    model = content_type.model_class()
    if model is None:
        raise Http404
    try:
        target = model._default_manager.get(pk=object_id)
    except (ObjectDoesNotExist, ValueError, TypeError, ValidationError) as exc:
        raise Http404 from exc
    if not can_view_record_viewers(user, target):
        raise Http404
    return content_type, target
