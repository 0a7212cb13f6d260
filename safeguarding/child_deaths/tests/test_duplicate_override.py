"""Issue #15: a second notification matching a child already notified is saved only by a CDOP
manager who was shown the match, ticked the box and said why; the box is not on the blank
form; the area of residence has no default; the hint's example NHS number is valid."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.child_deaths import forms, identity, services, verbs
from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.child_deaths.tests.factories import nhs_number_make, notification_make
from safeguarding.child_deaths.tests.test_views import _notify_data

pytestmark = pytest.mark.django_db

BOX = "I have checked: this is a different child"


@pytest.fixture
def manager(make_user: Callable[..., User]) -> User:
    return make_user(Role.CDOP_MANAGER)


def test_blank_form_has_no_override_box(client: Client, manager: User) -> None:
    client.force_login(manager)
    body = client.get(reverse("child_deaths:notification_create")).content.decode()
    assert BOX not in body
    assert "duplicate_override_reason" not in body


def test_the_box_appears_only_after_a_match_and_then_saves_with_the_reason(
    client: Client, manager: User
) -> None:
    nhs = nhs_number_make()
    first = notification_make(nhs_number=nhs)
    client.force_login(manager)
    url = reverse("child_deaths:notification_create")
    # Ticking a box that was never shown (a crafted post) does not save.
    response = client.post(url, _notify_data(nhs_number=nhs, confirmed_not_duplicate="on"))
    body = response.content.decode()
    assert ChildDeathNotification.objects.count() == 1
    assert BOX in body
    assert f'name="duplicate_of" value="{first.reference}"' in body
    # Confirmed without a reason: refused.
    data = _notify_data(nhs_number=nhs, confirmed_not_duplicate="on", duplicate_of=first.reference)
    body = client.post(url, data).content.decode()
    assert "Enter why this is a different child." in body
    assert ChildDeathNotification.objects.count() == 1
    # A reason naming the child is refused: it would reach the activity log.
    data["duplicate_override_reason"] = f"Not the same as {nhs}"
    body = client.post(url, data).content.decode()
    assert "Do not write the child&#x27;s name or NHS number" in body
    data["duplicate_override_reason"] = "Twin sibling; the notifier confirmed by telephone."
    assert client.post(url, data).status_code == 302
    second = ChildDeathNotification.objects.exclude(pk=first.pk).get()
    assert second.duplicate_override_by == manager
    assert second.duplicate_override_reason == data["duplicate_override_reason"]
    event = ActivityEvent.objects.get(verb=verbs.CHILD_DEATH_NOTIFIED, target_id=str(second.pk))
    assert event.actor == manager
    assert event.data == {
        "confirmed_not_duplicate_of": [first.reference],
        "reason": data["duplicate_override_reason"],
    }
    logged = str(event.data) + str(event.changes)
    assert nhs not in logged
    assert "Rowan" not in logged


def test_only_a_cdop_manager_may_override(make_user: Callable[..., User]) -> None:
    panel = make_user(Role.CDOP_PANEL)
    first = notification_make()
    with pytest.raises(services.LikelyDuplicateError) as caught:
        notification_make(
            actor=panel,
            nhs_number=first.nhs_number,
            confirmed_not_duplicate=True,
            duplicate_of=[first.reference],
            duplicate_override_reason="Different child.",
        )
    assert "Only a CDOP manager" in str(caught.value.error_dict["confirmed_not_duplicate"])
    with pytest.raises(services.LikelyDuplicateError):
        notification_make(
            actor=None,
            nhs_number=first.nhs_number,
            confirmed_not_duplicate=True,
            duplicate_of=[first.reference],
            duplicate_override_reason="Different child.",
        )


def test_override_must_name_the_records_that_matched(manager: User) -> None:
    first = notification_make()
    with pytest.raises(services.LikelyDuplicateError):
        notification_make(
            actor=manager,
            nhs_number=first.nhs_number,
            confirmed_not_duplicate=True,
            duplicate_of=["CDOP-1999-0001"],
            duplicate_override_reason="Different child.",
        )


def test_correcting_an_overridden_case_does_not_ask_again(manager: User) -> None:
    first = notification_make()
    second = notification_make(
        actor=manager,
        nhs_number=first.nhs_number,
        confirmed_not_duplicate=True,
        duplicate_of=[first.reference],
        duplicate_override_reason="Different child.",
    )
    services.notification_update(
        actor=manager,
        notification=second,
        expected_version=second.version,
        child_name=second.child_name,
        date_of_birth=second.date_of_birth,
        sex=second.sex,
        date_of_death=second.date_of_death,
        place_of_death=second.place_of_death,
        expectation=second.expectation,
        notified_on=second.notified_on,
        notified_by="Someone else (test)",
        nhs_number=second.nhs_number,
        residence_area=second.residence_area,
    )
    second.refresh_from_db()
    assert second.notified_by == "Someone else (test)"


def test_area_of_residence_has_no_default(client: Client, manager: User) -> None:
    client.force_login(manager)
    body = client.get(reverse("child_deaths:notification_create")).content.decode()
    select = re.search(r'<select name="residence_area".*?</select>', body, re.S)
    assert select is not None
    assert "selected" not in select.group(0).split("</option>")[0] or (
        '<option value="" selected>Choose the area of residence</option>' in select.group(0)
    )
    assert 'value="outside"' in select.group(0)
    assert '<option value="outside" selected' not in select.group(0)
    response = client.post(
        reverse("child_deaths:notification_create"), _notify_data(residence_area="")
    )
    assert "Choose the area of residence, or" in response.content.decode()
    assert not ChildDeathNotification.objects.exists()


def test_outside_the_partnership_is_an_explicit_choice(client: Client, manager: User) -> None:
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:notification_create"),
        _notify_data(residence_area="outside", home_area_name="Elsewhere (test)"),
    )
    assert response.status_code == 302
    case = ChildDeathNotification.objects.get()
    assert case.residence_area is None
    assert case.home_area_name == "Elsewhere (test)"
    edit = client.get(reverse("child_deaths:notification_update", args=[case.pk]))
    assert '<option value="outside" selected' in edit.content.decode()


def test_the_hints_example_nhs_number_is_valid() -> None:
    hint = str(forms.NotificationForm().fields["nhs_number"].help_text)
    example = re.search(r"\d{3} \d{3} \d{4}", hint)
    assert example is not None
    assert identity.nhs_number_is_valid(example.group(0))


def test_reason_check_spots_names_and_nhs_numbers() -> None:
    assert identity.text_identifies_child("943 476 5919 differs", child_name="Ash Test")
    assert identity.text_identifies_child("ash is a twin", child_name="Ash Testchild")
    assert not identity.text_identifies_child("A twin", child_name="Ash Testchild")
