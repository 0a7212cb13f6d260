"""Who may see and change the partnership's structure and its people.

* Anyone holding any role may see the structure (areas, agencies, groups, priorities):
  it is not sensitive, and practitioners need it to find their way.
* Partnership administrators and business unit officers may add and change it.
* Only partnership administrators may see people and grant or remove roles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.core.permissions import fetch_for_user_or_404
from safeguarding.partnership.models import Agency, Area, Group, Priority

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_partnership(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)


def can_edit_partnership(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def can_manage_people(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def _view(user: User, obj: object) -> bool:
    return can_view_partnership(user)


def _edit(user: User, obj: object) -> bool:
    return can_edit_partnership(user)


def get_area_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Area:
    return fetch_for_user_or_404(
        user,
        Area.objects.select_related("partnership"),
        pk,
        can_view=_view,
        can_edit=_edit,
        write=write,
    )


def get_agency_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Agency:
    return fetch_for_user_or_404(
        user,
        Agency.objects.select_related("area", "parent"),
        pk,
        can_view=_view,
        can_edit=_edit,
        write=write,
    )


def get_group_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Group:
    return fetch_for_user_or_404(
        user,
        Group.objects.select_related("parent", "chair"),
        pk,
        can_view=_view,
        can_edit=_edit,
        write=write,
    )


def get_priority_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Priority:
    return fetch_for_user_or_404(
        user,
        Priority.objects.select_related("lead_group"),
        pk,
        can_view=_view,
        can_edit=_edit,
        write=write,
    )


def get_person_for_user_or_404(user: User, pk: int, *, write: bool = False) -> User:
    from safeguarding.accounts.models import User as UserModel

    return fetch_for_user_or_404(
        user,
        UserModel.objects.all(),
        pk,
        can_view=lambda u, _o: can_manage_people(u),
        can_edit=lambda u, _o: can_manage_people(u),
        write=write,
    )
