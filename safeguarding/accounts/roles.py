"""The roles people hold on the platform: the one place that says what each may see and do.

docs/roles.md carries a copy of this table, kept in step by accounts/tests/test_roles_doc.py.

| Role | Scope | May see | May do |
|---|---|---|---|
| Partnership administrator | whole partnership | everything a business unit officer sees, plus the activity log and failed background jobs; child death case records only with a CDOP role | manage people, roles, agencies, groups, priorities, themes; everything a business unit officer can do |
| Business unit officer | whole partnership | case reviews, action plans, audits, training, data and reports | run reviews, training, audits and the annual report; manage the partnership structure |
| CDOP manager | whole partnership | all child death records | run the child death overview panel's case work |
| CDOP panel member | their meetings | child death cases on the agendas of their meetings | record panel review decisions |
| Case review panel member | whole partnership | case-level case review records | contribute to rapid reviews and practice reviews |
| Agency safeguarding lead | their agency | their agency's requests, returns, actions and staff training | submit returns, update their agency's actions, manage their staff's training |
| Practitioner | their agency | published learning, training, their own bookings and certificates | book training, complete briefings, answer surveys |
| Data analyst | their agency (a local authority) | exact safeguarding figures for every area and year (everyone else with a role sees them with small numbers suppressed) | upload data returns for their agency's area |
| Independent scrutineer | whole partnership, read-only | de-identified summaries, dashboards, reports, figures | nothing: read-only |
| Board member | whole partnership, read-only | de-identified summaries, dashboards, reports, figures | nothing: read-only |

A person may hold several roles. Agency-scoped roles are granted for one agency at a time and
may be granted for several agencies.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    PARTNERSHIP_ADMIN = "partnership_admin", "Partnership administrator"
    BUSINESS_UNIT = "business_unit", "Business unit officer"
    CDOP_MANAGER = "cdop_manager", "CDOP manager"
    CDOP_PANEL = "cdop_panel", "CDOP panel member"
    CASE_REVIEW_PANEL = "case_review_panel", "Case review panel member"
    AGENCY_LEAD = "agency_lead", "Agency safeguarding lead"
    PRACTITIONER = "practitioner", "Practitioner"
    DATA_ANALYST = "data_analyst", "Data analyst"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    BOARD_MEMBER = "board_member", "Board member"


# Roles granted for a particular agency (the grant carries the agency).
AGENCY_SCOPED_ROLES = frozenset({Role.AGENCY_LEAD, Role.PRACTITIONER, Role.DATA_ANALYST})

# Roles that run the partnership's business (manage structure, reviews, training, reports).
STAFF_ROLES = frozenset({Role.PARTNERSHIP_ADMIN, Role.BUSINESS_UNIT})

# Roles that only read: never allowed to write anything.
READ_ONLY_ROLES = frozenset({Role.SCRUTINEER, Role.BOARD_MEMBER})

# Roles that can see case-level or personal data: MFA is enforced for them in production and
# their sessions time out after IDLE_TIMEOUT_STAFF seconds of inactivity.
SENSITIVE_ROLES = frozenset(
    {
        Role.PARTNERSHIP_ADMIN,
        Role.BUSINESS_UNIT,
        Role.CDOP_MANAGER,
        Role.CDOP_PANEL,
        Role.CASE_REVIEW_PANEL,
        Role.AGENCY_LEAD,
        Role.DATA_ANALYST,
    }
)
