"""An edit that also notices changes to encrypted fields.

activity_log.services.tracked_update decides whether anything changed from the logged snapshot,
in which encrypted fields are always the same redaction mark: an edit that changes only an
encrypted field (a corrected NHS number, new meeting papers) would not be saved. This helper
compares the real values, saves, and logs the changed fields, encrypted ones redacted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from safeguarding.activity_log.services import event_record, snapshot
from safeguarding.core.concurrency import check_version
from safeguarding.core.fields import EncryptedTextField

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _comparable(obj: models.Model, name: str, value: Any) -> Any:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        return getattr(value, "pk", value)
    return value


@transaction.atomic
def tracked_update_with_secrets(
    *,
    actor: User | None,
    obj: models.Model,
    data: dict[str, Any],
    verb: str,
    expected_version: int | None,
) -> list[str]:
    """Lock, refuse a stale edit (the conflict lists only non-encrypted fields), apply `data`,
    validate, save and log. Returns the names of the fields that changed."""
    model = type(obj)
    locked = model._default_manager.select_for_update().get(pk=obj.pk)
    secret = {
        name for name in data if isinstance(locked._meta.get_field(name), EncryptedTextField)
    }
    check_version(locked, expected_version, {k: v for k, v in data.items() if k not in secret})
    changed = [
        name
        for name, value in data.items()
        if _comparable(locked, name, getattr(locked, name)) != _comparable(locked, name, value)
    ]
    if changed:
        before = snapshot(locked, changed)
        for name in changed:
            setattr(locked, name, data[name])
        locked.full_clean()
        locked.version += 1  # type: ignore[attr-defined]
        locked.save()
        after = snapshot(locked, changed)
        event_record(
            actor=actor,
            verb=verb,
            target=locked,
            changes={k: {"before": before[k], "after": after[k]} for k in changed},
        )
    for name in [*data.keys(), "version", "updated_at"]:
        setattr(obj, name, getattr(locked, name))
    return changed
