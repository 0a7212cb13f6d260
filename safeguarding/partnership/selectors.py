"""Reads of the partnership structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.partnership.models import (
    Agency,
    AgencyName,
    Area,
    Group,
    GroupMembership,
    Partnership,
    Priority,
)


def partnership_get() -> Partnership | None:
    return Partnership.objects.order_by("id").first()


def area_list(*, include_disabled: bool = False) -> QuerySet[Area]:
    areas = Area.objects.prefetch_related("districts")
    return areas if include_disabled else areas.active()


def agency_list(
    *, sector: str = "", area_id: int | None = None, include_disabled: bool = False
) -> QuerySet[Agency]:
    agencies = Agency.objects.select_related("area", "parent")
    if not include_disabled:
        agencies = agencies.active()
    if sector:
        agencies = agencies.filter(sector=sector)
    if area_id:
        agencies = agencies.filter(area_id=area_id)
    return agencies.order_by("name")


def agency_name_on(*, agency: Agency, day: date) -> str:
    """The name the agency had on `day` (its current name if no history covers that day)."""
    for name in agency.names.all():
        if name.valid_from <= day and (name.valid_to is None or day <= name.valid_to):
            return name.name
    return agency.name


def agency_names(*, agency: Agency) -> QuerySet[AgencyName]:
    return agency.names.order_by("valid_from")


def agency_service_list(*, agency: Agency) -> QuerySet[Agency]:
    """The services within an agency that are still in use."""
    return Agency.objects.active().filter(parent=agency).order_by("name")


def board_agency_list() -> QuerySet[Agency]:
    """Agencies represented on the Safeguarding Children Partnership Board (seed Appendix 1),
    in the Board's order, with their services."""
    return (
        Agency.objects.active()
        .filter(on_board=True, parent__isnull=True)
        .prefetch_related(
            Prefetch(
                "services",
                queryset=Agency.objects.active()
                .filter(on_board=True)
                .order_by("board_order", "name"),
            )
        )
        .order_by("board_order", "name")
    )


def statutory_partner_list() -> QuerySet[Agency]:
    return (
        Agency.objects.active().filter(statutory_partner=True).order_by("statutory_role", "name")
    )


def group_list(
    *, include_archived: bool = False, search: str = "", kind: str = ""
) -> QuerySet[Group]:
    groups = Group.objects.select_related("parent", "chair")
    if not include_archived:
        groups = groups.live()
    if search:
        groups = groups.filter(name__icontains=search)
    if kind:
        groups = groups.filter(kind=kind)
    return groups.order_by("display_order", "name")


def group_membership_list(*, group: Group) -> QuerySet[GroupMembership]:
    return group.memberships.select_related("person", "agency").order_by("role", "id")


def group_child_list(*, group: Group) -> QuerySet[Group]:
    """The groups reporting to `group` that are still in use."""
    return Group.objects.live().filter(parent=group)


@dataclass
class GroupNode:
    group: Group
    children: list[GroupNode] = field(default_factory=list)
    depth: int = 0


def group_tree() -> list[GroupNode]:
    """The governance structure as a forest (one query), children in display order."""
    groups = list(group_list())
    nodes = {g.pk: GroupNode(group=g) for g in groups}
    roots: list[GroupNode] = []
    for group in groups:
        node = nodes[group.pk]
        if group.parent_id and group.parent_id in nodes:
            nodes[group.parent_id].children.append(node)
        else:
            roots.append(node)

    def set_depth(node: GroupNode, depth: int) -> None:
        node.depth = depth
        for child in node.children:
            set_depth(child, depth + 1)

    for root in roots:
        set_depth(root, 0)
    return roots


def priority_list(*, on: date | None = None, search: str = "") -> QuerySet[Priority]:
    priorities = Priority.objects.select_related("lead_group")
    if on is not None:
        priorities = priorities.filter(period_start__lte=on, period_end__gte=on)
    if search:
        priorities = priorities.filter(title__icontains=search)
    return priorities.order_by("-period_start", "number")


def priority_list_overlapping(*, start: date, end: date) -> QuerySet[Priority]:
    return (
        Priority.objects.select_related("lead_group")
        .filter(period_start__lte=end, period_end__gte=start)
        .order_by("number")
    )


def person_list(*, search: str = "") -> QuerySet[User]:
    people = User.objects.prefetch_related(
        Prefetch("role_grants", queryset=RoleAssignment.objects.select_related("agency"))
    )
    if search:
        people = people.filter(Q(full_name__icontains=search) | Q(email__icontains=search))
    return people.order_by("full_name", "email")


def role_grant_list_for_person(*, person: User) -> QuerySet[RoleAssignment]:
    return person.role_grants.select_related("agency")
