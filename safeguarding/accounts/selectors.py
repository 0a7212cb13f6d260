"""Reads about people and their roles."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding.accounts.models import RoleAssignment, User


def role_grant_list_for_user(*, user: User) -> QuerySet[RoleAssignment]:
    """The roles the user holds, with their agencies."""
    return user.role_grants.select_related("agency").order_by("role")
