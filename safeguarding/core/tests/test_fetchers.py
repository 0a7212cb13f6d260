"""core.permissions: the declared fetch helpers (fetcher, write_fetcher, read_fetcher)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding.core.permissions import fetcher, read_fetcher, write_fetcher
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

pytestmark = pytest.mark.django_db


def _staff(user: User, agency: Agency) -> bool:
    return user.is_partnership_staff


def _anyone_with_a_role(user: User, agency: Agency) -> bool:
    return bool(user.roles)


get_agency = fetcher(Agency.objects.all(), can_view=_anyone_with_a_role, can_edit=_staff)
get_agency_lazily = fetcher(
    lambda: Agency.objects.filter(name__startswith="Kept"),
    can_view=_anyone_with_a_role,
    can_edit=_staff,
)
sign_agency = write_fetcher(Agency.objects.all(), can_view=_anyone_with_a_role, can_edit=_staff)
read_agency = read_fetcher(Agency.objects.all(), can_view=_anyone_with_a_role)


def test_fetcher_returns_record_for_reading_and_writing(owner: User) -> None:
    agency = AgencyFactory.create()

    assert get_agency(owner, agency.pk) == agency
    assert get_agency(owner, agency.pk, write=True) == agency


def test_fetcher_gives_404_to_outsider_and_for_missing_or_malformed_id(
    owner: User, outsider: User
) -> None:
    agency = AgencyFactory.create()

    with pytest.raises(Http404):
        get_agency(outsider, agency.pk)
    with pytest.raises(Http404):
        get_agency(owner, 999_999)
    with pytest.raises(Http404):
        get_agency(owner, "x")  # type: ignore[arg-type]


def test_fetcher_gives_403_to_read_only_member_on_write(member_readonly: User) -> None:
    agency = AgencyFactory.create()

    assert get_agency(member_readonly, agency.pk) == agency
    with pytest.raises(PermissionDenied):
        get_agency(member_readonly, agency.pk, write=True)


def test_fetcher_from_callable_finds_only_what_it_returns(owner: User) -> None:
    kept = AgencyFactory.create(name="Kept agency")
    other = AgencyFactory.create(name="Other agency")

    assert get_agency_lazily(owner, kept.pk) == kept
    with pytest.raises(Http404):
        get_agency_lazily(owner, other.pk)


def test_write_fetcher_is_always_a_write(owner: User, member_readonly: User) -> None:
    agency = AgencyFactory.create()

    assert sign_agency(owner, agency.pk) == agency
    with pytest.raises(PermissionDenied):
        sign_agency(member_readonly, agency.pk)


def test_read_fetcher_never_writes(member_readonly: User, outsider: User) -> None:
    agency = AgencyFactory.create()

    assert read_agency(member_readonly, agency.pk) == agency
    with pytest.raises(Http404):
        read_agency(outsider, agency.pk)
