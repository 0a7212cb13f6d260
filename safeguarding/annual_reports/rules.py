"""Who may sign the report off for a lead safeguarding partner, and who writes a partner's
contribution (shared by permissions, services and forms).

A sign-off is recorded for one statutory partner agency (partnership.Agency with a lead partner
`statutory_role`: local authority, police or health) by a person who holds the agency
safeguarding lead role (accounts Role.AGENCY_LEAD) for that agency. When the governance app's
dated lead-partner appointments land, this rule will also require that the person holds the
partner's appointment on the day they sign (see docs/modules/annual_reports.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from safeguarding.annual_reports.models import LEAD_PARTNER_ROLES, PartnerContribution
from safeguarding.partnership.models import Agency

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

LEAD_ROLE_CODES = tuple(code for code, _label in LEAD_PARTNER_ROLES)


def sign_off_agencies_for(user: User) -> QuerySet[Agency]:
    """The statutory partner agencies `user` may sign the report off for."""
    if not user.is_authenticated or not user.lead_agency_ids:
        return Agency.objects.none()
    return Agency.objects.active().filter(
        statutory_partner=True,
        statutory_role__in=LEAD_ROLE_CODES,
        pk__in=user.lead_agency_ids,
    )


def can_write_contribution(user: User, contribution: PartnerContribution) -> bool:
    """The safeguarding lead of the agency asked for a contribution writes it."""
    return user.is_authenticated and contribution.agency_id in user.lead_agency_ids
