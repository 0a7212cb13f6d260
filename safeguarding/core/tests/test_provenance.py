"""core.provenance.scoped_to and core.dates.format_date: how the figure lists are scoped and
how their dates are written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pytest
from django.db.models import QuerySet

from safeguarding.core.dates import format_date
from safeguarding.core.provenance import scoped_to
from safeguarding.partnership.models import Agency, Area
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _areas_named(seen: list[dict[str, Any]]) -> Callable[..., QuerySet[Area]]:
    """A stand-in for a selectors.<entity>_list_for_user: the areas whose name starts with
    `prefix` (by default "Seen"), noting how it was called."""

    def area_list_for_user(*, user: User, prefix: str = "Seen") -> QuerySet[Area]:
        seen.append({"user": user, "prefix": prefix})
        return Area.objects.filter(name__startswith=prefix)

    return area_list_for_user


@pytest.mark.django_db
def test_scoped_to_keeps_the_records_the_modules_list_shows_the_viewer(owner: User) -> None:
    seen_area = AreaFactory.create(name="Seen")
    AreaFactory.create(name="Hidden")
    calls: list[dict[str, Any]] = []

    scope = scoped_to(_areas_named(calls))

    assert list(scope(owner, Area.objects.order_by("pk"))) == [seen_area]
    assert calls == [{"user": owner, "prefix": "Seen"}]


@pytest.mark.django_db
def test_scoped_to_follows_a_foreign_key_and_passes_options(owner: User) -> None:
    kept_area, other_area = AreaFactory.create(name="Kept"), AreaFactory.create(name="Seen")
    kept = AgencyFactory.create(area=kept_area)
    AgencyFactory.create(area=other_area)
    AgencyFactory.create(area=None)
    calls: list[dict[str, Any]] = []

    scope = scoped_to(_areas_named(calls), field="area_id", prefix="Kept")

    assert list(scope(owner, Agency.objects.order_by("pk"))) == [kept]
    assert calls == [{"user": owner, "prefix": "Kept"}]


def test_format_date_writes_a_day_without_a_leading_zero() -> None:
    assert format_date(date(2026, 3, 5)) == "5 March 2026"
    assert format_date(None) == ""


def test_format_date_shows_a_moment_as_its_europe_london_date() -> None:
    late_on_a_summer_evening = datetime(2025, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 BST
    winter_evening = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # GMT: still the 31st

    assert format_date(late_on_a_summer_evening) == "1 July 2025"
    assert format_date(winter_evening) == "31 December 2025"
