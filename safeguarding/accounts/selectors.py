"""Reads about people and their roles."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.accounts.roles import Role


def role_grant_list_for_user(*, user: User) -> QuerySet[RoleAssignment]:
    """The roles the user holds, with their agencies."""
    return user.role_grants.select_related("agency").order_by("role")


def agency_lead_list(*, agency_id: int) -> list[User]:
    """The agency's safeguarding leads whose accounts are open, by e-mail address."""
    return list(
        User.objects.filter(
            is_active=True,
            role_grants__role=Role.AGENCY_LEAD,
            role_grants__agency_id=agency_id,
        )
        .distinct()
        .order_by("email")
    )


def agency_lead_emails(*, agency_id: int | None = None) -> list[str]:
    """The e-mail addresses of the safeguarding leads whose accounts are open: of one agency,
    or of every agency when none is named; each address once, in order."""
    grants = RoleAssignment.objects.filter(role=Role.AGENCY_LEAD, user__is_active=True)
    if agency_id is not None:
        grants = grants.filter(agency_id=agency_id)
    return sorted(set(grants.values_list("user__email", flat=True)))


def person_or_agency_leads(*, person: User | None, agency_id: int) -> list[User]:
    """Who is told about an agency's work: the named person when there is one (and their
    account is open); otherwise the agency's safeguarding leads."""
    if person is not None and person.is_active:
        return [person]
    return agency_lead_list(agency_id=agency_id)
