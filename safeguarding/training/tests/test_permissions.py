"""Who may see and change what in training, and lists that do not multiply queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding.accounts.models import User
from safeguarding.partnership.models import Agency
from safeguarding.training import permissions, selectors, services
from safeguarding.training.models import TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import (
    BriefingFactory,
    TrainingBookingFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db


def test_management_is_for_staff_and_read_only_roles_may_look(
    owner: User, officer: User, member_readonly: User, learner: User, lead_a: User
) -> None:
    assert permissions.can_manage_training(owner)
    assert permissions.can_manage_training(officer)
    assert not permissions.can_manage_training(member_readonly)
    assert permissions.can_view_training_management(member_readonly)
    assert not permissions.can_view_training_management(learner)
    assert not permissions.can_view_training_management(lead_a)
    # Pages naming people across the partnership are for staff only.
    assert permissions.can_view_training_people(owner)
    assert permissions.can_view_training_people(officer)
    assert not permissions.can_view_training_people(member_readonly)
    assert not permissions.can_view_training_people(lead_a)
    assert not permissions.can_view_approvals(member_readonly)
    assert permissions.can_view_approvals(lead_a)


def test_own_booking_only_and_lead_may_look_not_change(
    booking_for: Callable[[User], TrainingBooking],
    learner: User,
    make_practitioner: Callable[..., User],
    lead_a: User,
    lead_b: User,
    member_readonly: User,
) -> None:
    booking = booking_for(learner)
    assert permissions.get_booking_for_user_or_404(learner, booking.pk, write=True) == booking
    with pytest.raises(Http404):
        permissions.get_booking_for_user_or_404(make_practitioner(), booking.pk)
    with pytest.raises(Http404):
        permissions.get_booking_for_user_or_404(lead_b, booking.pk)
    assert permissions.get_booking_for_user_or_404(lead_a, booking.pk) == booking
    with pytest.raises(PermissionDenied):
        permissions.get_booking_for_user_or_404(lead_a, booking.pk, write=True)
    # Read-only roles see de-identified material only: another person's booking is not theirs.
    for write in (False, True):
        with pytest.raises(Http404):
            permissions.get_booking_for_user_or_404(member_readonly, booking.pk, write=write)
        with pytest.raises(Http404):
            permissions.get_booking_for_approval_or_404(member_readonly, booking.pk, write=write)


@pytest.fixture
def booking_for(session: TrainingSession) -> Callable[[User], TrainingBooking]:
    def _book(user: User) -> TrainingBooking:
        return services.booking_create(actor=user, session=session)

    return _book


def test_agency_statement_visible_to_own_lead_and_staff_only(
    agency_a: Agency,
    lead_a: User,
    lead_b: User,
    owner: User,
    member_readonly: User,
    learner: User,
) -> None:
    assert permissions.can_view_agency_statement(lead_a, agency_a)
    assert permissions.can_view_agency_statement(owner, agency_a)
    assert not permissions.can_view_agency_statement(member_readonly, agency_a)  # names people
    assert permissions.can_view_statement_list(lead_a)
    assert not permissions.can_view_statement_list(member_readonly)
    assert not permissions.can_view_statement_list(learner)
    assert not permissions.can_view_agency_statement(lead_b, agency_a)
    assert not permissions.can_view_agency_statement(learner, agency_a)


def test_session_register_for_staff_and_its_trainer(
    frozen: Any,
    owner: User,
    learner: User,
    make_practitioner: Callable[..., User],
    member_readonly: User,
) -> None:
    trainer = make_practitioner()
    session = TrainingSessionFactory.create(trainer=trainer)
    assert permissions.get_session_for_user_or_404(trainer, session.pk, write=True) == session
    assert permissions.get_session_for_user_or_404(owner, session.pk, write=True) == session
    with pytest.raises(Http404):
        permissions.get_session_for_user_or_404(learner, session.pk)
    # The register names everyone booked: not for read-only roles, to look or to mark.
    for write in (False, True):
        with pytest.raises(Http404):
            permissions.get_session_for_user_or_404(member_readonly, session.pk, write=write)


def test_private_briefings_need_an_account(learner: User) -> None:
    from django.contrib.auth.models import AnonymousUser

    private = BriefingFactory.create(is_public=False)
    public = BriefingFactory.create(is_public=True)
    anonymous: Any = AnonymousUser()
    assert permissions.can_view_briefing(anonymous, public)
    assert not permissions.can_view_briefing(anonymous, private)
    assert permissions.can_view_briefing(learner, private)
    assert list(selectors.briefing_list_for_user(user=anonymous)) == [public]


def test_statement_sums_only_that_agencys_charges_in_the_period(
    agency_a: Agency, agency_b: Agency, frozen: Any
) -> None:
    from datetime import UTC, date, datetime

    may = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)
    march = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    no_show = TrainingBooking.Attendance.NO_SHOW
    for agency, starts, pence in (
        (agency_a, may, 5000),
        (agency_a, may, 2500),
        (agency_a, march, 5000),  # outside the period
        (agency_b, may, 5000),  # another agency
    ):
        TrainingBookingFactory.create(
            agency=agency, attendance=no_show, charge_pence=pence, session__starts_at=starts
        )
    TrainingBookingFactory.create(agency=agency_a, session__starts_at=may)  # attended, no charge

    statement = selectors.agency_statement(
        agency=agency_a, start=date(2025, 4, 1), end=date(2026, 3, 31)
    )

    assert len(statement.rows) == 2
    assert statement.total_pence == 7500
    assert statement.total_pounds == "£75.00"


def test_booking_list_query_count_does_not_grow(
    learner: User, frozen: Any, django_assert_num_queries: Any
) -> None:
    for _ in range(5):
        services.booking_create(actor=learner, session=TrainingSessionFactory.create())
    with django_assert_num_queries(1):
        rows = list(selectors.booking_list_for_user(user=learner))
        titles = [b.session.course.title for b in rows]
    assert len(titles) == 5
