"""What every training page shares: its breadcrumb trail (Home > Training > ...) and the check
of the pages that manage training. Its lists are paged by core.paging.page_of, 25 rows a page
(a large partnership's lists are never shown whole)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from safeguarding.core.pages import Crumb, Trail
from safeguarding.core.permissions import require
from safeguarding.training import permissions

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Training", "training:course_list")


def may_manage(user: User) -> None:
    """The check of a page that manages training: 403 for someone who may look but not write."""
    require(permissions.can_view_training_management(user))
    require(permissions.can_manage_training(user), write_attempt=True)


def manage_crumb() -> Crumb:
    return ("Manage", reverse("training:manage"))


def your_training_crumb() -> Crumb:
    return ("Your training", reverse("training:booking_list"))


def validation_crumb() -> Crumb:
    return ("Validation", reverse("training:validation_list"))
