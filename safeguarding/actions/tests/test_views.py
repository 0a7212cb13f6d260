from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.actions import services
from safeguarding.actions.cards import my_actions_card
from safeguarding.actions.models import Action, ActionPlanReview, ActionUpdate
from safeguarding.actions.tests.conftest import TODAY
from safeguarding.actions.tests.factories import ActionFactory, ActionPlanFactory, edit_fields
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, date_data, response_bytes
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db


def _url(name: str, *args: Any) -> str:
    return reverse(f"actions:{name}", args=args)


# --- lists ---------------------------------------------------------------------------


def test_action_list_matrix(client: Client, owner: User, outsider: User) -> None:
    matrix = ViewMatrix(client, _url("action_list"))
    ActionFactory.create(description="Synthetic briefing action")

    response = matrix.allowed(owner)
    assert "Synthetic briefing action" in response.content.decode()
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")
    matrix.anonymous_redirected()


def test_action_list_shows_rag_tag_with_text_and_filters(
    client: Client, owner: User, frozen: Any
) -> None:
    ActionFactory.create(description="Late action", due_date=TODAY - timedelta(days=1))
    ActionFactory.create(description="Fine action", due_date=TODAY + timedelta(days=10))
    client.force_login(owner)

    everything = client.get(_url("action_list")).content.decode()
    overdue_only = client.get(_url("action_list"), {"overdue": "yes"}).content.decode()

    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in everything
    assert '<strong class="govuk-tag govuk-tag--green">On track</strong>' in everything
    assert "Late action" in overdue_only
    assert "Fine action" not in overdue_only
    assert "overdue=yes" in overdue_only  # the export links keep the filter


def test_action_list_is_paginated(client: Client, owner: User) -> None:
    ActionFactory.create_batch(51)
    client.force_login(owner)

    response = client.get(_url("action_list"), {"page": 2})

    assert len(response.context["page_obj"]) == 1
    assert response.context["page_obj"].paginator.count == 51


def test_action_list_for_agency_lead_hides_other_agencies(
    client: Client, lead_a: User, agency_a: Agency, agency_b: Agency
) -> None:
    ActionFactory.create(owner_agency=agency_a, description="Ours to do")
    ActionFactory.create(owner_agency=agency_b, description="Theirs to do")
    client.force_login(lead_a)

    content = client.get(_url("action_list")).content.decode()

    assert "Ours to do" in content
    assert "Theirs to do" not in content


def test_action_plan_list_matrix(client: Client, member_readonly: User, outsider: User) -> None:
    plan = ActionPlanFactory.create(title="Synthetic audit plan")
    ActionFactory.create(plan=plan)
    matrix = ViewMatrix(client, _url("action_plan_list"))

    assert "Synthetic audit plan" in matrix.allowed(member_readonly).content.decode()
    matrix.outsider(outsider)
    matrix.wrong_method(member_readonly, "post")


# --- export --------------------------------------------------------------------------


def test_export_is_scoped_and_logged(
    client: Client, lead_a: User, agency_a: Agency, agency_b: Agency, frozen: Any
) -> None:
    ActionFactory.create(
        owner_agency=agency_a, description="Ours", due_date=TODAY - timedelta(days=1)
    )
    ActionFactory.create(owner_agency=agency_b, description="Theirs")
    client.force_login(lead_a)

    response = client.get(_url("action_export"), {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response_bytes(response).decode())))
    assert len(rows) == 2
    assert rows[1][2] == "Ours"
    assert rows[1][7] == "Overdue"
    event = ActivityEvent.objects.get(verb="exported")
    assert event.actor == lead_a
    assert event.kind == ActivityEvent.Kind.EXPORT
    assert event.data == {"what": "actions", "rows": 1, "format": "csv"}


def test_export_xlsx_and_matrix(client: Client, owner: User, outsider: User) -> None:
    ActionFactory.create()
    matrix = ViewMatrix(client, _url("action_export") + "?format=xlsx")

    response = matrix.allowed(owner)
    assert response_bytes(response)[:2] == b"PK"
    assert ActivityEvent.objects.get(verb="exported").data["format"] == "xlsx"
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")


def test_export_unknown_format_is_404(client: Client, owner: User) -> None:
    client.force_login(owner)
    assert client.get(_url("action_export"), {"format": "pdf"}).status_code == 404


# --- plan detail and review ----------------------------------------------------------


def test_plan_detail_matrix_and_review_section(
    client: Client, member_readonly: User, outsider: User, frozen: Any
) -> None:
    plan = ActionPlanFactory.create(title="Synthetic QEG plan", next_review_due=TODAY)
    ActionFactory.create(plan=plan, description="Late one", due_date=TODAY - timedelta(days=3))
    ActionFactory.create(plan=plan, description="Soon one", due_date=TODAY)
    matrix = ViewMatrix(client, _url("action_plan_detail", plan.pk))

    response = matrix.allowed(member_readonly)
    content = response.content.decode()
    context = response.context
    assert [a.description for a in context["overdue"]] == ["Late one"]
    assert [a.description for a in context["due_for_review"]] == ["Soon one"]
    assert "Review due" in content
    assert "Record a review" not in content  # read-only: no form
    matrix.outsider(outsider)
    matrix.wrong_method(member_readonly, "post")


def test_review_record_matrix(
    client: Client, owner: User, member_readonly: User, outsider: User, frozen: Any
) -> None:
    plan = ActionPlanFactory.create()
    matrix = ViewMatrix(client, _url("action_plan_review_record", plan.pk))
    data = {**date_data("reviewed_on", TODAY), "notes": "Reviewed at QEG."}

    response = matrix.action_checks(
        owner, outsider=outsider, read_only=[member_readonly], data=data
    )

    assert response["Location"] == _url("action_plan_detail", plan.pk)
    review = ActionPlanReview.objects.get()
    assert (review.plan, review.reviewed_by, review.notes) == (plan, owner, "Reviewed at QEG.")


def test_review_record_shows_errors_on_the_plan_page(
    client: Client, owner: User, frozen: Any
) -> None:
    plan = ActionPlanFactory.create()
    client.force_login(owner)

    response = client.post(
        _url("action_plan_review_record", plan.pk),
        date_data("reviewed_on", TODAY + timedelta(days=1)),
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "The date of the review must be today or earlier." in content
    assert ActionPlanReview.objects.count() == 0


# --- add and change ------------------------------------------------------------------


def test_action_create_matrix(
    client: Client,
    owner: User,
    member_readonly: User,
    outsider: User,
    agency_a: Agency,
    frozen: Any,
) -> None:
    plan = ActionPlanFactory.create()
    matrix = ViewMatrix(client, _url("action_create", plan.pk))
    data = {
        "description": "Synthetic new action",
        "owner_agency": agency_a.pk,
        **date_data("due_date", "2025-09-30"),
    }

    assert "govuk-error-summary" not in matrix.allowed(owner).content.decode()
    matrix.read_only_write(member_readonly, data=data)
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "delete")
    matrix.allowed(owner, method="post", data=data, status=302)

    action = Action.objects.get()
    assert (action.plan, action.number, action.owner_agency) == (plan, 1, agency_a)


def test_action_create_shows_error_summary(client: Client, owner: User) -> None:
    plan = ActionPlanFactory.create()
    client.force_login(owner)

    response = client.post(_url("action_create", plan.pk), {})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_agency_lead_may_not_add_actions(client: Client, lead_a: User, agency_a: Agency) -> None:
    plan = ActionFactory.create(owner_agency=agency_a).plan
    client.force_login(lead_a)

    response = client.post(_url("action_create", plan.pk), {"description": "x"})

    assert response.status_code == 403


def test_action_detail_matrix(
    client: Client, lead_a: User, lead_b: User, agency_a: Agency, outsider: User
) -> None:
    action = ActionFactory.create(owner_agency=agency_a, description="Synthetic detail action")
    ActionUpdate.objects.create(
        action=action,
        author=lead_a,
        note="Synthetic note",
        status_before=Action.Status.NOT_STARTED,
        status_after=Action.Status.ON_TRACK,
    )
    matrix = ViewMatrix(client, _url("action_detail", action.pk))

    content = matrix.allowed(lead_a).content.decode()
    assert "Synthetic detail action" in content
    assert "Synthetic note" in content
    assert "Add a progress update" in content
    assert "Change details" not in content
    matrix.outsider(lead_b)  # another agency's lead
    matrix.outsider(outsider)
    matrix.wrong_method(lead_a, "post")


def test_action_update_matrix(
    client: Client,
    owner: User,
    member_readonly: User,
    outsider: User,
    lead_a: User,
    agency_a: Agency,
) -> None:
    action = ActionFactory.create(owner_agency=agency_a, due_date=TODAY)
    matrix = ViewMatrix(client, _url("action_update", action.pk))
    data = {
        "description": "Reworded",
        "owner_agency": agency_a.pk,
        **date_data("due_date", "2025-10-31"),
        "version": action.version,
    }

    matrix.allowed(owner)
    matrix.read_only_write(member_readonly, data=data)
    matrix.read_only_write(lead_a, data=data)  # leads record progress, not details
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "delete")
    matrix.allowed(owner, method="post", data=data, status=302)

    action.refresh_from_db()
    assert (action.description, action.due_date.isoformat()) == ("Reworded", "2025-10-31")


def test_action_update_stale_edit_shows_conflict(
    client: Client, owner: User, officer: User, agency_a: Agency
) -> None:
    action = ActionFactory.create(owner_agency=agency_a, description="First wording")
    stale = action.version
    services.action_update(
        actor=officer,
        action=action,
        expected_version=stale,
        **edit_fields(action, description="Officer's wording"),
    )
    client.force_login(owner)

    response = client.post(
        _url("action_update", action.pk),
        {
            "description": "My wording",
            "owner_agency": agency_a.pk,
            **date_data("due_date", "2025-10-31"),
            "version": stale,
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Someone else saved this record while you were editing it." in content
    assert "Officer&#x27;s wording" in content
    assert f'name="version" value="{stale + 1}"' in content  # a resubmit can now succeed
    action.refresh_from_db()
    assert action.description == "Officer's wording"


def test_action_update_two_edits_from_one_version_then_resubmit_succeeds(
    client: Client, owner: User, agency_a: Agency
) -> None:
    action = ActionFactory.create(owner_agency=agency_a, description="First wording")
    url = _url("action_update", action.pk)
    started_from = action.version
    form = {
        "owner_agency": agency_a.pk,
        **date_data("due_date", "2025-10-31"),
        "version": started_from,
    }
    client.force_login(owner)
    assert client.post(url, {**form, "description": "Edit one"}).status_code == 302

    conflict = client.post(url, {**form, "description": "Edit two"})

    assert "Someone else saved this record" in conflict.content.decode()
    version = conflict.context["form"].data["version"]
    assert str(version) == str(started_from + 1)
    resubmit = client.post(url, {**form, "description": "Edit two", "version": version})
    assert resubmit.status_code == 302
    action.refresh_from_db()
    assert action.description == "Edit two"


# --- progress and evidence -----------------------------------------------------------


def test_progress_add_matrix(
    client: Client,
    lead_a: User,
    lead_b: User,
    member_readonly: User,
    agency_a: Agency,
    frozen: Any,
) -> None:
    action = ActionFactory.create(owner_agency=agency_a, status=Action.Status.ON_TRACK)
    matrix = ViewMatrix(client, _url("action_progress_add", action.pk))
    data = {"note": "All officers briefed.", "status": Action.Status.COMPLETE}

    matrix.allowed(lead_a)
    matrix.read_only_write(member_readonly, data=data)
    matrix.outsider(lead_b, method="post", data=data)
    matrix.wrong_method(lead_a, "delete")
    matrix.allowed(lead_a, method="post", data=data, status=302)

    action.refresh_from_db()
    assert (action.status, action.completed_on) == (Action.Status.COMPLETE, TODAY)


def test_progress_upload_and_download_evidence(
    client: Client, lead_a: User, lead_b: User, agency_a: Agency
) -> None:
    action = ActionFactory.create(owner_agency=agency_a)
    client.force_login(lead_a)
    upload = SimpleUploadedFile("attendance.pdf", b"%PDF-1.4 synthetic", "application/pdf")

    response = client.post(
        _url("action_progress_add", action.pk),
        {
            "note": "Attendance list attached.",
            "status": Action.Status.ON_TRACK,
            "evidence": upload,
        },
    )
    assert response.status_code == 302
    update = ActionUpdate.objects.get()
    detail = client.get(_url("action_detail", action.pk)).content.decode()
    assert _url("action_evidence_download", update.pk) in detail

    matrix = ViewMatrix(client, _url("action_evidence_download", update.pk))
    download = matrix.allowed(lead_a)
    assert b"".join(download.streaming_content) == b"%PDF-1.4 synthetic"
    assert 'filename="attendance.pdf"' in download["Content-Disposition"]
    event = ActivityEvent.objects.get(verb="exported")
    assert (event.actor, event.target_id) == (lead_a, str(update.pk))
    assert event.data == {"what": "action evidence", "rows": 1, "format": "pdf"}
    matrix.outsider(lead_b)
    matrix.wrong_method(lead_a, "post")


def test_progress_rejects_bad_evidence_with_error_summary(client: Client, owner: User) -> None:
    action = ActionFactory.create()
    client.force_login(owner)

    response = client.post(
        _url("action_progress_add", action.pk),
        {
            "note": "x",
            "status": Action.Status.ON_TRACK,
            "evidence": SimpleUploadedFile("script.exe", b"MZ"),
        },
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert ActionUpdate.objects.count() == 0


def test_evidence_download_404_when_no_file(client: Client, owner: User) -> None:
    update = ActionUpdate.objects.create(
        action=ActionFactory.create(),
        author=owner,
        note="n",
        status_before=Action.Status.ON_TRACK,
        status_after=Action.Status.ON_TRACK,
    )
    client.force_login(owner)

    assert client.get(_url("action_evidence_download", update.pk)).status_code == 404


# --- My work and navigation ----------------------------------------------------------


def test_my_work_card_lists_open_actions_with_overdue_tagged(
    client: Client, lead_a: User, agency_a: Agency, agency_b: Agency, frozen: Any
) -> None:
    late = ActionFactory.create(
        owner_agency=agency_a, description="Late synthetic action", due_date=TODAY - timedelta(1)
    )
    ActionFactory.create(
        owner_agency=agency_a, description="Later synthetic action", due_date=TODAY
    )
    ActionFactory.create(owner_agency=agency_a, status=Action.Status.COMPLETE, completed_on=TODAY)
    ActionFactory.create(owner_agency=agency_b, description="Not ours")

    card = my_actions_card(lead_a)

    assert card is not None
    assert card.count == 2
    assert [(i.tag, i.due) for i in card.items] == [
        ("Overdue", "1 June 2025"),
        ("", "2 June 2025"),
    ]
    assert card.items[0].url == _url("action_detail", late.pk)
    client.force_login(lead_a)
    home = client.get(reverse("core:home")).content.decode()
    assert "Your actions" in home
    assert "Late synthetic action" in home
    assert "Not ours" not in home


def test_my_work_card_absent_for_people_with_no_actions(officer: User, outsider: User) -> None:
    assert my_actions_card(officer) is None
    assert my_actions_card(outsider) is None


def test_nav_shows_actions_only_to_those_who_may_see_them(
    client: Client, lead_a: User, outsider: User, make_user: Callable[..., User]
) -> None:
    link = f'href="{_url("action_list")}"'
    client.force_login(lead_a)
    assert link in client.get(reverse("core:home")).content.decode()
    client.force_login(outsider)
    assert link not in client.get(reverse("core:home")).content.decode()


def test_action_plan_list_is_paginated_with_a_count_and_filters(
    client: Client, owner: User, frozen: Any
) -> None:
    ActionPlanFactory.create_batch(52, next_review_due=TODAY + timedelta(days=30))
    ActionPlanFactory.create(title="Synthetic neglect audit plan", next_review_due=TODAY)
    client.force_login(owner)

    first = client.get(_url("action_plan_list"))
    assert len(first.context["page_obj"].object_list) == 50
    assert "53 action plans" in first.content.decode()
    assert 'class="govuk-pagination"' in first.content.decode()
    second = client.get(_url("action_plan_list"), {"page": 2})
    assert len(second.context["page_obj"].object_list) == 3

    found = client.get(_url("action_plan_list"), {"search": "neglect"}).context["page_obj"]
    assert [plan.title for plan in found] == ["Synthetic neglect audit plan"]
    due = client.get(_url("action_plan_list"), {"review_due": "on"}).context["page_obj"]
    assert [plan.title for plan in due] == ["Synthetic neglect audit plan"]


def test_add_action_date_uses_the_govuk_date_input_and_its_errors(
    client: Client, owner: User, agency_a: Agency
) -> None:
    plan = ActionPlanFactory.create()
    client.force_login(owner)
    url = _url("action_create", plan.pk)

    page = client.get(url).content.decode()
    assert 'name="due_date-day"' in page
    assert 'type="date"' not in page
    response = client.post(
        url,
        {
            "description": "Synthetic action",
            "owner_agency": agency_a.pk,
            "due_date-day": "30",
            "due_date-month": "",
            "due_date-year": "2025",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Due date must include a month" in content
    assert 'href="#id_due_date-month"' in content
