"""Who may see and change the partnership's structure and its people.

* Anyone holding any role may see the structure (areas, agencies, groups, priorities):
  it is not sensitive, and practitioners need it to find their way.
* Partnership administrators and business unit officers may add and change it, and disable an
  agency that has stopped (a reference list entry is disabled, never deleted).
* Only partnership administrators may see people and grant or remove roles.
"""

from __future__ import annotations

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.core.permissions import fetch_for_user_or_404, fetcher
from safeguarding.partnership.models import (
    Agency,
    Area,
    District,
    Group,
    GroupMembership,
    Priority,
)


def can_view_partnership(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)


def can_edit_partnership(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def can_manage_people(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def can_view_structure(user: User, obj: object) -> bool:
    """Any part of the structure (an area, agency, group, priority...)."""
    return can_view_partnership(user)


def can_edit_structure(user: User, obj: object) -> bool:
    return can_edit_partnership(user)


def can_disable_agency(user: User, agency: Agency) -> bool:
    return can_edit_partnership(user) and agency.is_active


def can_view_person(user: User, person: User) -> bool:
    return can_manage_people(user)


def can_edit_person(user: User, person: User) -> bool:
    return can_manage_people(user)


def can_deactivate_person(user: User, person: User) -> bool:
    """Administrators deactivate leavers (never themselves); a deactivated person stays."""
    return can_manage_people(user) and person.is_active and person.pk != user.pk


def can_view_role_grant(user: User, grant: RoleAssignment) -> bool:
    return can_manage_people(user)


def can_revoke_role_grant(user: User, grant: RoleAssignment) -> bool:
    return can_manage_people(user)


get_area_for_user_or_404 = fetcher(
    Area.objects.select_related("partnership"),
    can_view=can_view_structure,
    can_edit=can_edit_structure,
)


def get_district_for_user_or_404(
    user: User, pk: int, *, area_pk: int, write: bool = False
) -> District:
    """A district of the area `area_pk` (404 when it belongs to another area)."""
    return fetch_for_user_or_404(
        user,
        District.objects.select_related("area").filter(area_id=area_pk),
        pk,
        can_view=can_view_structure,
        can_edit=can_edit_structure,
        write=write,
    )


get_agency_for_user_or_404 = fetcher(
    Agency.objects.select_related("area", "parent"),
    can_view=can_view_structure,
    can_edit=can_edit_structure,
)


get_group_for_user_or_404 = fetcher(
    Group.objects.select_related("parent", "chair"),
    can_view=can_view_structure,
    can_edit=can_edit_structure,
)


def get_membership_for_user_or_404(
    user: User, pk: int, *, group_pk: int, write: bool = False
) -> GroupMembership:
    """A seat on the group `group_pk` (404 when it is on another group)."""
    return fetch_for_user_or_404(
        user,
        GroupMembership.objects.select_related("group", "person", "agency").filter(
            group_id=group_pk
        ),
        pk,
        can_view=can_view_structure,
        can_edit=can_edit_structure,
        write=write,
    )


get_priority_for_user_or_404 = fetcher(
    Priority.objects.select_related("lead_group"),
    can_view=can_view_structure,
    can_edit=can_edit_structure,
)


get_person_for_user_or_404 = fetcher(
    User.objects.all(), can_view=can_view_person, can_edit=can_edit_person
)


def get_role_grant_for_user_or_404(
    user: User, pk: int, *, person_pk: int, write: bool = False
) -> RoleAssignment:
    """A role held by the person `person_pk` (404 when someone else holds it)."""
    return fetch_for_user_or_404(
        user,
        RoleAssignment.objects.select_related("user", "agency").filter(user_id=person_pk),
        pk,
        can_view=can_view_role_grant,
        can_edit=can_revoke_role_grant,
        write=write,
    )
