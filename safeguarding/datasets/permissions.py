"""Who may see and change safeguarding data.

* Anyone holding a role may see the figures: suppressed (small numbers shown as `c`) unless
  they may see exact figures.
* Exact figures: partnership administrators, business unit officers and data analysts.
* Imports and populations: partnership staff for every area; a data analyst for the areas of the
  agencies they are an analyst for (an agency covering the whole partnership covers every area).
* A year's figures are seen by everyone else only once every area in use has figures in use
  for it (people who may see exact figures see incomplete years too, to check them).
* An import is put in use (or withdrawn) by whoever may import for its area; with a second
  approval required, the approver is a different person from the one who checked it.
* Read-only roles change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import Role
from safeguarding.core.permissions import fetcher
from safeguarding.datasets.models import ImportBatch, Population
from safeguarding.partnership.models import Agency, Area

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from safeguarding.accounts.models import User


def can_view_figures(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)


def can_see_exact_figures(user: User) -> bool:
    return user.is_authenticated and (
        user.is_partnership_staff or user.has_role(Role.DATA_ANALYST)
    )


def can_see_incomplete_years(user: User | None) -> bool:
    return user is not None and can_see_exact_figures(user)


def importable_areas(user: User) -> QuerySet[Area]:
    if not user.is_authenticated or user.is_read_only:
        return Area.objects.none()
    if user.is_partnership_staff:
        return Area.objects.active()
    agency_ids = user.agency_ids_for(Role.DATA_ANALYST)
    if not agency_ids:
        return Area.objects.none()
    if Agency.objects.filter(pk__in=agency_ids, area__isnull=True).exists():
        return Area.objects.active()
    return Area.objects.active().filter(agencies__in=agency_ids).distinct()


def can_import(user: User, area: Area | None = None) -> bool:
    areas = importable_areas(user)
    return areas.filter(pk=area.pk).exists() if area is not None else areas.exists()


def can_view_import_batch(user: User, batch: ImportBatch) -> bool:
    """An import is seen (and decided on) by whoever may import for its area."""
    return can_import(user, batch.area)


def can_approve_import_batch(user: User, batch: ImportBatch) -> bool:
    """The second person's approval: someone who may import for the area and did not check
    the import themselves."""
    return user.pk != batch.checked_by_id and can_import(user, batch.area)


def can_change_population(user: User, population: Population) -> bool:
    return can_import(user, population.area)


def can_view_area_figures(user: User, area: Area) -> bool:
    return can_view_figures(user)


get_import_batch_for_user_or_404 = fetcher(
    ImportBatch.objects.select_related("area", "uploaded_by", "replaces"),
    can_view=can_view_import_batch,
    can_edit=can_view_import_batch,
)


get_population_for_user_or_404 = fetcher(
    Population.objects.select_related("area"),
    can_view=can_change_population,
    can_edit=can_change_population,
)


# An area in use (the figures' tables have a column only for those; an area no longer in
# use has no page of figures, so its address is not found).
get_area_for_user_or_404 = fetcher(
    Area.objects.active(), can_view=can_view_area_figures, can_edit=can_import
)


def can_manage_comparators(user: User) -> bool:
    """England's, regions' and neighbours' published figures: whoever may import for an area."""
    return can_import(user)
