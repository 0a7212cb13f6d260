"""Archiving a practice review or an incident notification recorded in error: partnership staff
only, with a reason, logged; archived records leave the lists, the deadlines and the figures, and
are read-only."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews import permissions, reporting, selectors, services, verbs
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    NotifiedChildFactory,
    PracticeReviewFactory,
)
from safeguarding.core.testing import ViewMatrix
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 4, 20))]


def test_archive_review_keeps_the_reason_and_is_logged(officer: User) -> None:
    review = PracticeReviewFactory.create()

    services.practice_review_archive(actor=officer, review=review, reason="  Recorded twice. ")

    review.refresh_from_db()
    assert review.is_archived
    assert review.archived_by == officer
    assert review.archived_reason == "Recorded twice."
    event = ActivityEvent.objects.get(verb=verbs.PRACTICE_REVIEW_ARCHIVED)
    assert event.target_id == str(review.pk)


def test_archive_rejected_without_a_reason_or_twice(officer: User) -> None:
    review = PracticeReviewFactory.create()

    with pytest.raises(ValidationError) as error:
        services.practice_review_archive(actor=officer, review=review, reason="  ")
    assert "reason" in error.value.message_dict

    services.practice_review_archive(actor=officer, review=review, reason="In error.")
    with pytest.raises(ValidationError):
        services.practice_review_archive(actor=officer, review=review, reason="Again.")


def test_archived_review_leaves_lists_deadlines_and_figures(officer: User) -> None:
    kept = PracticeReviewFactory.create(title="Kept", signed_off_on=None)
    gone = PracticeReviewFactory.create(title="Gone", signed_off_on=None)
    year = ReportingYear(2020)
    assert reporting.cspr_commenced(year) == 2

    services.practice_review_archive(actor=officer, review=gone, reason="A duplicate.")

    assert list(selectors.practice_review_list_for_user(user=officer)) == [kept]
    assert {d.key for d in selectors.deadline_list()} == {f"review:{kept.pk}"}
    assert reporting.cspr_commenced(year) == 1


def test_archived_review_is_read_only_even_for_staff(officer: User) -> None:
    review = PracticeReviewFactory.create()
    services.practice_review_archive(actor=officer, review=review, reason="In error.")

    assert permissions.get_practice_review_for_user_or_404(officer, review.pk) == review
    with pytest.raises(PermissionDenied):
        permissions.get_practice_review_for_user_or_404(officer, review.pk, write=True)
    with pytest.raises(PermissionDenied):
        permissions.get_practice_review_for_user_or_404(officer, review.pk, archive=True)


def test_only_partnership_staff_archive(panel_member: User, owner: User) -> None:
    review = PracticeReviewFactory.create()

    with pytest.raises(PermissionDenied):  # the panel edits reviews but does not archive them
        permissions.get_practice_review_for_user_or_404(panel_member, review.pk, archive=True)
    assert permissions.get_practice_review_for_user_or_404(owner, review.pk, archive=True)


def test_archive_review_page_matrix_and_journey(
    client: Client, officer: User, panel_member: User, member_readonly: User, outsider: User
) -> None:
    review = PracticeReviewFactory.create(title="Plover")
    url = reverse("case_reviews:practice_review_archive", args=[review.pk])
    matrix = ViewMatrix(client, url)
    matrix.outsider(outsider)
    matrix.read_only_write(member_readonly)
    client.force_login(panel_member)
    assert client.get(url).status_code == 403
    matrix.wrong_method(officer, "delete")

    client.force_login(officer)
    empty = client.post(url, {"reason": "", "version": review.version})
    assert empty.status_code == 200
    review.refresh_from_db()
    assert not review.is_archived

    unconfirmed = client.post(url, {"reason": "Recorded twice.", "version": review.version})
    assert "archiving cannot be undone" in unconfirmed.content.decode()
    done = client.post(
        url, {"reason": "Recorded twice.", "confirm": "on", "version": review.version}
    )

    assert done.status_code == 302
    assert done["Location"] == reverse("case_reviews:practice_review_list")
    detail = client.get(reverse("case_reviews:practice_review_detail", args=[review.pk]))
    content = detail.content.decode()
    assert "Archived" in content
    assert "Recorded twice." in content
    assert reverse("case_reviews:practice_review_update", args=[review.pk]) not in content
    listing = client.get(reverse("case_reviews:practice_review_list")).content.decode()
    assert "Plover" not in listing


def test_archive_notification_hides_it_and_freezes_its_rapid_review(officer: User) -> None:
    kept = IncidentNotificationFactory.create(notified_on=None)
    gone = IncidentNotificationFactory.create(notified_on=None)

    services.incident_notification_archive(actor=officer, notification=gone, reason="In error.")

    assert list(selectors.incident_notification_list_for_user(user=officer)) == [kept]
    assert {d.key for d in selectors.deadline_list()} == {f"notification:{kept.pk}"}
    assert ActivityEvent.objects.filter(verb=verbs.INCIDENT_NOTIFICATION_ARCHIVED).count() == 1
    with pytest.raises(PermissionDenied):
        permissions.get_incident_notification_for_user_or_404(officer, gone.pk, write=True)
    with pytest.raises(PermissionDenied):
        permissions.get_rapid_review_for_user_or_404(officer, gone.rapid_review.pk, write=True)


def test_child_identity_of_an_archived_notification_is_read_only(
    officer: User, panel_member: User
) -> None:
    child = NotifiedChildFactory.create()
    assert permissions.get_child_for_user_or_404(panel_member, child.pk, write=True) == child

    services.incident_notification_archive(
        actor=officer, notification=child.notification, reason="In error."
    )

    for user in (officer, panel_member):  # still seen (the panel stays), never changed
        assert permissions.get_child_for_user_or_404(user, child.pk) == child
        with pytest.raises(PermissionDenied):
            permissions.get_child_for_user_or_404(user, child.pk, write=True)


def test_archive_notification_page(client: Client, officer: User, panel_member: User) -> None:
    notification = IncidentNotificationFactory.create()
    url = reverse("case_reviews:incident_notification_archive", args=[notification.pk])
    client.force_login(panel_member)
    assert client.get(url).status_code == 403
    client.force_login(officer)

    response = client.post(
        url, {"reason": "A duplicate.", "confirm": "on", "version": notification.version}
    )

    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.archived_reason == "A duplicate."
    detail = client.get(
        reverse("case_reviews:incident_notification_detail", args=[notification.pk])
    )
    assert "A duplicate." in detail.content.decode()


def test_agency_request_of_an_archived_notification_is_read_only(
    officer: User, agency_lead: User, agency: Agency
) -> None:
    request = AgencyRequestFactory.create(agency=agency)
    assert permissions.can_submit_agency_request(agency_lead, request)

    services.incident_notification_archive(
        actor=officer, notification=request.rapid_review.notification, reason="In error."
    )
    request = permissions.get_agency_request_for_user_or_404(agency_lead, request.pk)

    assert not permissions.can_submit_agency_request(agency_lead, request)
    assert list(selectors.agency_request_list_for_user(user=agency_lead)) == []


def test_archived_review_leaves_its_rapid_review_page(officer: User) -> None:
    review = PracticeReviewFactory.create(rapid_review=IncidentNotificationFactory().rapid_review)
    rapid = review.rapid_review
    assert rapid is not None
    assert list(selectors.practice_review_list_for_rapid_review(rapid_review=rapid)) == [review]

    services.practice_review_archive(actor=officer, review=review, reason="In error.")

    assert list(selectors.practice_review_list_for_rapid_review(rapid_review=rapid)) == []
