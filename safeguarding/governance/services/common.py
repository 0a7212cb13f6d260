"""What the governance services share: recording a value that is kept once per key (an
agency's contribution for a year, a budget line, a priority's plan), or correcting it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Model

from safeguarding.activity_log.services import tracked_create, tracked_update

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

M = TypeVar("M", bound=Model)


def _record_or_correct(
    *, actor: User | None, model: type[M], key: dict[str, Any], values: dict[str, Any], verb: str
) -> M:
    """Create the row for `key` with `values`, or, when there is one, lock it and change its
    `values`; either way recorded under `verb`. Call it inside the service's transaction."""
    existing = model._default_manager.select_for_update(of=("self",)).filter(**key).first()
    if existing is None:
        return tracked_create(actor=actor, model=model, data={**key, **values}, verb=verb)
    tracked_update(actor=actor, obj=existing, data=values, verb=verb)
    return existing
