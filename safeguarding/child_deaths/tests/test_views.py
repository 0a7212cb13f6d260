"""Every child death view: allowed user, outsider (404), read-only user on a write (403), wrong
method (405), plus what each page is for. Case pages are scoped: a panel member of another
meeting gets 404; agency contacts see only their own requests."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.child_deaths import selectors, services, verbs
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    DeathCategory,
    InformationRequest,
    NationalComparator,
    PanelReview,
    ReviewMeeting,
)
from safeguarding.child_deaths.tests.factories import (
    information_request_make,
    meeting_make,
    nhs_number_make,
    notification_make,
)
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(make_user: Callable[..., User]) -> User:
    return make_user(Role.CDOP_MANAGER)


@pytest.fixture
def panel(make_user: Callable[..., User]) -> User:
    return make_user(Role.CDOP_PANEL)


@pytest.fixture
def case() -> ChildDeathNotification:
    return notification_make(child_name="Quillon Testchild", date_of_death=date(2020, 6, 1))


@pytest.fixture
def panel_case(panel: User, case: ChildDeathNotification) -> ChildDeathNotification:
    """`case` on the agenda of a meeting `panel` is a member of."""
    meeting_make(members=[panel], cases=[case])
    return case


# --- figures: anyone with a role ------------------------------------------------------


def test_dashboard_matrix(client: Client, member_readonly: User, outsider: User) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:dashboard") + "?year=2020-21")
    response = matrix.allowed(member_readonly)
    assert "Learning from child deaths, 2020-21" in response.content.decode()
    assert "Cases</a>" not in response.content.decode()
    matrix.outsider(outsider)
    matrix.wrong_method(member_readonly, "post")


def test_dashboard_shows_no_identifying_details(
    client: Client, member_readonly: User, case: ChildDeathNotification
) -> None:
    client.force_login(member_readonly)
    body = client.get(reverse("child_deaths:dashboard") + "?year=2020-21").content.decode()
    assert "the deaths of 1 child were notified" in body
    assert "1 death this panel reviews is waiting for a completed review" in body
    assert "Quillon" not in body
    assert case.reference not in body


def test_comparator_create_matrix(
    client: Client, manager: User, member_readonly: User, outsider: User
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:comparator_create"))
    matrix.allowed(manager)
    data = {"reporting_year": "2020-21", "measure": "under_one", "percent": "63", "source": "NCMD"}
    response = matrix.allowed(manager, method="post", data=data, status=302)
    assert response["Location"].endswith("?year=2020-21")
    assert NationalComparator.objects.get().percent == 63
    matrix.outsider(outsider)
    matrix.read_only_write(member_readonly, data=data)
    matrix.wrong_method(manager)


def test_comparator_create_shows_errors(client: Client, manager: User) -> None:
    client.force_login(manager)
    response = client.post(reverse("child_deaths:comparator_create"), {})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert not NationalComparator.objects.exists()


# --- cases ----------------------------------------------------------------------------


def test_case_list_matrix(
    client: Client,
    manager: User,
    panel_case: ChildDeathNotification,
    outsider: User,
    member_readonly: User,
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:notification_list"))
    assert panel_case.reference in matrix.allowed(manager).content.decode()
    matrix.outsider(outsider)
    matrix.outsider(member_readonly)
    matrix.wrong_method(manager, "post")


def test_case_list_for_panel_member_shows_only_their_meetings_cases(
    client: Client, panel: User, panel_case: ChildDeathNotification
) -> None:
    other = notification_make()
    client.force_login(panel)
    body = client.get(reverse("child_deaths:notification_list")).content.decode()
    assert panel_case.reference in body
    assert other.reference not in body


def _notify_data(**overrides: str) -> dict[str, str]:
    area = AreaFactory.create()
    data = {
        "kind_of_loss": "live_born",
        "child_name": "Rowan Testchild",
        **date_data("date_of_birth", "2019-05-04"),
        "nhs_number": nhs_number_make(),
        "sex": "male",
        "residence_area": str(area.pk),
        "reviewed_by_this_panel": "on",
        **date_data("date_of_death", "2020-06-01"),
        "place_of_death": "hospital",
        "expectation": "unexpected",
        **date_data("notified_on", "2020-06-02"),
        "notified_by": "Designated doctor (test)",
    }
    data.update(overrides)
    return data


def test_notification_create_matrix(
    client: Client, manager: User, panel: User, outsider: User
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:notification_create"))
    matrix.allowed(manager)
    response = matrix.allowed(manager, method="post", data=_notify_data(), status=302)
    case = ChildDeathNotification.objects.get()
    assert response["Location"] == reverse("child_deaths:notification_detail", args=[case.pk])
    matrix.outsider(outsider)
    matrix.read_only_write(panel, data=_notify_data())
    matrix.wrong_method(manager)


def test_notification_create_flags_duplicate_and_saves_nothing(
    client: Client, manager: User
) -> None:
    first = notification_make(
        nhs_number="", child_name="Rowan Testchild", date_of_birth=date(2019, 5, 4)
    )
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:notification_create"), _notify_data(nhs_number="")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert f"This looks like a child already notified ({first.reference})" in body
    assert ChildDeathNotification.objects.count() == 1
    response = client.post(
        reverse("child_deaths:notification_create"),
        _notify_data(
            nhs_number="",
            confirmed_not_duplicate="on",
            duplicate_of=first.reference,
            duplicate_override_reason="A twin, confirmed with the notifier.",
        ),
    )
    assert response.status_code == 302
    assert ChildDeathNotification.objects.count() == 2


def test_notification_create_refuses_stillbirth_with_explanation(
    client: Client, manager: User
) -> None:
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:notification_create"), _notify_data(kind_of_loss="stillbirth")
    )
    assert "Stillbirths are not reviewed" in response.content.decode()
    assert not ChildDeathNotification.objects.exists()


def test_notification_create_rejects_bad_nhs_number(client: Client, manager: User) -> None:
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:notification_create"), _notify_data(nhs_number="9434765918")
    )
    assert "Enter a valid NHS number" in response.content.decode()
    assert not ChildDeathNotification.objects.exists()


def test_case_detail_matrix_and_view_is_logged(
    client: Client,
    manager: User,
    panel: User,
    case: ChildDeathNotification,
    outsider: User,
    member_readonly: User,
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:notification_detail", args=[case.pk]))
    assert "Quillon Testchild" in matrix.allowed(manager).content.decode()
    assert ActivityEvent.objects.filter(
        verb="viewed", actor=manager, target_id=str(case.pk)
    ).exists()
    matrix.outsider(outsider)
    matrix.outsider(member_readonly)
    matrix.outsider(panel)  # not on any of their meetings
    matrix.wrong_method(manager, "post")


def test_panel_member_of_another_meeting_gets_404(
    client: Client, make_user: Callable[..., User], panel: User, panel_case: ChildDeathNotification
) -> None:
    other_member = make_user(Role.CDOP_PANEL)
    meeting_make(members=[other_member], cases=[notification_make()])
    for name in ("notification_detail", "review_update"):
        url = reverse(f"child_deaths:{name}", args=[panel_case.pk])
        ViewMatrix(client, url).outsider(other_member)
        ViewMatrix(client, url).allowed(panel)


def test_delay_matrix(
    client: Client, manager: User, panel: User, panel_case: ChildDeathNotification, outsider: User
) -> None:
    url = reverse("child_deaths:notification_delay", args=[panel_case.pk])
    matrix = ViewMatrix(client, url)
    matrix.allowed(manager)
    data = {"delay_reason": "inquest", "delay_note": "", "version": str(panel_case.version)}
    matrix.allowed(manager, method="post", data=data, status=302)
    assert ChildDeathNotification.objects.get(pk=panel_case.pk).delay_reason == "inquest"
    matrix.outsider(outsider)
    matrix.read_only_write(panel, data=data)
    matrix.wrong_method(manager)


def test_delay_stale_edit_shows_conflict(
    client: Client, manager: User, case: ChildDeathNotification
) -> None:
    services.notification_delay_update(
        actor=None, notification=case, expected_version=None, delay_reason="post_mortem"
    )
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:notification_delay", args=[case.pk]),
        {"delay_reason": "inquest", "version": "1"},
    )
    assert "Someone else saved this record" in response.content.decode()
    assert ChildDeathNotification.objects.get(pk=case.pk).delay_reason == "post_mortem"


# --- information requests -------------------------------------------------------------


@pytest.fixture
def agency_request(case: ChildDeathNotification) -> InformationRequest:
    return information_request_make(
        notification=case, contact_name="Demo Contact", contact_email="contact@agency.example"
    )


def test_request_create_matrix(
    client: Client, manager: User, panel: User, panel_case: ChildDeathNotification, outsider: User
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:request_create", args=[panel_case.pk]))
    matrix.allowed(manager)
    agency = AgencyFactory.create()
    data = {"agency": str(agency.pk), "contact_name": "A", "contact_email": "a@x.example"}
    matrix.allowed(manager, method="post", data=data, status=302)
    assert InformationRequest.objects.get().agency == agency
    matrix.outsider(outsider)
    matrix.read_only_write(panel, data=data)
    matrix.wrong_method(manager)


def test_request_list_shows_agency_leads_only_their_requests(
    client: Client, make_user: Callable[..., User], agency_request: InformationRequest
) -> None:
    other = information_request_make(contact_name="B", contact_email="b@x.example")
    lead = make_user((Role.AGENCY_LEAD, agency_request.agency))
    matrix = ViewMatrix(client, reverse("child_deaths:request_list"))
    body = matrix.allowed(lead).content.decode()
    assert agency_request.notification.reference in body
    assert other.notification.reference not in body
    matrix.outsider(make_user(Role.SCRUTINEER))
    matrix.wrong_method(lead, "post")


def test_request_return_matrix(
    client: Client,
    make_user: Callable[..., User],
    agency_request: InformationRequest,
    outsider: User,
) -> None:
    lead = make_user((Role.AGENCY_LEAD, agency_request.agency))
    other_lead = make_user((Role.AGENCY_LEAD, AgencyFactory.create()))
    matrix = ViewMatrix(client, reverse("child_deaths:request_return", args=[agency_request.pk]))
    matrix.allowed(lead)
    assert ActivityEvent.objects.filter(
        verb="viewed", actor=lead, target_id=str(agency_request.pk)
    ).exists()
    data = {"information": "Synthetic details.", "form_version": "v2021", "version": "1"}
    matrix.allowed(lead, method="post", data=data, status=302)
    agency_request.refresh_from_db()
    assert agency_request.status == InformationRequest.Status.RETURNED
    assert agency_request.form_version == "v2021"
    matrix.outsider(other_lead)
    matrix.outsider(outsider)
    matrix.wrong_method(lead)


def test_request_remind_matrix(
    client: Client,
    manager: User,
    make_user: Callable[..., User],
    agency_request: InformationRequest,
    outsider: User,
) -> None:
    url = reverse("child_deaths:request_remind", args=[agency_request.pk])
    matrix = ViewMatrix(client, url)
    matrix.allowed(manager, method="post", status=302)
    agency_request.refresh_from_db()
    assert agency_request.reminders_sent == 1
    matrix.outsider(outsider, method="post")
    lead = make_user((Role.AGENCY_LEAD, agency_request.agency))
    matrix.outsider(lead, method="post")  # the lead cannot open the case itself
    matrix.wrong_method(manager, "get")


# --- meetings -------------------------------------------------------------------------


def test_meeting_list_and_detail_matrix(
    client: Client,
    manager: User,
    panel: User,
    make_user: Callable[..., User],
    panel_case: ChildDeathNotification,
    outsider: User,
) -> None:
    meeting = ReviewMeeting.objects.get()
    ReviewMeeting.objects.filter(pk=meeting.pk).update(papers="")
    other_member = make_user(Role.CDOP_PANEL)
    listing = ViewMatrix(client, reverse("child_deaths:meeting_list"))
    assert meeting.title in listing.allowed(panel).content.decode()
    assert meeting.title not in listing.allowed(other_member).content.decode()
    listing.outsider(outsider)
    listing.wrong_method(panel, "post")
    detail = ViewMatrix(client, reverse("child_deaths:meeting_detail", args=[meeting.pk]))
    assert panel_case.reference in detail.allowed(panel).content.decode()
    detail.allowed(manager)
    detail.outsider(other_member)
    detail.outsider(outsider)
    detail.wrong_method(panel, "post")
    assert ActivityEvent.objects.filter(verb="viewed", target_id=str(meeting.pk)).count() == 2


def test_meeting_create_matrix(
    client: Client, manager: User, panel: User, case: ChildDeathNotification, outsider: User
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:meeting_create"))
    matrix.allowed(manager)
    data = {
        "kind": "panel",
        "title": "Panel, March",
        **date_data("held_on", "2021-03-18"),
        "members": [str(panel.pk)],
        "cases": [str(case.pk)],
        "papers": "Synthetic papers",
    }
    matrix.allowed(manager, method="post", data=data, status=302)
    meeting = ReviewMeeting.objects.get()
    assert list(meeting.members.all()) == [panel]
    assert list(meeting.cases.all()) == [case]
    matrix.outsider(outsider)
    matrix.read_only_write(panel, data=data)
    matrix.wrong_method(manager)


# --- panel review, learning and actions -----------------------------------------------


@time_machine.travel(date(2021, 3, 1), tick=False)
def test_review_update_matrix(
    client: Client, manager: User, panel: User, panel_case: ChildDeathNotification, outsider: User
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:review_update", args=[panel_case.pk]))
    matrix.allowed(manager)
    category = DeathCategory.objects.get(number=10)
    data = {
        "category": str(category.pk),
        "modifiable": "yes",
        "modifiable_factors": "Unsafe sleep",
        **date_data("completed_on", "2021-02-01"),
        "version": "1",
        "child_grading": "1",
        "family_grading": "2",
        "family_description": "Co-sleeping",
    }
    matrix.allowed(panel, method="post", data=data, status=302)  # panel members record reviews
    review = PanelReview.objects.get()
    assert review.modifiable == "yes"
    assert {f.domain: f.grading for f in review.factors.all()} == {"child": "1", "family": "2"}
    matrix.outsider(outsider)
    matrix.wrong_method(manager)


def test_review_update_shows_errors_and_saves_nothing(
    client: Client, manager: User, case: ChildDeathNotification
) -> None:
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:review_update", args=[case.pk]),
        {**date_data("completed_on", "2021-02-01"), "modifiable": "yes", "version": "1"},
    )
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Choose the category of death" in body
    assert not PanelReview.objects.exists()


@pytest.fixture
def reviewed(panel_case: ChildDeathNotification) -> PanelReview:
    return services.panel_review_save(
        actor=None, notification=panel_case, expected_version=None, category=None, modifiable=""
    )


def test_learning_create_matrix(
    client: Client,
    manager: User,
    panel: User,
    reviewed: PanelReview,
    outsider: User,
    member_readonly: User,
) -> None:
    case = reviewed.notification
    matrix = ViewMatrix(client, reverse("child_deaths:learning_create", args=[case.pk]))
    matrix.allowed(panel)
    theme = Theme.objects.get(name="Safer sleeping")
    data = {
        "title": "Repeat safer sleeping advice",
        "summary": "At every contact.",
        "themes": [str(theme.pk)],
        **date_data("recorded_on", "2021-03-01"),
    }
    matrix.allowed(manager, method="post", data=data, status=302)
    point = LearningPoint.objects.get()
    assert point.source == reviewed
    matrix.outsider(outsider)
    matrix.outsider(member_readonly)
    matrix.wrong_method(manager)


def test_learning_create_404_before_any_review(
    client: Client, manager: User, case: ChildDeathNotification
) -> None:
    ViewMatrix(client, reverse("child_deaths:learning_create", args=[case.pk])).outsider(manager)


def test_panel_review_action_add_matrix(
    client: Client, manager: User, panel: User, reviewed: PanelReview, outsider: User
) -> None:
    case = reviewed.notification
    matrix = ViewMatrix(client, reverse("child_deaths:panel_review_action_add", args=[case.pk]))
    matrix.allowed(panel)
    agency = AgencyFactory.create()
    data = {
        "description": "Refresh the leaflet",
        "owner_agency": str(agency.pk),
        **date_data("due_date", "2021-06-30"),
    }
    matrix.allowed(manager, method="post", data=data, status=302)
    body = matrix.allowed(manager).content.decode()
    assert "govuk-error-summary" not in body
    detail = ViewMatrix(client, reverse("child_deaths:notification_detail", args=[case.pk]))
    assert "Refresh the leaflet" in detail.allowed(manager).content.decode()
    matrix.outsider(outsider)
    matrix.wrong_method(manager)


# --- national export ------------------------------------------------------------------


def _documented_fields() -> list[str]:
    doc = (Path(settings.BASE_DIR) / "docs" / "modules" / "child_deaths.md").read_text()
    section = doc.split("## National data export layout", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_0-9]+)` \|", section, flags=re.MULTILINE)


def test_export_layout_is_documented_exactly() -> None:
    assert _documented_fields() == selectors.NATIONAL_EXPORT_FIELDS


@time_machine.travel(date(2021, 3, 1), tick=False)
def test_national_export_csv_has_exactly_the_documented_layout(
    client: Client,
    manager: User,
    panel: User,
    panel_case: ChildDeathNotification,
    outsider: User,
    member_readonly: User,
) -> None:
    services.panel_review_save(
        actor=None,
        notification=panel_case,
        expected_version=None,
        category=DeathCategory.objects.get(number=9),
        modifiable="no",
        completed_on=date(2021, 2, 1),
        factors={"services": services.DomainFactor("0")},
    )
    matrix = ViewMatrix(client, reverse("child_deaths:national_export") + "?year=2020-21")
    response = matrix.allowed(manager)
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == _documented_fields()
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["case_reference"] == panel_case.reference
    assert record["nhs_number"] == panel_case.nhs_number
    assert record["category_of_death"] == "9"
    assert record["modifiable_factors"] == "no"
    assert record["domain_services_grading"] == "0"
    assert record["timeliness_band"] == "6_to_12"
    assert record["joint_agency_response"] == "false"
    event = ActivityEvent.objects.get(verb="exported")
    assert event.data == {"what": "child_deaths.national_export", "rows": 1, "format": "csv"}
    matrix.outsider(panel)
    matrix.outsider(member_readonly)
    matrix.outsider(outsider)
    matrix.wrong_method(manager, "post")


def test_national_export_json_has_the_same_fields(
    client: Client, manager: User, case: ChildDeathNotification
) -> None:
    client.force_login(manager)
    response = client.get(reverse("child_deaths:national_export") + "?format=json")
    payload = json.loads(response.content)
    assert payload["fields"] == _documented_fields()
    assert [list(r) for r in payload["records"]] == [_documented_fields()]
    assert payload["records"][0]["case_reference"] == case.reference


def test_national_export_bad_year_is_a_clear_400(client: Client, manager: User) -> None:
    client.force_login(manager)
    response = client.get(reverse("child_deaths:national_export") + "?year=twenty")
    assert response.status_code == 400


def test_meeting_update_matrix_and_agenda_change(
    client: Client, manager: User, panel: User, panel_case: ChildDeathNotification, outsider: User
) -> None:
    meeting = ReviewMeeting.objects.get()
    added = notification_make()
    matrix = ViewMatrix(client, reverse("child_deaths:meeting_update", args=[meeting.pk]))
    matrix.allowed(manager)
    data = {
        "kind": "panel",
        "title": "Panel, renamed",
        **date_data("held_on", "2021-03-19"),
        "members": [str(panel.pk)],
        "cases": [str(panel_case.pk), str(added.pk)],
        "papers": "New papers",
        "version": str(meeting.version),
    }
    matrix.allowed(manager, method="post", data=data, status=302)
    meeting.refresh_from_db()
    assert meeting.title == "Panel, renamed"
    assert set(meeting.cases.all()) == {panel_case, added}
    assert ActivityEvent.objects.filter(verb=verbs.REVIEW_MEETING_AGENDA_SET).exists()
    matrix.read_only_write(panel, data=data)  # a member may read the meeting, not change it
    matrix.outsider(outsider)
    matrix.wrong_method(manager)
    # The stale version is refused and nothing changes.
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:meeting_update", args=[meeting.pk]), {**data, "title": "Stale"}
    )
    assert "Someone else saved this record" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Panel, renamed"


def test_notification_update_matrix(
    client: Client, manager: User, panel: User, panel_case: ChildDeathNotification, outsider: User
) -> None:
    matrix = ViewMatrix(client, reverse("child_deaths:notification_update", args=[panel_case.pk]))
    body = matrix.allowed(manager).content.decode()
    assert 'value="Quillon Testchild"' in body
    assert "What is being notified?" not in body
    assert ActivityEvent.objects.filter(
        verb="viewed",
        actor=manager,
        target_id=str(panel_case.pk),
        data={"what": "notification form"},
    ).exists()
    data = _notify_data(child_name="Quillan Testchild", version=str(panel_case.version))
    data.pop("kind_of_loss")
    matrix.allowed(manager, method="post", data=data, status=302)
    assert ChildDeathNotification.objects.get(pk=panel_case.pk).child_name == "Quillan Testchild"
    matrix.outsider(outsider)
    matrix.read_only_write(panel, data=data)
    matrix.wrong_method(manager)


def test_notification_archive_matrix_and_leaves_lists_and_figures(
    client: Client, manager: User, panel: User, panel_case: ChildDeathNotification, outsider: User
) -> None:
    from safeguarding.child_deaths import reporting
    from safeguarding.core.years import ReportingYear

    matrix = ViewMatrix(client, reverse("child_deaths:notification_archive", args=[panel_case.pk]))
    matrix.allowed(manager)
    body = matrix.allowed(manager, method="post", data={}).content.decode()
    assert (
        "Enter why this notification is being archived." in body or "govuk-error-summary" in body
    )
    assert not ChildDeathNotification.objects.get(pk=panel_case.pk).is_archived
    matrix.read_only_write(panel, data={"reason": "Notified in error", "confirmed": "on"})
    unconfirmed = matrix.allowed(manager, method="post", data={"reason": "Notified in error"})
    assert "Confirm that you want to archive this notification." in unconfirmed.content.decode()
    assert not ChildDeathNotification.objects.get(pk=panel_case.pk).is_archived
    matrix.allowed(
        manager,
        method="post",
        data={"reason": "Notified in error", "confirmed": "on"},
        status=302,
    )
    archived = ChildDeathNotification.objects.get(pk=panel_case.pk)
    assert archived.archived_by == manager
    assert archived.archived_reason == "Notified in error"
    assert not selectors.notification_list_for_user(user=manager).exists()
    assert reporting.figures_for_year(ReportingYear.parse("2020-21")).notified == 0
    matrix.outsider(outsider)
    matrix.wrong_method(manager)


def test_dashboard_opens_on_the_latest_year_with_records_and_explains_a_bad_year(
    client: Client, member_readonly: User, case: ChildDeathNotification
) -> None:
    client.force_login(member_readonly)
    body = client.get(reverse("child_deaths:dashboard")).content.decode()
    assert "Learning from child deaths, 2020-21" in body  # the case was notified in June 2020
    body = client.get(reverse("child_deaths:dashboard") + "?year=twenty").content.decode()
    assert "govuk-error-summary" in body
    assert "is not a reporting year" in body
    assert "Learning from child deaths, 2020-21" in body
