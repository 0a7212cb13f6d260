"""actions: staff and the read-only roles see every plan and action; an agency's lead sees
their agency's actions (not another agency's); staff change details; staff and the owner
agency's lead record progress."""

from __future__ import annotations

from safeguarding.accounts.roles import Role
from safeguarding.core.tests.matrix.spec import (
    FORBIDDEN,
    GONE,
    NOT_FOUND,
    OK,
    READ_ONLY,
    STAFF,
    Case,
    action,
    expect,
    pk,
    read_page,
    same,
)

LEADS = {Role.AGENCY_LEAD.value}
SEE_ALL = STAFF | READ_ONLY
SEE_LISTS = expect(NOT_FOUND, (SEE_ALL | LEADS, OK))
SEE_A = expect(NOT_FOUND, (SEE_ALL | LEADS, OK))
SEE_B = expect(NOT_FOUND, (SEE_ALL, OK))
MANAGE_PLAN = expect(NOT_FOUND, (SEE_ALL | LEADS, FORBIDDEN), (STAFF, OK))
MANAGE_A = expect(NOT_FOUND, (SEE_ALL | LEADS, FORBIDDEN), (STAFF, OK))
MANAGE_B = expect(NOT_FOUND, (SEE_ALL, FORBIDDEN), (STAFF, OK))
PROGRESS_A = expect(NOT_FOUND, (SEE_ALL, FORBIDDEN), (STAFF | LEADS, OK))
PROGRESS_B = expect(NOT_FOUND, (SEE_ALL, FORBIDDEN), (STAFF, OK))


_a = pk("action_a")
_b = pk("action_b")
_plan = pk("plan")


ENTRIES: dict[str, tuple[Case, ...]] = {
    "actions:action_list": (read_page("no object", SEE_LISTS),),
    "actions:action_export": (read_page("no object", SEE_LISTS),),
    "actions:action_plan_list": (read_page("no object", SEE_LISTS),),
    "actions:action_plan_detail": (read_page("plan with A's action", SEE_A, _plan),),
    "actions:action_plan_review_record": (action("plan", MANAGE_PLAN, _plan),),
    "actions:action_create": (same("plan", MANAGE_PLAN, _plan),),
    "actions:action_detail": (
        read_page("agency A's action", SEE_A, _a),
        read_page("agency B's action", SEE_B, _b),
    ),
    "actions:action_update": (
        same("agency A's action", MANAGE_A, _a),
        same("agency B's action", MANAGE_B, _b),
    ),
    "actions:action_progress_add": (
        same("agency A's action", PROGRESS_A, _a),
        same("agency B's action", PROGRESS_B, _b),
    ),
    "actions:action_evidence_download": (
        # Updates without a file: nobody gets one, whoever may see the action.
        read_page("agency B's update (no file)", GONE, lambda w: {"pk": w.update_b.pk}),
    ),
}
