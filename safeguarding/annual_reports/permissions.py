"""Who may read the annual report: anyone holding a role (the report is de-identified and is
published by the partnership). Sections never contain case-level or identifying data."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_annual_report(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)
