"""Every write to the partnership structure, each recorded in the activity log."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.accounts.roles import AGENCY_SCOPED_ROLES, Role
from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.dates import format_date, require_not_future
from safeguarding.partnership import verbs
from safeguarding.partnership.models import (
    Agency,
    AgencyName,
    Area,
    District,
    Group,
    GroupMembership,
    Partnership,
    Priority,
)

# --- areas ---------------------------------------------------------------------------


def area_create(*, actor: User | None, **data: Any) -> Area:
    return tracked_create(actor=actor, model=Area, data=data, verb=verbs.AREA_CREATED)


def area_update(
    *, actor: User | None, area: Area, expected_version: int | None, **data: Any
) -> Area:
    tracked_update(
        actor=actor,
        obj=area,
        data=data,
        verb=verbs.AREA_UPDATED,
        expected_version=expected_version,
    )
    return area


def district_create(*, actor: User | None, area: Area, name: str, ons_code: str) -> District:
    return tracked_create(
        actor=actor,
        model=District,
        data={"area": area, "name": name, "ons_code": ons_code},
        verb=verbs.DISTRICT_CREATED,
    )


def district_update(
    *, actor: User | None, district: District, expected_version: int | None, **data: Any
) -> District:
    tracked_update(
        actor=actor,
        obj=district,
        data=data,
        verb=verbs.DISTRICT_UPDATED,
        expected_version=expected_version,
    )
    return district


# --- agencies ------------------------------------------------------------------------


@transaction.atomic
def agency_create(*, actor: User | None, name_since: date | None = None, **data: Any) -> Agency:
    agency = tracked_create(actor=actor, model=Agency, data=data, verb=verbs.AGENCY_CREATED)
    AgencyName.objects.create(
        agency=agency, name=agency.name, valid_from=name_since or timezone.localdate()
    )
    return agency


@transaction.atomic
def agency_update(
    *, actor: User | None, agency: Agency, expected_version: int | None, **data: Any
) -> Agency:
    """Edit an agency's details. A change of name goes through agency_rename (it keeps the
    history), so `name` is not accepted here."""
    if "name" in data:
        raise ValidationError("Use 'Rename' to change an agency's name, so its history is kept.")
    tracked_update(
        actor=actor,
        obj=agency,
        data=data,
        verb=verbs.AGENCY_UPDATED,
        expected_version=expected_version,
    )
    return agency


@transaction.atomic
def agency_rename(
    *,
    actor: User | None,
    agency: Agency,
    new_name: str,
    effective: date,
    expected_version: int | None,
) -> Agency:
    """Give the agency a new name from `effective`; the old name stays in its history."""
    new_name = new_name.strip()
    if not new_name:
        raise ValidationError({"new_name": "Enter the new name."})
    if new_name == agency.name:
        raise ValidationError({"new_name": "The new name is the same as the current name."})
    current = agency.names.filter(valid_to__isnull=True).order_by("-valid_from").first()
    if current and effective <= current.valid_from:
        raise ValidationError(
            {
                "effective": f"The new name must start after {format_date(current.valid_from)}, "
                "when the current name started."
            }
        )
    tracked_update(
        actor=actor,
        obj=agency,
        data={"name": new_name},
        verb=verbs.AGENCY_RENAMED,
        expected_version=expected_version,
    )
    if current:
        current.valid_to = effective - timedelta(days=1)
        current.save(update_fields=["valid_to"])
    AgencyName.objects.create(agency=agency, name=new_name, valid_from=effective)
    return agency


@transaction.atomic
def agency_disable(
    *, actor: User | None, agency: Agency, disabled_on: date, expected_version: int | None
) -> Agency:
    """Take an agency off the lists offered for new records (it is never deleted: records that
    name it keep it). Its services stay as they are: disable each one that also stopped."""
    if not agency.is_active:
        raise ValidationError(
            f"{agency.name} was already disabled on {format_date(agency.disabled_on)}."
        )
    require_not_future(disabled_on, field="disabled_on")
    tracked_update(
        actor=actor,
        obj=agency,
        data={"disabled_on": disabled_on},
        verb=verbs.AGENCY_DISABLED,
        expected_version=expected_version,
    )
    return agency


# --- groups --------------------------------------------------------------------------


def _check_parent(group: Group | None, parent: Group | None) -> None:
    node = parent
    while node is not None:
        if group is not None and node.pk == group.pk:
            raise ValidationError({"parent": "A group cannot sit below itself."})
        node = node.parent


def group_create(*, actor: User | None, **data: Any) -> Group:
    _check_parent(None, data.get("parent"))
    return tracked_create(actor=actor, model=Group, data=data, verb=verbs.GROUP_CREATED)


def group_update(
    *, actor: User | None, group: Group, expected_version: int | None, **data: Any
) -> Group:
    if "parent" in data:
        _check_parent(group, data["parent"])
    tracked_update(
        actor=actor,
        obj=group,
        data=data,
        verb=verbs.GROUP_UPDATED,
        expected_version=expected_version,
    )
    return group


def group_membership_add(*, actor: User | None, group: Group, **data: Any) -> GroupMembership:
    return tracked_create(
        actor=actor,
        model=GroupMembership,
        data={"group": group, **data},
        verb=verbs.GROUP_MEMBERSHIP_ADDED,
    )


@transaction.atomic
def group_membership_end(
    *, actor: User | None, membership: GroupMembership, ended_on: date
) -> GroupMembership:
    tracked_update(
        actor=actor, obj=membership, data={"ended_on": ended_on}, verb=verbs.GROUP_MEMBERSHIP_ENDED
    )
    return membership


# --- priorities ----------------------------------------------------------------------


def priority_create(*, actor: User | None, **data: Any) -> Priority:
    return tracked_create(actor=actor, model=Priority, data=data, verb=verbs.PRIORITY_CREATED)


def priority_update(
    *, actor: User | None, priority: Priority, expected_version: int | None, **data: Any
) -> Priority:
    tracked_update(
        actor=actor,
        obj=priority,
        data=data,
        verb=verbs.PRIORITY_UPDATED,
        expected_version=expected_version,
    )
    return priority


# --- partnership and people ----------------------------------------------------------


def partnership_create(*, actor: User | None, **data: Any) -> Partnership:
    partnership = Partnership(**data)
    partnership.full_clean()
    partnership.save()
    event_record(actor=actor, verb=verbs.PARTNERSHIP_CREATED, target=partnership)
    return partnership


def partnership_update(
    *, actor: User | None, partnership: Partnership, expected_version: int | None, **data: Any
) -> Partnership:
    tracked_update(
        actor=actor,
        obj=partnership,
        data=data,
        verb=verbs.PARTNERSHIP_UPDATED,
        expected_version=expected_version,
    )
    return partnership


@transaction.atomic
def role_grant(
    *, actor: User | None, user: User, role: str, agency: Agency | None = None
) -> RoleAssignment:
    if role not in Role.values:
        raise ValidationError({"role": "Choose a role."})
    if role in AGENCY_SCOPED_ROLES and agency is None:
        raise ValidationError({"agency": "Choose the agency this role is for."})
    if role not in AGENCY_SCOPED_ROLES:
        agency = None
    if RoleAssignment.objects.filter(user=user, role=role, agency=agency).exists():
        raise ValidationError(f"{user.display_name} already has this role.")
    grant = RoleAssignment(user=user, role=role, agency=agency, granted_by=actor)
    grant.full_clean()
    grant.save()
    user.clear_role_cache()
    event_record(
        actor=actor,
        verb=verbs.ROLE_GRANTED,
        target=user,
        data={"role": role, "agency_id": agency.pk if agency else None},
    )
    return grant


@transaction.atomic
def role_revoke(*, actor: User, grant: RoleAssignment) -> None:
    user = grant.user
    data = {"role": grant.role, "agency_id": grant.agency_id}
    grant.delete()
    user.clear_role_cache()
    event_record(actor=actor, verb=verbs.ROLE_REVOKED, target=user, data=data)


@transaction.atomic
def practitioner_register(*, user: User, full_name: str, agency: Agency) -> User:
    """A practitioner's self-registration: their name and the agency they work for."""
    user.full_name = full_name.strip()
    user.save(update_fields=["full_name"])
    role_grant(actor=user, user=user, role=Role.PRACTITIONER, agency=agency)
    event_record(
        actor=user, verb=verbs.ACCOUNT_REGISTERED, target=user, data={"agency_id": agency.pk}
    )
    return user


@transaction.atomic
def person_deactivate(*, actor: User, person: User) -> User:
    if person.pk == actor.pk:
        raise ValidationError("You cannot deactivate your own account.")
    if not person.is_active:
        raise ValidationError(f"{person.display_name}'s account is already deactivated.")
    person.is_active = False
    person.save(update_fields=["is_active"])
    event_record(actor=actor, verb=verbs.PERSON_DEACTIVATED, target=person)
    return person
