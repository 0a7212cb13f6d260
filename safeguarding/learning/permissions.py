"""Who may see and change themes and learning points.

* Anyone holding any role may see the theme list and the learning they are allowed to see;
  people with no role get 404 everywhere.
* Partnership staff (administrators and business unit officers), case review panel members and
  the CDOP roles see all learning, published or not: they write it. Everyone else with a role
  (practitioners, agency leads, analysts, scrutineers, board members) sees only published
  learning.
* Only partnership administrators add, rename, retire and reinstate themes. Anyone else who
  may see a theme gets 403 on those writes.
* Learning points are written by the module that owns their source record (case reviews, child
  deaths, audits), through learning.services; here, partnership staff may change them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import STAFF_ROLES, Role
from safeguarding.core.permissions import fetcher
from safeguarding.learning.models import LearningPoint, Theme

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

# Roles that see unpublished learning as well as published.
FULL_LEARNING_ROLES = frozenset(
    {*STAFF_ROLES, Role.CASE_REVIEW_PANEL, Role.CDOP_MANAGER, Role.CDOP_PANEL}
)


def can_view_learning(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)


def can_view_unpublished_learning(user: User) -> bool:
    return user.is_authenticated and user.has_role(*FULL_LEARNING_ROLES)


def can_view_themes(user: User) -> bool:
    return can_view_learning(user)


def can_manage_themes(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def can_view_theme(user: User, theme: Theme) -> bool:
    return can_view_themes(user)


def can_manage_theme(user: User, theme: Theme) -> bool:
    return can_manage_themes(user)


def can_view_learning_point(user: User, point: LearningPoint) -> bool:
    if not can_view_learning(user):
        return False
    return point.is_published or can_view_unpublished_learning(user)


def can_edit_learning_point(user: User, point: LearningPoint) -> bool:
    return user.is_authenticated and user.is_partnership_staff


get_theme_for_user_or_404 = fetcher(
    Theme.objects.all(), can_view=can_view_theme, can_edit=can_manage_theme
)


get_learning_point_for_user_or_404 = fetcher(
    LearningPoint.objects.select_related("area", "source_type").prefetch_related(
        "themes", "agencies"
    ),
    can_view=can_view_learning_point,
    can_edit=can_edit_learning_point,
)
