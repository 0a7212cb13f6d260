"""Retention and legal holds are for partnership administrators only; anyone else gets 404.
Everyone signed in may download their own data."""

from __future__ import annotations

from safeguarding.accounts.models import User
from safeguarding.core.permissions import fetcher, read_fetcher
from safeguarding.retention.models import LegalHold


def can_manage_retention(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_admin


def can_place_legal_hold(user: User) -> bool:
    return can_manage_retention(user)


def can_release_legal_hold(user: User, hold: LegalHold) -> bool:
    return can_manage_retention(user) and hold.is_active


def can_download_person_data(user: User, person: User) -> bool:
    """Your own data, or anyone's for a subject access request (administrators)."""
    return user.is_authenticated and (user.pk == person.pk or can_manage_retention(user))


# 404 for anyone but an administrator; 403 on a write to a hold already released.
get_legal_hold_for_user_or_404 = fetcher(
    LegalHold.objects.select_related("content_type", "placed_by", "released_by"),
    can_view=lambda viewer, hold: can_manage_retention(viewer),
    can_edit=can_release_legal_hold,
)


# The person whose data is downloaded: yourself, or anyone for an administrator.
get_person_for_user_or_404 = read_fetcher(User.objects.all(), can_view=can_download_person_data)
