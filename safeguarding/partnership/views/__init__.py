"""Pages for the partnership's structure, one module per part of it: areas (and the
partnership's own details), agencies, groups, priorities and people.

The URLconf names each view as `views.<name>`, so every view is re-exported here.
"""

from __future__ import annotations

from safeguarding.partnership.views.agencies import (
    agency_create,
    agency_detail,
    agency_disable,
    agency_list,
    agency_rename,
    agency_update,
)
from safeguarding.partnership.views.areas import (
    area_create,
    area_detail,
    area_list,
    area_update,
    district_create,
    district_update,
    overview,
    partnership_update,
)
from safeguarding.partnership.views.groups import (
    governance,
    group_create,
    group_detail,
    group_list,
    group_membership_add,
    group_membership_end,
    group_update,
)
from safeguarding.partnership.views.people import (
    person_deactivate,
    person_detail,
    person_list,
    role_revoke,
)
from safeguarding.partnership.views.priorities import (
    priority_create,
    priority_detail,
    priority_list,
    priority_update,
)

__all__ = [
    "agency_create",
    "agency_detail",
    "agency_disable",
    "agency_list",
    "agency_rename",
    "agency_update",
    "area_create",
    "area_detail",
    "area_list",
    "area_update",
    "district_create",
    "district_update",
    "governance",
    "group_create",
    "group_detail",
    "group_list",
    "group_membership_add",
    "group_membership_end",
    "group_update",
    "overview",
    "partnership_update",
    "person_deactivate",
    "person_detail",
    "person_list",
    "priority_create",
    "priority_detail",
    "priority_list",
    "priority_update",
    "role_revoke",
]
