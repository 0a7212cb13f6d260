"""The activity-log verbs the partnership's services record (`<entity>.<past participle>`)."""

from __future__ import annotations

PARTNERSHIP_CREATED = "partnership.created"
PARTNERSHIP_UPDATED = "partnership.updated"

AREA_CREATED = "area.created"
AREA_UPDATED = "area.updated"
DISTRICT_CREATED = "district.created"
DISTRICT_UPDATED = "district.updated"

AGENCY_CREATED = "agency.created"
AGENCY_UPDATED = "agency.updated"
AGENCY_RENAMED = "agency.renamed"
AGENCY_DISABLED = "agency.disabled"

GROUP_CREATED = "group.created"
GROUP_UPDATED = "group.updated"
GROUP_MEMBERSHIP_ADDED = "group_membership.added"
GROUP_MEMBERSHIP_ENDED = "group_membership.ended"

PRIORITY_CREATED = "priority.created"
PRIORITY_UPDATED = "priority.updated"

ROLE_GRANTED = "role.granted"
ROLE_REVOKED = "role.revoked"
ACCOUNT_REGISTERED = "account.registered"
PERSON_DEACTIVATED = "person.deactivated"
