"""activity_log: the log and the background jobs for the partnership administrator only; who
viewed a record for whoever may see the log of that record."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from safeguarding.accounts.roles import Role
from safeguarding.core.tests.matrix.spec import (
    NOT_FOUND,
    OK,
    Case,
    expect,
    read_page,
)

ADMIN_ONLY = expect(NOT_FOUND, ({Role.PARTNERSHIP_ADMIN.value}, OK))


def _action_b(w: Any) -> dict[str, Any]:
    return {
        "content_type_id": ContentType.objects.get_for_model(w.action_b).pk,
        "object_id": str(w.action_b.pk),
    }


ENTRIES: dict[str, tuple[Case, ...]] = {
    "activity_log:event_list": (read_page("no object", ADMIN_ONLY),),
    "activity_log:task_list": (read_page("no object", ADMIN_ONLY),),
    "activity_log:viewer_list": (read_page("agency B's action", ADMIN_ONLY, _action_b),),
}
