"""Only partnership administrators read the activity log and the background job list."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_activity_log(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def can_view_task_results(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin
