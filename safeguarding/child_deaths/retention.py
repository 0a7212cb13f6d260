"""Child deaths' retention policy: kept (RETENTION_CHILD_DEATH_YEARS is None)."""

from __future__ import annotations

from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.retention.registry import Action, Policy, register_policy

CHILD_DEATH_FILES = Policy(
    key="child_deaths.files",
    label="Child death case files",
    setting="RETENTION_CHILD_DEATH_YEARS",
    default="Kept",
    reason=(
        "Child Death Review: Statutory and Operational Guidance (England) and the National "
        "Child Mortality Database expect the child death review partners to keep their "
        "records of each death; any end date is the partners' decision with their data "
        "protection officer. Archived, never deleted by the schedule."
    ),
    action=Action.KEEP,
    hold_models=(ChildDeathNotification,),
)


def register() -> None:
    register_policy(CHILD_DEATH_FILES)
