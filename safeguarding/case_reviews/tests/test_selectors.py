"""Lists scoped to the user, deadlines for the responsible people, who has viewed."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from safeguarding.accounts.models import User
from safeguarding.case_reviews import selectors, services
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    NotifiedChildFactory,
    PracticeReviewFactory,
)
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_lists_are_empty_for_people_without_access(outsider: User, practitioner: User) -> None:
    IncidentNotificationFactory.create()
    PracticeReviewFactory.create()

    for user in (outsider, practitioner):
        assert not selectors.incident_notification_list_for_user(user=user).exists()
        assert not selectors.practice_review_list_for_user(user=user).exists()


def test_review_list_filters_by_kind(officer: User) -> None:
    cspr = PracticeReviewFactory.create(kind="cspr")
    PracticeReviewFactory.create(kind="sar")

    assert list(selectors.practice_review_list_for_user(user=officer, kind="cspr")) == [cspr]


def test_agency_lead_lists_only_their_open_requests(agency_lead: User, agency: Agency) -> None:
    open_request = AgencyRequestFactory.create(agency=agency)
    AgencyRequestFactory.create(agency=agency, submitted_on=date(2020, 6, 10))
    AgencyRequestFactory.create(agency=AgencyFactory.create())

    found = selectors.agency_request_list_for_user(user=agency_lead, open_only=True)

    assert list(found) == [open_request]


def test_deadlines_for_the_case_team_cover_each_kind(officer: User) -> None:
    unsent = IncidentNotificationFactory.create(aware_on=date(2021, 4, 1), notified_on=None)
    sent = IncidentNotificationFactory.create(
        aware_on=date(2021, 4, 1), notified_on=date(2021, 4, 6)
    )
    review = PracticeReviewFactory.create()
    request = AgencyRequestFactory.create()

    deadlines = {d.key: d.due_on for d in selectors.deadline_list(user=officer)}

    assert deadlines[f"notification:{unsent.pk}"] == date(2021, 4, 12)
    assert deadlines[f"rapid_review:{sent.rapid_review.pk}"] == sent.rapid_review.due_on
    assert deadlines[f"review:{review.pk}"] == review.target_on
    assert deadlines[f"agency_request:{request.pk}"] == request.due_on


def test_deadlines_leave_out_what_is_done(officer: User) -> None:
    notification = IncidentNotificationFactory.create(notified_on=date(2020, 6, 3))
    rapid = notification.rapid_review
    rapid.decision = "not_met"
    rapid.decided_on = date(2020, 6, 20)
    rapid.sent_to_panel_on = date(2020, 6, 22)
    rapid.save()
    PracticeReviewFactory.create(signed_off_on=date(2021, 1, 1), status="signed_off")
    AgencyRequestFactory.create(rapid_review=rapid, submitted_on=date(2020, 6, 10))

    assert selectors.deadline_list(user=officer) == []


def test_agency_lead_deadlines_are_only_their_requests(agency_lead: User, agency: Agency) -> None:
    IncidentNotificationFactory.create(notified_on=None)
    theirs = AgencyRequestFactory.create(agency=agency)
    AgencyRequestFactory.create(agency=AgencyFactory.create())

    assert [d.key for d in selectors.deadline_list(user=agency_lead)] == [
        f"agency_request:{theirs.pk}"
    ]


def test_viewer_list_shows_who_opened_identity_panels(officer: User, panel_member: User) -> None:
    child = NotifiedChildFactory.create()
    with time_machine.travel(date(2021, 4, 20), tick=False):
        services.child_identity_view(actor=officer, child=child)
        services.child_identity_view(actor=panel_member, child=child)

    viewers = selectors.incident_notification_viewer_list(notification=child.notification)

    assert {e.actor_id for e in viewers} == {officer.pk, panel_member.pk}


def test_plan_summary_counts_overdue_and_changes(officer: User, agency: Agency) -> None:
    from safeguarding.actions import services as action_services

    review = PracticeReviewFactory.create()
    with time_machine.travel(date(2021, 4, 1), tick=False):
        overdue = services.practice_review_action_add(
            actor=officer,
            review=review,
            description="Late",
            owner_agency=agency,
            due_date=date(2021, 4, 10),
        )
        services.practice_review_action_add(
            actor=officer,
            review=review,
            description="Soon",
            owner_agency=agency,
            due_date=date(2021, 5, 1),
        )
        action_services.action_progress_add(
            actor=officer, action=overdue, note="Started", status="on_track"
        )
    plan = selectors.practice_review_action_plan(review=review)
    assert plan is not None

    with time_machine.travel(date(2021, 4, 20), tick=False):
        summary = selectors.practice_review_plan_summary(plan=plan)

    assert summary.overdue == 1
    assert summary.due_for_review == 1
    assert summary.changes_since_last_review == 3  # two new actions and one update
    assert summary.last_reviewed_on is None
