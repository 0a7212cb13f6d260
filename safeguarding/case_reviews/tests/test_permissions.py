"""Who sees what: the case team, read-only summaries, agency scope, outsiders."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding.accounts.models import User
from safeguarding.case_reviews import permissions
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    NotifiedChildFactory,
    PracticeReviewFactory,
)
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_case_team_sees_and_edits_notifications(officer: User, panel_member: User) -> None:
    notification = IncidentNotificationFactory.create()

    for user in (officer, panel_member):
        assert permissions.get_incident_notification_for_user_or_404(
            user, notification.pk, write=True
        )


def test_outsider_gets_404_on_every_record(outsider: User) -> None:
    notification = IncidentNotificationFactory.create()
    review = PracticeReviewFactory.create()
    child = NotifiedChildFactory.create()

    with pytest.raises(Http404):
        permissions.get_incident_notification_for_user_or_404(outsider, notification.pk)
    with pytest.raises(Http404):
        permissions.get_practice_review_for_user_or_404(outsider, review.pk)
    with pytest.raises(Http404):
        permissions.get_child_for_user_or_404(outsider, child.pk)


def test_scrutineer_sees_summaries_but_cannot_write(member_readonly: User) -> None:
    review = PracticeReviewFactory.create()

    assert permissions.get_practice_review_for_user_or_404(member_readonly, review.pk) == review
    with pytest.raises(PermissionDenied):
        permissions.get_practice_review_for_user_or_404(member_readonly, review.pk, write=True)


def test_scrutineer_never_sees_an_identity_panel(member_readonly: User) -> None:
    child = NotifiedChildFactory.create()

    with pytest.raises(Http404):
        permissions.get_child_for_user_or_404(member_readonly, child.pk)


def test_practitioner_sees_no_case_records(practitioner: User) -> None:
    with pytest.raises(Http404):
        permissions.get_practice_review_for_user_or_404(
            practitioner, PracticeReviewFactory.create().pk
        )


def test_agency_lead_sees_only_their_agencys_requests(agency_lead: User, agency: Agency) -> None:
    theirs = AgencyRequestFactory.create(agency=agency)
    other = AgencyRequestFactory.create(agency=AgencyFactory.create())

    assert permissions.get_agency_request_for_user_or_404(agency_lead, theirs.pk, write=True)
    with pytest.raises(Http404):
        permissions.get_agency_request_for_user_or_404(agency_lead, other.pk)
    with pytest.raises(Http404):
        permissions.get_incident_notification_for_user_or_404(
            agency_lead, theirs.rapid_review.notification_id
        )


def test_named_contact_sees_the_request_addressed_to_them(make_user) -> None:
    contact = make_user()
    request = AgencyRequestFactory.create(contact=contact)

    assert permissions.can_submit_agency_request(contact, request)


def test_archived_review_cannot_be_edited(officer: User) -> None:
    from django.utils import timezone

    review = PracticeReviewFactory.create(archived_at=timezone.now())

    with pytest.raises(PermissionDenied):
        permissions.get_practice_review_for_user_or_404(officer, review.pk, write=True)


def test_final_report_download_rule(
    officer: User, member_readonly: User, panel_member: User
) -> None:
    from django.core.files.base import ContentFile

    from safeguarding.case_reviews.models import PracticeReview

    review = PracticeReviewFactory.create(status=PracticeReview.Status.SIGNED_OFF)
    assert not permissions.can_download_practice_review_report(officer, review)  # no report

    review.final_report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic"))
    assert permissions.can_download_practice_review_report(panel_member, review)
    assert not permissions.can_download_practice_review_report(member_readonly, review)

    review.status = PracticeReview.Status.PUBLISHED
    # A report uploaded before publication may identify the child: still the case team's only.
    assert not permissions.can_download_practice_review_report(member_readonly, review)
    review.final_report_for_publication = True  # uploaded with the publication step
    assert permissions.can_download_practice_review_report(member_readonly, review)
