from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.learning import permissions
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_only_partnership_administrators_manage_themes(
    owner: User, officer: User, member_readonly: User, practitioner: User, outsider: User
) -> None:
    assert permissions.can_manage_themes(owner)
    assert not permissions.can_manage_themes(officer)
    assert not permissions.can_manage_themes(member_readonly)
    assert not permissions.can_manage_themes(practitioner)
    assert not permissions.can_manage_themes(outsider)


def test_anyone_with_a_role_may_view_themes(
    officer: User, member_readonly: User, practitioner: User, outsider: User
) -> None:
    assert permissions.can_view_themes(officer)
    assert permissions.can_view_themes(member_readonly)
    assert permissions.can_view_themes(practitioner)
    assert not permissions.can_view_themes(outsider)


def test_get_theme_gives_404_to_a_person_without_a_role(outsider: User) -> None:
    theme = ThemeFactory.create()

    with pytest.raises(Http404):
        permissions.get_theme_for_user_or_404(outsider, theme.pk)


def test_get_theme_for_writing_gives_403_to_everyone_but_administrators(
    officer: User, member_readonly: User
) -> None:
    theme = ThemeFactory.create()

    assert permissions.get_theme_for_user_or_404(officer, theme.pk) == theme
    with pytest.raises(PermissionDenied):
        permissions.get_theme_for_user_or_404(officer, theme.pk, write=True)
    with pytest.raises(PermissionDenied):
        permissions.get_theme_for_user_or_404(member_readonly, theme.pk, write=True)


def test_get_theme_for_writing_returns_theme_to_administrator(owner: User) -> None:
    theme = ThemeFactory.create()

    assert permissions.get_theme_for_user_or_404(owner, theme.pk, write=True) == theme


def test_get_theme_gives_404_for_missing_or_malformed_id(owner: User) -> None:
    with pytest.raises(Http404):
        permissions.get_theme_for_user_or_404(owner, 999_999)
    with pytest.raises(Http404):
        permissions.get_theme_for_user_or_404(owner, "x")  # type: ignore[arg-type]


def test_unpublished_learning_is_404_for_practitioners(
    practitioner: User, panel_member: User
) -> None:
    draft = LearningPointFactory.create(is_published=False)

    with pytest.raises(Http404):
        permissions.get_learning_point_for_user_or_404(practitioner, draft.pk)
    assert permissions.get_learning_point_for_user_or_404(panel_member, draft.pk) == draft


def test_published_learning_is_visible_to_every_role(
    practitioner: User, member_readonly: User, outsider: User
) -> None:
    point = LearningPointFactory.create(is_published=True)

    assert permissions.can_view_learning_point(practitioner, point)
    assert permissions.can_view_learning_point(member_readonly, point)
    assert not permissions.can_view_learning_point(outsider, point)
    with pytest.raises(Http404):
        permissions.get_learning_point_for_user_or_404(outsider, point.pk)


def test_learning_point_may_be_changed_only_by_partnership_staff(
    officer: User, panel_member: User, practitioner: User
) -> None:
    point = LearningPointFactory.create(is_published=True)

    assert permissions.get_learning_point_for_user_or_404(officer, point.pk, write=True) == point
    with pytest.raises(PermissionDenied):
        permissions.get_learning_point_for_user_or_404(panel_member, point.pk, write=True)
    with pytest.raises(PermissionDenied):
        permissions.get_learning_point_for_user_or_404(practitioner, point.pk, write=True)


@pytest.mark.parametrize(
    ("role", "sees_unpublished"),
    [
        (Role.PARTNERSHIP_ADMIN, True),
        (Role.BUSINESS_UNIT, True),
        (Role.CASE_REVIEW_PANEL, True),
        (Role.CDOP_MANAGER, True),
        (Role.CDOP_PANEL, True),
        (Role.SCRUTINEER, False),
        (Role.BOARD_MEMBER, False),
    ],
)
def test_who_sees_unpublished_learning(
    make_user: Callable[..., User], role: str, sees_unpublished: bool
) -> None:
    assert permissions.can_view_unpublished_learning(make_user(role)) is sees_unpublished


def test_agency_roles_see_only_published_learning(make_user: Callable[..., User]) -> None:
    from safeguarding.partnership.tests.factories import AgencyFactory

    agency = AgencyFactory.create()
    for role in (Role.AGENCY_LEAD, Role.PRACTITIONER, Role.DATA_ANALYST):
        assert not permissions.can_view_unpublished_learning(make_user((role, agency)))
