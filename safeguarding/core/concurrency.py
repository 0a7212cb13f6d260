"""Optimistic locking: a second editor never silently overwrites the first.

Every editable record has `version` (core.models.BaseModel). Edit forms carry the version the
editor started from (core.forms.VersionField). The service calls `check_version()` after locking
the row; if someone else saved in between, it raises EditConflictError, which lists each field the
other person changed with its current value, so the page can show what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    current: str
    yours: str


class EditConflictError(ValidationError):
    def __init__(self, changes: list[FieldChange]) -> None:
        self.changes = changes
        details = "; ".join(f"{c.label} is now “{c.current}”" for c in changes)
        message = (
            "Someone else saved this record while you were editing it. Your changes have not "
            "been saved. Check their changes and submit again."
        )
        if details:
            message += f" What changed: {details}."
        super().__init__(message, code="edit_conflict")


def _display(obj: Model, name: str, value: Any) -> str:
    from safeguarding.core.fields import EncryptedTextField

    field = obj._meta.get_field(name)
    if isinstance(field, EncryptedTextField):
        return "(changed: not shown here)"  # identifying detail: never in a message
    choices = getattr(field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if value is None:
        return ""
    return str(value)


def check_version(obj: Model, expected_version: int | None, proposed: dict[str, Any]) -> None:
    """Raise EditConflictError when obj.version moved on from expected_version.

    `obj` must have been re-read under select_for_update(). `proposed` maps field names to
    the values the second editor submitted: the conflict lists fields whose stored value
    differs from what they submitted.
    """
    if expected_version is None or expected_version == obj.version:  # type: ignore[attr-defined]
        return
    changes = []
    for name, yours in proposed.items():
        current = getattr(obj, name)
        if hasattr(current, "pk"):
            current_cmp, yours_cmp = current.pk, getattr(yours, "pk", yours)
        else:
            current_cmp, yours_cmp = current, yours
        if current_cmp != yours_cmp:
            label = str(getattr(obj._meta.get_field(name), "verbose_name", name)).capitalize()
            changes.append(
                FieldChange(
                    field=name,
                    label=label,
                    current=_display(obj, name, current),
                    yours=_display(obj, name, yours),
                )
            )
    raise EditConflictError(changes)


def bump_version(obj: Model) -> list[str]:
    """Increment the version before save; returns the field name to add to update_fields.

    Every service that saves a versioned record outside tracked_update calls this:
    `record.save(update_fields=["status", *bump_version(record)])`."""
    obj.version += 1  # type: ignore[attr-defined]
    return ["version"]
