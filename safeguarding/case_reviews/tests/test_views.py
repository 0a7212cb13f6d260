"""Every page: allowed user, outsider (404), read-only user on a write (403), wrong method
(405); and the main journeys through the forms."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews.models import IncidentNotification, PracticeReview
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    NotifiedChildFactory,
    PracticeReviewFactory,
)
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 4, 20))]


def _notification_urls(n: IncidentNotification) -> dict[str, str]:
    rapid = n.rapid_review.pk
    return {
        "incident_notification_detail": reverse(
            "case_reviews:incident_notification_detail", args=[n.pk]
        ),
        "incident_notification_update": reverse(
            "case_reviews:incident_notification_update", args=[n.pk]
        ),
        "incident_notification_archive": reverse(
            "case_reviews:incident_notification_archive", args=[n.pk]
        ),
        "child_add": reverse("case_reviews:child_add", args=[n.pk]),
        "rapid_review_detail": reverse("case_reviews:rapid_review_detail", args=[rapid]),
        "rapid_review_update": reverse("case_reviews:rapid_review_update", args=[rapid]),
        "agency_request_create": reverse("case_reviews:agency_request_create", args=[rapid]),
        "rapid_review_learning_add": reverse(
            "case_reviews:rapid_review_learning_add", args=[rapid]
        ),
        "practice_review_commission": reverse(
            "case_reviews:practice_review_commission", args=[rapid]
        ),
    }


def _review_urls(r: PracticeReview) -> dict[str, str]:
    names = [
        "practice_review_detail",
        "practice_review_update",
        "practice_review_stage",
        "practice_review_target_revise",
        "practice_review_advance_copy",
        "practice_review_archive",
        "milestone_add",
        "finding_add",
        "recommendation_add",
        "practice_review_action_add",
        "dissemination_add",
    ]
    return {name: reverse(f"case_reviews:{name}", args=[r.pk]) for name in names}


READ_PAGES = {"incident_notification_detail", "rapid_review_detail", "practice_review_detail"}


def test_notification_pages_matrix(
    client: Client, officer: User, member_readonly: User, outsider: User
) -> None:
    notification = IncidentNotificationFactory.create()
    for name, url in _notification_urls(notification).items():
        matrix = ViewMatrix(client, url)
        matrix.form_checks(officer, outsider=outsider)
        if name in READ_PAGES:
            matrix.allowed(member_readonly)
            matrix.wrong_method(officer, "post")
        else:
            matrix.read_only_write(member_readonly)


def test_review_pages_matrix(
    client: Client, officer: User, member_readonly: User, outsider: User
) -> None:
    review = PracticeReviewFactory.create()
    for name, url in _review_urls(review).items():
        matrix = ViewMatrix(client, url)
        matrix.allowed(officer)
        matrix.outsider(outsider)
        matrix.wrong_method(officer, "put")
        if name in READ_PAGES:
            matrix.allowed(member_readonly)
        else:
            matrix.read_only_write(member_readonly)


@pytest.mark.parametrize(
    ("name", "read_only"),
    [
        ("case_review_home", True),
        ("practice_review_list", True),
        ("incident_notification_create", False),
        ("practice_review_create", False),
    ],
)
def test_list_and_add_pages_matrix(
    client: Client,
    officer: User,
    member_readonly: User,
    outsider: User,
    name: str,
    read_only: bool,
) -> None:
    matrix = ViewMatrix(client, reverse(f"case_reviews:{name}"))
    matrix.form_checks(officer, outsider=outsider)
    if read_only:
        matrix.allowed(member_readonly)
    else:
        matrix.read_only_write(member_readonly)


def test_identity_panel_matrix_and_view_logged(
    client: Client, panel_member: User, member_readonly: User, outsider: User
) -> None:
    child = NotifiedChildFactory.create(full_name="Synthetic Person")
    matrix = ViewMatrix(client, reverse("case_reviews:child_identity", args=[child.pk]))

    response = matrix.allowed(panel_member)
    matrix.outsider(outsider)
    matrix.outsider(member_readonly)  # the read-only roles never see identity: 404
    matrix.wrong_method(panel_member, "post")

    assert "Synthetic Person" in response.content.decode()
    assert ActivityEvent.objects.filter(
        verb="viewed", actor=panel_member, data__what="identity panel"
    ).exists()
    detail = client.get(
        reverse("case_reviews:incident_notification_detail", args=[child.notification_id])
    )
    assert panel_member.email in detail.content.decode()  # the "who has viewed" list


def test_scrutineer_summary_hides_children(client: Client, member_readonly: User) -> None:
    child = NotifiedChildFactory.create(pseudonym="Robin")
    client.force_login(member_readonly)

    page = client.get(
        reverse("case_reviews:incident_notification_detail", args=[child.notification_id])
    )

    assert "Robin" not in page.content.decode()


def test_agency_request_page_matrix(
    client: Client, agency_lead: User, agency: Agency, outsider: User, practitioner: User
) -> None:
    request = AgencyRequestFactory.create(agency=agency)
    matrix = ViewMatrix(client, reverse("case_reviews:agency_request_submit", args=[request.pk]))

    matrix.allowed(agency_lead)
    matrix.outsider(outsider)
    matrix.outsider(practitioner)
    matrix.wrong_method(agency_lead, "delete")
    matrix.allowed(
        agency_lead,
        method="post",
        data={"response": "Our chronology.", "version": request.version},
        status=302,
    )

    request.refresh_from_db()
    assert request.response == "Our chronology."
    assert request.submitted_by == agency_lead


def test_record_notification_then_empty_post_shows_errors(client: Client, officer: User) -> None:
    area = AreaFactory.create()
    client.force_login(officer)
    url = reverse("case_reviews:incident_notification_create")

    empty = client.post(url, {})
    done = client.post(
        url,
        {
            "area": area.pk,
            "incident_type": "death",
            **date_data("aware_on", "2021-04-01"),
            "summary": "",
        },
    )

    assert empty.status_code == 200
    assert "govuk-error-summary" in empty.content.decode()
    assert done.status_code == 302
    notification = IncidentNotification.objects.get()
    assert done["Location"] == reverse(
        "case_reviews:incident_notification_detail", args=[notification.pk]
    )


def test_second_editor_sees_what_changed(client: Client, officer: User, owner: User) -> None:
    notification = IncidentNotificationFactory.create(summary="Original")
    url = reverse("case_reviews:incident_notification_update", args=[notification.pk])
    base = {
        "area": notification.area_id,
        "incident_type": notification.incident_type,
        **date_data("aware_on", "2020-06-01"),
        **date_data("notified_on", "2020-06-03"),
        "version": notification.version,
    }
    client.force_login(owner)
    client.post(url, {**base, "summary": "First editor's words"})
    client.force_login(officer)

    response = client.post(url, {**base, "summary": "Second editor's words"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this record" in content
    assert "First editor" in content
    notification.refresh_from_db()
    assert notification.summary == "First editor's words"


def test_review_report_download_is_logged(client: Client, officer: User) -> None:
    from django.core.files.base import ContentFile

    review = PracticeReviewFactory.create(status="published", published_on=date(2021, 4, 1))
    review.final_report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic"))
    client.force_login(officer)

    response = client.get(
        reverse("case_reviews:practice_review_report_download", args=[review.pk])
    )

    assert response.status_code == 200
    assert ActivityEvent.objects.filter(verb="exported", data__what="final review report")


def test_review_report_download_404_without_a_report(client: Client, officer: User) -> None:
    review = PracticeReviewFactory.create()
    client.force_login(officer)

    response = client.get(
        reverse("case_reviews:practice_review_report_download", args=[review.pk])
    )

    assert response.status_code == 404


def test_viewing_case_pages_is_recorded(client: Client, member_readonly: User) -> None:
    review = PracticeReviewFactory.create()
    notification = IncidentNotificationFactory.create()
    client.force_login(member_readonly)

    client.get(reverse("case_reviews:practice_review_detail", args=[review.pk]))
    client.get(reverse("case_reviews:incident_notification_detail", args=[notification.pk]))

    views = ActivityEvent.objects.filter(verb="viewed", actor=member_readonly)
    assert {e.target_label for e in views} == {
        review.activity_label,
        notification.activity_label,
    }


def _queries_for(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_home_and_review_list_queries_do_not_grow_with_records(
    client: Client, officer: User
) -> None:
    client.force_login(officer)
    for _ in range(2):
        IncidentNotificationFactory.create(notified_on=None)
        PracticeReviewFactory.create()
        AgencyRequestFactory.create()
    urls = [reverse("case_reviews:case_review_home"), reverse("case_reviews:practice_review_list")]
    before = [_queries_for(client, url) for url in urls]

    for _ in range(4):
        IncidentNotificationFactory.create(notified_on=None)
        PracticeReviewFactory.create()
        AgencyRequestFactory.create()

    assert [_queries_for(client, url) for url in urls] == before


def test_milestone_done_matrix(
    client: Client, officer: User, member_readonly: User, outsider: User
) -> None:
    from safeguarding.case_reviews.models import Milestone

    milestone = Milestone.objects.create(
        review=PracticeReviewFactory.create(), title="Practice event"
    )
    matrix = ViewMatrix(client, reverse("case_reviews:milestone_complete", args=[milestone.pk]))

    matrix.outsider(outsider, method="post")
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(officer, "put")
    confirm = matrix.allowed(officer)  # the confirmation page: it cannot be undone
    matrix.allowed(officer, method="post", status=302)

    assert "cannot be reopened" in confirm.content.decode()
    milestone.refresh_from_db()
    assert milestone.done_on == date(2021, 4, 20)
    client.force_login(officer)
    assert (
        client.get(reverse("case_reviews:milestone_complete", args=[milestone.pk])).status_code
        == 403
    )


def test_second_target_revision_sees_the_first(client: Client, officer: User, owner: User) -> None:
    review = PracticeReviewFactory.create()
    url = reverse("case_reviews:practice_review_target_revise", args=[review.pk])
    stale = review.version
    client.force_login(owner)
    client.post(
        url, {**date_data("new_target_on", "2021-09-30"), "reason": "Court", "version": stale}
    )
    client.force_login(officer)

    response = client.post(
        url, {**date_data("new_target_on", "2021-12-31"), "reason": "Mine", "version": stale}
    )

    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    review.refresh_from_db()
    assert review.target_on == date(2021, 9, 30)


def test_review_edit_changes_details_and_agencies(
    client: Client, officer: User, agency: Agency
) -> None:
    review = PracticeReviewFactory.create(title="Kite")
    client.force_login(officer)

    response = client.post(
        reverse("case_reviews:practice_review_update", args=[review.pk]),
        {"title": "Kite", "key_message": "Check twice.", "agencies": [agency.pk], "version": 1},
    )

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.key_message == "Check twice."
    assert list(review.agencies.all()) == [agency]


def test_unpublished_final_report_is_for_the_case_team_only(
    client: Client, officer: User, member_readonly: User
) -> None:
    from django.core.files.base import ContentFile

    review = PracticeReviewFactory.create(status="not_published")
    review.final_report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic draft"))
    url = reverse("case_reviews:practice_review_report_download", args=[review.pk])
    client.force_login(member_readonly)
    assert client.get(url).status_code == 404  # may identify the child: not de-identified
    client.force_login(officer)
    assert client.get(url).status_code == 200


def test_published_final_report_is_open_to_read_only_roles(
    client: Client, member_readonly: User
) -> None:
    from django.core.files.base import ContentFile

    review = PracticeReviewFactory.create(
        status="published", published_on=date(2021, 4, 1), final_report_for_publication=True
    )
    review.final_report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic"))
    client.force_login(member_readonly)
    url = reverse("case_reviews:practice_review_report_download", args=[review.pk])
    assert client.get(url).status_code == 200
