"""core.admin: the view-only and reference-list bases the apps' admin pages are built on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.contrib import admin
from django.test import RequestFactory

from safeguarding.core.admin import ReferenceListAdmin, ViewOnlyAdmin

if TYPE_CHECKING:
    from django.http import HttpRequest

    from safeguarding.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_request(make_user: Callable[..., User]) -> HttpRequest:
    """A request by a superuser, who holds every Django permission."""
    request = RequestFactory().get("/django-admin/")
    request.user = make_user(is_staff=True, is_superuser=True)
    return request


def _registered(base: type[admin.ModelAdmin]) -> list[admin.ModelAdmin]:  # type: ignore[type-arg]
    return [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, base)
    ]


def test_view_only_admin_refuses_add_change_and_delete_even_to_a_superuser(
    superuser_request: HttpRequest,
) -> None:
    view_only = _registered(ViewOnlyAdmin)
    assert view_only, "the apps' records are registered with ViewOnlyAdmin"
    for model_admin in view_only:
        assert model_admin.has_view_permission(superuser_request)
        assert not model_admin.has_add_permission(superuser_request)
        assert not model_admin.has_change_permission(superuser_request)
        assert not model_admin.has_delete_permission(superuser_request)


def test_reference_list_admin_changes_entries_but_never_deletes_them(
    superuser_request: HttpRequest,
) -> None:
    reference_lists = _registered(ReferenceListAdmin)
    assert reference_lists, "the reference lists are registered with ReferenceListAdmin"
    for model_admin in reference_lists:
        assert model_admin.has_add_permission(superuser_request)
        assert model_admin.has_change_permission(superuser_request)
        assert not model_admin.has_delete_permission(superuser_request)


# Set up in the admin by design: people, and the partnership's own configuration.
_CONFIGURED_IN_THE_ADMIN = {
    "accounts.User",
    "partnership.Agency",
    "partnership.Area",
    "partnership.Group",
    "partnership.Priority",
}


def test_every_record_the_apps_register_is_view_only_or_a_reference_list() -> None:
    """A change made in the admin would skip the pages' permission and version checks and the
    activity log: the apps' records are only looked at there."""
    editable = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("safeguarding.")
        and model._meta.label not in _CONFIGURED_IN_THE_ADMIN
        and not isinstance(model_admin, (ViewOnlyAdmin, ReferenceListAdmin))
    ]
    assert editable == []
