"""Pages for the child death overview panel: figures, cases, information requests, meetings,
panel reviews and the national export. Every case page is permission-checked and logged."""

from __future__ import annotations

from safeguarding.child_deaths.views.cases import (
    notification_archive,
    notification_create,
    notification_delay,
    notification_detail,
    notification_list,
    notification_update,
)
from safeguarding.child_deaths.views.export import (
    national_export,
)
from safeguarding.child_deaths.views.figures import (
    comparator_create,
    dashboard,
)
from safeguarding.child_deaths.views.meetings import (
    meeting_create,
    meeting_detail,
    meeting_list,
    meeting_update,
)
from safeguarding.child_deaths.views.requests import (
    request_create,
    request_list,
    request_remind,
    request_return,
)
from safeguarding.child_deaths.views.reviews import (
    learning_create,
    panel_review_action_add,
    review_update,
)

__all__ = [
    "notification_archive",
    "panel_review_action_add",
    "comparator_create",
    "dashboard",
    "learning_create",
    "meeting_create",
    "meeting_detail",
    "meeting_list",
    "meeting_update",
    "national_export",
    "notification_create",
    "notification_delay",
    "notification_detail",
    "notification_list",
    "notification_update",
    "request_create",
    "request_list",
    "request_remind",
    "request_return",
    "review_update",
]
