"""Who may see and change safeguarding data.

* Anyone holding a role may see the figures: suppressed (small numbers shown as `c`) unless
  they may see exact figures.
* Exact figures: partnership administrators, business unit officers and data analysts.
* Imports and populations: partnership staff for every area; a data analyst for the areas of the
  agencies they are an analyst for (an agency covering the whole partnership covers every area).
* Read-only roles change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import Role
from safeguarding.core.permissions import fetch_for_user_or_404
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


def importable_areas(user: User) -> QuerySet[Area]:
    if not user.is_authenticated or user.is_read_only:
        return Area.objects.none()
    if user.is_partnership_staff:
        return Area.objects.filter(disabled_on__isnull=True)
    agency_ids = user.agency_ids_for(Role.DATA_ANALYST)
    if not agency_ids:
        return Area.objects.none()
    if Agency.objects.filter(pk__in=agency_ids, area__isnull=True).exists():
        return Area.objects.filter(disabled_on__isnull=True)
    return Area.objects.filter(disabled_on__isnull=True, agencies__in=agency_ids).distinct()


def can_import(user: User, area: Area | None = None) -> bool:
    areas = importable_areas(user)
    return areas.filter(pk=area.pk).exists() if area is not None else areas.exists()


def _view_batch(user: User, batch: ImportBatch) -> bool:
    return can_import(user, batch.area)


def get_import_batch_for_user_or_404(user: User, pk: int, *, write: bool = False) -> ImportBatch:
    return fetch_for_user_or_404(
        user,
        ImportBatch.objects.select_related("area", "uploaded_by", "replaces"),
        pk,
        can_view=_view_batch,
        can_edit=_view_batch,
        write=write,
    )


def get_population_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Population:
    return fetch_for_user_or_404(
        user,
        Population.objects.select_related("area"),
        pk,
        can_view=lambda u, p: can_import(u, p.area),
        can_edit=lambda u, p: can_import(u, p.area),
        write=write,
    )


def get_area_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Area:
    """An area in use (the figures' tables have a column only for those; an area no longer in
    use has no page of figures, so its address is not found)."""
    return fetch_for_user_or_404(
        user,
        Area.objects.filter(disabled_on__isnull=True),
        pk,
        can_view=lambda u, _a: can_view_figures(u),
        can_edit=lambda u, a: can_import(u, a),
        write=write,
    )
