"""Figure provenance: each figure's definition page, and the records a figure counts, filtered
as the figure counts them, scoped by the module's own rules, paginated and logged."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.annual_reports import catalogue, verbs
from safeguarding.core.testing import assert_same_query_count
from safeguarding.core.years import ReportingYear

pytestmark = pytest.mark.django_db

YEAR = ReportingYear(2020)


def records_url(key: str, year: ReportingYear = YEAR) -> str:
    return reverse("annual_reports:figure_records", args=[year.label, key])


def definition_url(key: str, year: ReportingYear = YEAR) -> str:
    return reverse("annual_reports:figure_detail", args=[year.label, key])


def get(client: Client, user: User | None, url: str) -> Any:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def listed(response: Any) -> int:
    """How many records the page lists (its table rows), read from the page itself."""
    rows: int = response.content.decode().count('<tr class="govuk-table__row">')
    return max(rows - 1, 0)  # less the heading row


def in_year(day: int) -> datetime:
    return datetime(2020, 9, 1, 10, 0, tzinfo=UTC) + timedelta(days=day)


# --- child deaths -------------------------------------------------------------------------


@pytest.fixture
def child_deaths() -> dict[str, Any]:
    """Three deaths notified in 2020-21 (one a baby, one unexpected), one in 2019-20."""
    from safeguarding.child_deaths.models import ChildDeathNotification
    from safeguarding.child_deaths.tests.factories import notification_make

    unexpected = ChildDeathNotification.Expectation.UNEXPECTED
    this_year = [
        notification_make(date_of_death=date(2020, 6, 1)),
        notification_make(date_of_death=date(2020, 8, 1), expectation=unexpected),
        notification_make(
            date_of_death=date(2021, 1, 5), date_of_birth=date(2020, 11, 1)
        ),  # two months old
    ]
    before = notification_make(date_of_death=date(2019, 10, 1))
    return {"this_year": this_year, "before": before}


def test_child_deaths_lists_are_as_long_as_their_figures(
    client: Client, make_user: Callable[..., User], child_deaths: dict[str, Any]
) -> None:
    from safeguarding.child_deaths.reporting import figures_for_year

    manager = make_user(Role.CDOP_MANAGER)
    figures = figures_for_year(YEAR)
    # An independent count of what was made above.
    assert (figures.notified, figures.notified_previous) == (3, 1)
    assert (figures.unexpected, figures.under_one) == (1, 1)
    for key, value in [
        ("child_deaths.notified", figures.notified),
        ("child_deaths.notified_previous", figures.notified_previous),
        ("child_deaths.unexpected", figures.unexpected),
        ("child_deaths.expected", figures.expected),
        ("child_deaths.under_one", figures.under_one),
        ("child_deaths.reviews_completed", figures.reviews_completed),
    ]:
        response = get(client, manager, records_url(key))
        assert response.status_code == 200, key
        assert response.context["result"].total == value, key
        assert listed(response) == value, key
    page = get(client, manager, records_url("child_deaths.notified")).content.decode()
    for notification in child_deaths["this_year"]:
        assert notification.reference in page
    assert child_deaths["before"].reference not in page


def test_child_deaths_records_scoped_by_role(
    client: Client,
    make_user: Callable[..., User],
    member_readonly: User,
    outsider: User,
    officer: User,
    child_deaths: dict[str, Any],
) -> None:
    from safeguarding.child_deaths.tests.factories import meeting_make

    panel_member = make_user(Role.CDOP_PANEL)
    meeting_make(members=[panel_member], cases=child_deaths["this_year"][:1])
    url = records_url("child_deaths.notified")

    mine = get(client, panel_member, url)
    assert mine.status_code == 200
    assert (mine.context["result"].visible, mine.context["result"].total) == (1, 3)
    assert listed(mine) == 1
    assert "You can see 1 of them" in mine.content.decode()
    # No child death role (a business unit officer, the scrutineer, no role at all): 404.
    for user in (officer, member_readonly, outsider):
        assert get(client, user, url).status_code == 404
    # Signed out: to the sign-in page.
    assert get(client, None, url).status_code == 302


def test_definition_page_shows_the_catalogue_entry_and_offers_records_only_when_allowed(
    client: Client,
    make_user: Callable[..., User],
    member_readonly: User,
    outsider: User,
    child_deaths: dict[str, Any],
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    url = definition_url("child_deaths.notified")
    page = get(client, manager, url).content.decode()
    figure = next(f for f in catalogue.FIGURES if f.key == "child_deaths.notified")
    assert figure.definition in page
    assert "Child deaths" in page  # the owning module
    assert records_url("child_deaths.notified") in page

    readonly = get(client, member_readonly, url)
    assert readonly.status_code == 200
    assert records_url("child_deaths.notified") not in readonly.content.decode()
    assert "Your role does not let you see them" in readonly.content.decode()
    assert "Not shown to you" in readonly.content.decode()  # the exact count of children
    assert get(client, outsider, url).status_code == 404
    assert get(client, manager, definition_url("no.such_figure")).status_code == 404
    assert get(client, manager, records_url("no.such_figure")).status_code == 404


def test_percentage_links_to_its_counts_and_has_no_records(client: Client, officer: User) -> None:
    key = "child_deaths.under_one_percent"
    response = get(client, officer, definition_url(key))
    page = response.content.decode()
    assert definition_url("child_deaths.under_one") in page
    assert definition_url("child_deaths.notified") in page
    assert "It is a percentage" in page
    assert get(client, officer, records_url(key)).status_code == 404


def test_viewing_records_is_logged(
    client: Client, make_user: Callable[..., User], child_deaths: dict[str, Any]
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    get(client, manager, records_url("child_deaths.notified"))
    event = ActivityEvent.objects.get(verb=verbs.FIGURE_RECORDS_VIEWED, actor=manager)
    assert event.kind == ActivityEvent.Kind.VIEW
    assert event.data["figure"] == "child_deaths.notified"
    assert (event.data["year"], event.data["shown"], event.data["total"]) == ("2020-21", 3, 3)


def test_records_page_query_count_does_not_grow(
    client: Client, make_user: Callable[..., User]
) -> None:
    from safeguarding.child_deaths.tests.factories import notification_make

    manager = make_user(Role.CDOP_MANAGER)
    client.force_login(manager)
    made: list[Any] = []

    def build(n: int) -> None:
        while len(made) < n:
            made.append(notification_make(date_of_death=date(2020, 6, 1)))

    def visit() -> None:
        response = client.get(records_url("child_deaths.notified"))
        assert listed(response) == len(made)

    assert_same_query_count(build, visit, sizes=(2, 7))


def test_records_are_paginated(client: Client, officer: User) -> None:
    from safeguarding.case_reviews.models import RapidReview
    from safeguarding.case_reviews.tests.factories import RapidReviewFactory

    RapidReviewFactory.create_batch(
        53, decision=RapidReview.Decision.MET, decided_on=date(2020, 7, 1)
    )
    url = records_url("case_reviews.criteria_met")
    first = get(client, officer, url)
    assert (first.context["result"].total, listed(first)) == (53, 50)
    assert 'class="govuk-pagination"' in first.content.decode()
    second = get(client, officer, f"{url}?page=2")
    assert listed(second) == 3


# --- case reviews --------------------------------------------------------------------------


def test_case_review_lists_are_as_long_as_their_figures(
    client: Client, member_readonly: User, outsider: User, make_user: Callable[..., User]
) -> None:
    from safeguarding.case_reviews.models import PracticeReview, RapidReview
    from safeguarding.case_reviews.reporting import figures
    from safeguarding.case_reviews.tests.factories import (
        PracticeReviewFactory,
        RapidReviewFactory,
    )

    RapidReviewFactory.create_batch(
        2, decision=RapidReview.Decision.MET, decided_on=date(2020, 7, 1)
    )
    RapidReviewFactory.create(decision=RapidReview.Decision.NOT_MET, decided_on=date(2021, 2, 1))
    RapidReviewFactory.create(decision=RapidReview.Decision.MET, decided_on=date(2021, 4, 2))
    RapidReviewFactory.create()  # not decided yet
    PracticeReviewFactory.create(commissioned_on=date(2020, 6, 1))
    PracticeReviewFactory.create(commissioned_on=date(2019, 6, 1))
    PracticeReviewFactory.create(
        commissioned_on=date(2019, 6, 1),
        signed_off_on=date(2020, 12, 1),
        status=PracticeReview.Status.SIGNED_OFF,
    )
    found = figures(YEAR)
    assert (found.rapid_reviews_held, found.criteria_met, found.criteria_not_met) == (3, 2, 1)
    assert (found.cspr_commenced, found.cspr_ongoing_from_previous_year) == (1, 2)
    panel = make_user(Role.CASE_REVIEW_PANEL)
    for key, value in [
        ("case_reviews.rapid_reviews_held", found.rapid_reviews_held),
        ("case_reviews.criteria_met", found.criteria_met),
        ("case_reviews.criteria_not_met", found.criteria_not_met),
        ("case_reviews.cspr_commenced", found.cspr_commenced),
        ("case_reviews.cspr_ongoing_from_previous_year", found.cspr_ongoing_from_previous_year),
        ("case_reviews.cspr_completed", found.cspr_completed),
    ]:
        response = get(client, panel, records_url(key))
        assert (response.context["result"].total, listed(response)) == (value, value), key
    # Case reviews show read-only roles de-identified summaries: they see the list too.
    assert get(client, member_readonly, records_url("case_reviews.criteria_met")).status_code == (
        200
    )
    assert get(client, outsider, records_url("case_reviews.criteria_met")).status_code == 404


# --- training: an agency's lead sees their own staff -----------------------------------------


def test_training_attendances_scoped_to_the_leads_agency(
    client: Client, make_user: Callable[..., User], officer: User, member_readonly: User
) -> None:
    from safeguarding.partnership.tests.factories import AgencyFactory
    from safeguarding.training.models import TrainingBooking
    from safeguarding.training.reporting import report_figures
    from safeguarding.training.tests.factories import (
        TrainingBookingFactory,
        TrainingSessionFactory,
    )

    ours, theirs = AgencyFactory.create(), AgencyFactory.create()
    session = TrainingSessionFactory.create(starts_at=in_year(10), capacity=20)
    later = TrainingSessionFactory.create(starts_at=in_year(400), capacity=20)  # next year
    attended = TrainingBooking.Attendance.ATTENDED
    for agency, n in ((ours, 2), (theirs, 3)):
        for _ in range(n):
            TrainingBookingFactory.create(
                session=session, agency=agency, learner=make_user(), attendance=attended
            )
    TrainingBookingFactory.create(session=later, agency=ours, attendance=attended)
    found = report_figures(YEAR)
    assert (found.attended, found.sessions_delivered) == (5, 1)

    url = records_url("training.attended")
    everything = get(client, officer, url)
    assert (everything.context["result"].total, listed(everything)) == (5, 5)
    lead = make_user((Role.AGENCY_LEAD, ours))
    own = get(client, lead, url)
    assert (own.context["result"].visible, listed(own)) == (2, 2)
    other_lead = make_user((Role.AGENCY_LEAD, AgencyFactory.create()))
    assert listed(get(client, other_lead, url)) == 0
    # Attendances name people: the read-only roles see de-identified summaries, so 404.
    assert get(client, member_readonly, url).status_code == 404
    # Sessions name no one: the read-only roles may see them.
    sessions = get(client, member_readonly, records_url("training.sessions_delivered"))
    assert (sessions.status_code, listed(sessions)) == (200, found.sessions_delivered)


# --- assurance: Section 11 returns --------------------------------------------------------------


def test_section11_returns_scoped_to_the_leads_agency(
    client: Client, make_user: Callable[..., User], officer: User, outsider: User
) -> None:
    from safeguarding.assurance.reporting import section11_figures
    from safeguarding.assurance.tests.factories import cycle
    from safeguarding.partnership.tests.factories import AgencyFactory

    agencies = AgencyFactory.create_batch(3)
    cycle(agencies=agencies)
    found = section11_figures(YEAR)
    assert found is not None
    assert found.returns == 3

    url = records_url("assurance.section11_returns")
    response = get(client, officer, url)
    assert (response.context["result"].total, listed(response)) == (3, 3)
    lead = make_user((Role.AGENCY_LEAD, agencies[0]))
    own = get(client, lead, url)
    assert (own.context["result"].visible, listed(own)) == (1, 1)
    assert agencies[0].name in own.content.decode()
    assert agencies[1].name not in own.content.decode()
    assert get(client, outsider, url).status_code == 404
    submitted = get(client, officer, records_url("assurance.section11_submitted"))
    assert listed(submitted) == found.submitted == 0


# --- governance ------------------------------------------------------------------------------


def test_governance_meetings_list_is_as_long_as_the_figure(
    client: Client, officer: User, member_readonly: User
) -> None:
    from safeguarding.governance.reporting import meetings_held
    from safeguarding.governance.tests.factories import MeetingFactory

    for day in (5, 40, 90):
        MeetingFactory.create(starts_at=in_year(day), ends_at=in_year(day) + timedelta(hours=2))
    MeetingFactory.create(
        starts_at=in_year(10), ends_at=in_year(10) + timedelta(hours=1), cancelled=True
    )
    total = sum(row.meetings for row in meetings_held(YEAR))
    assert total == 3
    response = get(client, officer, records_url("governance.meetings"))
    assert (response.context["result"].total, listed(response)) == (3, 3)
    assert get(client, member_readonly, records_url("governance.meetings")).status_code == 200


# --- the command and the signed-in pages ------------------------------------------------------


def test_command_prints_the_records_path_where_there_is_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("annual_report", "2020-21", "--figures")
    rows = {row["key"]: row for row in json.loads(capsys.readouterr().out)["figures"]}
    assert rows["child_deaths.notified"]["records"] == records_url("child_deaths.notified")
    assert rows["training.attended"]["records"] == records_url("training.attended")
    assert "records" not in rows["child_deaths.under_one_percent"]
    assert "records" not in rows["governance.funding_agreed"]
    for row in rows.values():
        assert {"key", "value", "definition"} <= set(row)


def test_every_record_list_is_a_catalogued_figure() -> None:
    keys = {figure.key for figure in catalogue.FIGURES}
    lists = catalogue.record_lists()
    assert set(lists) <= keys
    assert len(lists) >= 25


def test_preview_links_each_figure_to_its_definition(
    client: Client, officer: User, edition: Any, write_section: Callable[..., Any]
) -> None:

    first = edition.sections.order_by("position").first()
    write_section(
        edition, first.key, "We were told of {{ child_deaths.notified }} deaths.", hidden=False
    )
    client.force_login(officer)
    page = client.get(reverse("annual_reports:edition_preview", args=[edition.pk]))
    assert f'href="{definition_url("child_deaths.notified")}"' in page.content.decode()


# --- exploitation: children discussed at MACE are sensitive ------------------------------------


def test_children_discussed_scoped_to_the_mace_and_the_agency(
    client: Client,
    make_user: Callable[..., User],
    owner: User,
    member_readonly: User,
    outsider: User,
) -> None:
    from safeguarding.exploitation.reporting import child_figures
    from safeguarding.exploitation.tests.factories import MaceChildFactory, MappingGroupFactory
    from safeguarding.partnership.models import GroupMembership
    from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

    area, other_area = AreaFactory.create(), AreaFactory.create()
    agency = AgencyFactory.create()
    mace = MappingGroupFactory.create(area=area)
    member = make_user((Role.AGENCY_LEAD, AgencyFactory.create()))
    GroupMembership.objects.create(group=mace.group, person=member)
    ours = [MaceChildFactory.create(area=area) for _ in range(2)]
    theirs = MaceChildFactory.create(area=other_area)
    theirs.agencies.set([agency])
    for child in [*ours, theirs]:
        child.discussions.create(discussed_on=date(2020, 7, 1), risk_level="medium")
        child.discussions.create(discussed_on=date(2020, 10, 1), risk_level="low")
    earlier = MaceChildFactory.create(area=area)  # discussed only the year before
    earlier.discussions.create(discussed_on=date(2019, 7, 1), risk_level="high")
    assert child_figures(YEAR, exact=True).discussed == 3

    key = "exploitation.children_discussed"
    assert catalogue.figure_values(YEAR)[key].value == 3
    everyone = get(client, owner, records_url(key))
    assert (everyone.context["result"].total, listed(everyone)) == (3, 3)
    mace_view = get(client, member, records_url(key))
    assert (mace_view.context["result"].visible, listed(mace_view)) == (2, 2)
    assert theirs.pseudonym not in mace_view.content.decode()
    agency_view = get(client, make_user((Role.AGENCY_LEAD, agency)), records_url(key))
    assert listed(agency_view) == 1
    assert theirs.pseudonym in agency_view.content.decode()
    practitioner = make_user((Role.PRACTITIONER, agency))
    for user in (member_readonly, outsider, practitioner):
        assert get(client, user, records_url(key)).status_code == 404


def test_locations_mapped_list_is_as_long_as_the_figure(
    client: Client, member_readonly: User
) -> None:
    from safeguarding.exploitation.reporting import mapping_figures
    from safeguarding.exploitation.tests.factories import LocationConcernFactory, LocationFactory

    place = LocationFactory.create()
    LocationConcernFactory.create_batch(2, location=place)
    LocationConcernFactory.create()
    LocationConcernFactory.create(recorded_on=date(2019, 6, 1))
    assert mapping_figures(YEAR).locations_mapped == 2
    response = get(client, member_readonly, records_url("exploitation.locations_mapped"))
    assert (response.context["result"].total, listed(response)) == (2, 2)


def test_figure_list_shows_exact_counts_of_records_only_to_staff_and_those_who_may_see_them(
    client: Client, officer: User, member_readonly: User, edition: Any
) -> None:
    url = reverse("annual_reports:figure_list", args=[edition.pk])
    assert "Not shown" not in get(client, officer, url).content.decode()
    # Child deaths and MACE children: the scrutineer sees the values as published only.
    assert "Not shown" in get(client, member_readonly, url).content.decode()
