"""What every training page shares: its breadcrumb trail (Home > Training > ...), the page
size of its lists and the check of the pages that manage training."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
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


# Rows on one page of every training list (a large partnership's lists are never shown whole).
PER_PAGE = 25


def page_of(
    request: HttpRequest, items: QuerySet[Any] | list[Any], per_page: int = PER_PAGE
) -> Page[Any]:
    """The requested page of a list (a missing or wrong page number shows the first or last)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
