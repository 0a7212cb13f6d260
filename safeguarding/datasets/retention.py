"""Safeguarding data's retention policy: return records are kept while their figures are
published (RETENTION_DATA_RETURN_YEARS is None)."""

from __future__ import annotations

from safeguarding.datasets.models import ImportBatch
from safeguarding.retention.registry import Action, Policy, register_policy

DATA_RETURN_RECORDS = Policy(
    key="datasets.return_records",
    label="Data return records",
    setting="RETENTION_DATA_RETURN_YEARS",
    default="Kept while their figures are published",
    reason=(
        "The yearly figures on the website and in the annual reports are computed from these "
        "rows, which are already minimised (a keyed hash, a birth month, dates): removing "
        "them would change published figures. A superseded import may be deleted by hand."
    ),
    action=Action.KEEP,
    hold_models=(ImportBatch,),
)


def register() -> None:
    register_policy(DATA_RETURN_RECORDS)
