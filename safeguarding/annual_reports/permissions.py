"""Who may read, write and sign off the annual report.

* Read: anyone holding a role (the report is de-identified and published by the partnership;
  sections never contain case-level or identifying data). People with no role get 404.
* Write (editions, sections, the workflow, publication, follow-up): partnership staff
  (partnership administrators and business unit officers). Read-only roles get 403.
* Sign-off: the safeguarding lead of a statutory partner agency, for that agency
  (rules.sign_off_agencies_for), and partnership staff recording a partner's sign-off; the
  service then checks governance's seat holder on the day (rules.sign_off_appointment).
  Everyone else who can read gets 403.
* Partners' contributions: the safeguarding lead of the agency asked writes and submits it
  (rules.can_write_contribution); partnership staff request, accept and return them.
* A published version is public: no permission is needed to read it (published_reports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.annual_reports.models import (
    ContextFigure,
    EditionSection,
    PartnerContribution,
    ReportEdition,
    ScrutineerPart,
)
from safeguarding.annual_reports.rules import can_write_contribution, sign_off_agencies_for
from safeguarding.core.permissions import fetcher, write_fetcher

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_annual_report(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)


def can_manage_annual_report(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def can_view_edition(user: User, edition: ReportEdition) -> bool:
    return can_view_annual_report(user)


def can_edit_edition(user: User, edition: ReportEdition) -> bool:
    return can_manage_annual_report(user)


def can_sign_off_edition(user: User, edition: ReportEdition) -> bool:
    """Agency safeguarding leads of a lead partner sign for themselves; partnership staff record
    a sign-off a lead partner gave (rules.py checks the seat holder on the day)."""
    return can_manage_annual_report(user) or sign_off_agencies_for(user).exists()


def can_view_section(user: User, section: EditionSection) -> bool:
    return can_view_edition(user, section.edition)


def can_edit_section(user: User, section: EditionSection) -> bool:
    return can_edit_edition(user, section.edition)


get_edition_for_user_or_404 = fetcher(
    ReportEdition.objects.all(), can_view=can_view_edition, can_edit=can_edit_edition
)


get_edition_for_signer_or_404 = write_fetcher(
    ReportEdition.objects.all(), can_view=can_view_edition, can_edit=can_sign_off_edition
)


get_section_for_user_or_404 = fetcher(
    EditionSection.objects.select_related("edition"),
    can_view=can_view_section,
    can_edit=can_edit_section,
)


def can_view_context_figure(user: User, figure: ContextFigure) -> bool:
    return can_view_edition(user, figure.edition)


def can_edit_context_figure(user: User, figure: ContextFigure) -> bool:
    return can_edit_edition(user, figure.edition)


get_context_figure_for_user_or_404 = fetcher(
    ContextFigure.objects.select_related("edition", "area"),
    can_view=can_view_context_figure,
    can_edit=can_edit_context_figure,
)


def can_view_contribution(user: User, contribution: PartnerContribution) -> bool:
    return can_view_annual_report(user)


def can_edit_contribution(user: User, contribution: PartnerContribution) -> bool:
    return can_write_contribution(user, contribution)


def can_review_contribution(user: User, contribution: PartnerContribution) -> bool:
    return can_manage_annual_report(user)


# write=True: the author (the safeguarding lead of the agency asked).
get_contribution_for_user_or_404 = fetcher(
    PartnerContribution.objects.select_related("edition", "agency", "section"),
    can_view=can_view_contribution,
    can_edit=can_edit_contribution,
)


# For accepting or returning: partnership staff.
get_contribution_for_reviewer_or_404 = write_fetcher(
    PartnerContribution.objects.select_related("edition", "agency", "section"),
    can_view=can_view_contribution,
    can_edit=can_review_contribution,
)


def can_view_scrutineer_part(user: User, part: ScrutineerPart) -> bool:
    return can_view_edition(user, part.edition)


def can_edit_scrutineer_part(user: User, part: ScrutineerPart) -> bool:
    return can_edit_edition(user, part.edition)


get_scrutineer_part_for_user_or_404 = fetcher(
    ScrutineerPart.objects.select_related("edition"),
    can_view=can_view_scrutineer_part,
    can_edit=can_edit_scrutineer_part,
)
