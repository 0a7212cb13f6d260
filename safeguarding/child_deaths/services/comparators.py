"""National comparators: national figures entered by hand with their source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from safeguarding.activity_log.services import (
    tracked_create,
    tracked_update,
)
from safeguarding.child_deaths import verbs
from safeguarding.child_deaths.models import (
    NationalComparator,
)
from safeguarding.core.years import year_label_checked

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# --- national comparators ------------------------------------------------------------


@transaction.atomic
def comparator_save(
    *, actor: User | None, reporting_year: str, measure: str, percent: int, source: str
) -> NationalComparator:
    """Enter (or correct) a national figure with its source."""
    reporting_year = year_label_checked(reporting_year, field="reporting_year")
    if not source.strip():
        raise ValidationError({"source": "Enter where the national figure comes from."})
    if percent > 100:
        raise ValidationError({"percent": "A percentage cannot be more than 100."})
    existing = NationalComparator.objects.filter(
        Q(reporting_year=reporting_year) & Q(measure=measure)
    ).first()
    data = {"percent": percent, "source": source.strip()}
    if existing is not None:
        tracked_update(
            actor=actor, obj=existing, data=data, verb=verbs.NATIONAL_COMPARATOR_CHANGED
        )
        return existing
    return tracked_create(
        actor=actor,
        model=NationalComparator,
        data={"reporting_year": reporting_year, "measure": measure, **data},
        verb=verbs.NATIONAL_COMPARATOR_ENTERED,
    )
