"""Child death services: duplicates, refusals, encryption at rest, information gathering,
meetings, the panel review with learning and actions, comparators; every write is logged and
no log entry carries an identifying detail."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions.selectors import action_list_for_source
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.child_deaths import selectors, services, verbs
from safeguarding.child_deaths.models import (
    AgeBand,
    ChildDeathNotification,
    DeathCategory,
    InformationRequest,
    NationalComparator,
    PanelReview,
    ReviewMeeting,
)
from safeguarding.child_deaths.tests.factories import (
    information_request_make,
    nhs_number_make,
    notification_make,
)
from safeguarding.core.concurrency import EditConflictError
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.learning.selectors import learning_point_list_for_source
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


# --- duplicates ------------------------------------------------------------------------


def test_second_notification_with_same_nhs_number_is_flagged_before_saving() -> None:
    nhs = nhs_number_make()
    first = notification_make(nhs_number=nhs, child_name="Ashley Testchild")
    with pytest.raises(services.LikelyDuplicateError) as caught:
        notification_make(nhs_number=nhs, child_name="Another Name")
    assert caught.value.matches == [first]
    assert ChildDeathNotification.objects.count() == 1


def test_nhs_number_match_ignores_spaces() -> None:
    nhs = nhs_number_make()
    notification_make(nhs_number=nhs)
    spaced = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    with pytest.raises(services.LikelyDuplicateError):
        notification_make(nhs_number=spaced)


@pytest.mark.parametrize(
    ("first_name", "second_name"),
    [
        pytest.param("Rowan Testchild", "rowan  TESTCHILD", id="same_name"),
        pytest.param("Ashley Testchild", "Ashleigh Testchild", id="similar_name_fuzzy_match"),
    ],
)
def test_same_or_similar_name_and_date_of_birth_without_nhs_number_is_flagged(
    first_name: str, second_name: str
) -> None:
    born = date(2019, 5, 4)
    first = notification_make(nhs_number="", child_name=first_name, date_of_birth=born)
    with pytest.raises(services.LikelyDuplicateError) as caught:
        notification_make(nhs_number="", child_name=second_name, date_of_birth=born)
    assert caught.value.matches == [first]


def test_different_child_with_the_same_name_is_not_a_duplicate() -> None:
    notification_make(nhs_number="", child_name="Rowan Testchild", date_of_birth=date(2019, 5, 4))
    second = notification_make(
        nhs_number="", child_name="Rowan Testchild", date_of_birth=date(2016, 11, 20)
    )
    assert second.possible_duplicate_of is None
    assert ChildDeathNotification.objects.count() == 2


def test_different_nhs_numbers_same_name_and_birth_date_are_different_children() -> None:
    born = date(2019, 5, 4)
    notification_make(child_name="Twin Testchild", date_of_birth=born)
    second = notification_make(child_name="Twin Testchild", date_of_birth=born)
    assert second.possible_duplicate_of is None


def test_confirmed_different_child_is_saved_and_keeps_the_match(
    make_user: Callable[..., User],
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    born = date(2019, 5, 4)
    first = notification_make(nhs_number="", child_name="Rowan Testchild", date_of_birth=born)
    second = notification_make(
        actor=manager,
        nhs_number="",
        child_name="Rowan Testchild",
        date_of_birth=born,
        confirmed_not_duplicate=True,
        duplicate_of=[first.reference],
        duplicate_override_reason="Twins: the notifier confirmed a second child.",
    )
    assert second.possible_duplicate_of == first
    assert second.duplicate_override_by == manager
    event = ActivityEvent.objects.get(verb=verbs.CHILD_DEATH_NOTIFIED, target_id=str(second.pk))
    assert event.data == {
        "confirmed_not_duplicate_of": [first.reference],
        "reason": "Twins: the notifier confirmed a second child.",
    }


# --- refusals and validation ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["stillbirth", "late_foetal_loss", "termination"])
def test_stillbirths_and_terminations_are_refused_with_an_explanation(kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        notification_make(kind_of_loss=kind)
    assert "not reviewed by the child death overview panel" in str(caught.value)
    assert ChildDeathNotification.objects.count() == 0


def test_invalid_nhs_number_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        notification_make(nhs_number="9434765918")
    assert "nhs_number" in caught.value.error_dict


def test_death_on_or_after_18th_birthday_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        notification_make(date_of_birth=date(2002, 6, 1), date_of_death=date(2020, 6, 1))
    assert "date_of_birth" in caught.value.error_dict


def test_child_resident_elsewhere_needs_a_home_area() -> None:
    with pytest.raises(ValidationError) as caught:
        notification_make(residence_area=None, home_area_name="")
    assert "home_area_name" in caught.value.error_dict


def test_child_resident_elsewhere_is_recorded_with_home_area_and_panel() -> None:
    case = notification_make(
        residence_area=None, home_area_name="Norfolk", reviewed_by_this_panel=False
    )
    assert case.residence_label == "Outside the partnership (Norfolk)"
    assert case.reviewed_by_this_panel is False


def test_notification_computes_age_band_and_reference() -> None:
    case = notification_make(date_of_birth=date(2020, 5, 5), date_of_death=date(2020, 6, 1))
    assert case.age_at_death_days == 27
    assert case.age_band == AgeBand.NEONATAL
    assert case.reference == "CDOP-2020-0001"
    assert notification_make().reference == "CDOP-2020-0002"


# --- encryption and logs --------------------------------------------------------------


def test_identifying_values_are_not_readable_in_the_database_table() -> None:
    nhs = nhs_number_make()
    case = notification_make(
        child_name="Quillon Testchild",
        nhs_number=nhs,
        date_of_birth=date(2018, 7, 9),
        address="1 Synthetic Row, Testtown",
        ethnicity="Synthetic ethnicity",
    )
    table = ChildDeathNotification._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT child_name, nhs_number, date_of_birth_text, address, ethnicity "  # noqa: S608
            f"FROM {table} WHERE id = %s",
            [case.pk],
        )
        raw = " ".join(str(v) for v in cursor.fetchone())
    for secret in (
        "Quillon",
        "QUILLON",
        nhs,
        "2018-07-09",
        "Synthetic Row",
        "Synthetic ethnicity",
    ):
        assert secret not in raw
    reloaded = ChildDeathNotification.objects.get(pk=case.pk)
    assert reloaded.child_name == "Quillon Testchild"
    assert reloaded.nhs_number == nhs
    assert reloaded.date_of_birth == date(2018, 7, 9)


def test_activity_log_never_holds_identifying_values() -> None:
    nhs = nhs_number_make()
    case = notification_make(child_name="Quillon Testchild", nhs_number=nhs)
    dump = json.dumps(
        list(ActivityEvent.objects.values("target_label", "changes", "data")), default=str
    )
    assert "Quillon" not in dump
    assert nhs not in dump
    assert case.date_of_birth.isoformat() not in dump
    assert case.reference in dump


# --- information gathering ------------------------------------------------------------


@time_machine.travel(date(2021, 1, 4), tick=False)  # a Monday
def test_information_request_emails_the_named_contact_without_child_details(
    run_tasks: Callable[[], int], django_capture_on_commit_callbacks: Any
) -> None:
    case = notification_make(child_name="Quillon Testchild", date_of_death=date(2020, 12, 1))
    agency = AgencyFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.information_request_create(
            actor=None,
            notification=case,
            agency=agency,
            contact_name="Demo Contact",
            contact_email="Contact@Agency.example",
        )
    run_tasks()
    assert request.due_on == date(2021, 1, 25)  # 15 working days
    assert request.contact_email == "contact@agency.example"
    case.refresh_from_db()
    assert case.status == ChildDeathNotification.Status.GATHERING
    assert agency in case.agencies_involved.all()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["contact@agency.example"]
    assert case.reference in mail.outbox[0].body
    assert "Quillon" not in mail.outbox[0].body


def test_second_request_to_the_same_agency_is_refused() -> None:
    case = notification_make()
    agency = AgencyFactory.create()
    information_request_make(notification=case, agency=agency)
    with pytest.raises(ValidationError):
        information_request_make(notification=case, agency=agency)


def test_return_stores_form_version_and_moves_case_to_awaiting_panel(
    make_user: Callable[..., User],
) -> None:
    case = notification_make()
    agency = AgencyFactory.create()
    lead = make_user((Role.AGENCY_LEAD, agency))
    request = information_request_make(notification=case, agency=agency)
    services.information_request_return(
        actor=lead,
        request=request,
        expected_version=request.version,
        information="Two contacts with the family (synthetic).",
        form_version="NCMD reporting form 2021-04",
    )
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RETURNED
    assert request.form_version == "NCMD reporting form 2021-04"
    assert request.returned_by == lead
    case.refresh_from_db()
    assert case.status == ChildDeathNotification.Status.AWAITING_PANEL


def test_stale_return_is_refused_with_what_changed(make_user: Callable[..., User]) -> None:
    case = notification_make()
    agency = AgencyFactory.create()
    lead = make_user((Role.AGENCY_LEAD, agency))
    request = information_request_make(notification=case, agency=agency)
    stale = request.version
    services.information_request_return(
        actor=lead,
        request=request,
        expected_version=stale,
        information="First.",
        form_version="v1",
    )
    with pytest.raises(EditConflictError):
        services.information_request_return(
            actor=lead,
            request=request,
            expected_version=stale,
            information="Second.",
            form_version="v1",
        )


def test_reminders_go_to_overdue_requests_once_per_interval(
    run_tasks: Callable[[], int], django_capture_on_commit_callbacks: Any
) -> None:
    case = notification_make()
    with time_machine.travel(date(2021, 1, 4), tick=False):
        information_request_make(notification=case, due_on=date(2021, 1, 8))
        information_request_make(
            notification=case,
            contact_name="B",
            contact_email="b@x.example",
            due_on=date(2021, 2, 8),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.information_requests_send_reminders(today=date(2021, 1, 11)) == 1
        assert services.information_requests_send_reminders(today=date(2021, 1, 12)) == 0
        assert services.information_requests_send_reminders(today=date(2021, 1, 18)) == 1
    mail.outbox.clear()
    run_tasks()
    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder")]
    assert [m.to for m in reminders] == [["a@x.example"], ["a@x.example"]]


# --- meetings and the panel review ----------------------------------------------------


def test_child_death_review_meeting_is_about_one_child() -> None:
    with pytest.raises(ValidationError):
        services.meeting_create(
            actor=None,
            kind=ReviewMeeting.Kind.CDR_MEETING,
            held_on=date(2021, 1, 1),
            title="CDR meeting",
            cases=[notification_make(), notification_make()],
        )


def _category(number: int) -> DeathCategory:
    return DeathCategory.objects.get(number=number)


def test_ten_categories_are_seeded() -> None:
    assert list(DeathCategory.objects.values_list("number", flat=True)) == list(range(1, 11))
    assert _category(DeathCategory.SUICIDE).name == "Suicide or deliberate self-inflicted harm"


@time_machine.travel(date(2021, 3, 1), tick=False)
def test_completing_a_review_records_analysis_and_closes_the_case() -> None:
    case = notification_make(date_of_death=date(2020, 6, 1))
    review = services.panel_review_save(
        actor=None,
        notification=case,
        expected_version=None,
        category=_category(10),
        modifiable=PanelReview.Modifiable.YES,
        modifiable_factors="Unsafe sleeping arrangement",
        completed_on=date(2021, 2, 1),
        factors={
            "child": services.DomainFactor("1", "Born early"),
            "family": services.DomainFactor("2", "Co-sleeping"),
        },
    )
    assert review.category == _category(10)
    assert {f.domain: f.grading for f in review.factors.all()} == {"child": "1", "family": "2"}
    case.refresh_from_db()
    assert case.status == ChildDeathNotification.Status.REVIEWED
    assert ActivityEvent.objects.filter(verb=verbs.PANEL_REVIEW_COMPLETED).count() == 1


@time_machine.travel(date(2021, 3, 1), tick=False)
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"category": None}, "category"),
        ({"modifiable": ""}, "modifiable"),
        ({"modifiable_factors": ""}, "modifiable_factors"),
        ({"completed_on": date(2020, 5, 1)}, "completed_on"),
        ({"completed_on": date(2021, 3, 2)}, "completed_on"),
    ],
)
def test_completing_a_review_needs_category_decision_and_factors(
    data: dict[str, object], field: str
) -> None:
    case = notification_make(date_of_death=date(2020, 6, 1))
    kwargs: dict[str, object] = {
        "category": _category(10),
        "modifiable": PanelReview.Modifiable.YES,
        "modifiable_factors": "Named factor",
        "completed_on": date(2021, 2, 1),
        **data,
    }
    with pytest.raises(ValidationError) as caught:
        services.panel_review_save(
            actor=None,
            notification=case,
            expected_version=None,
            **kwargs,  # type: ignore[arg-type]
        )
    assert field in caught.value.error_dict
    assert not PanelReview.objects.exists()


def test_stale_review_edit_is_refused() -> None:
    case = notification_make()
    review = services.panel_review_save(
        actor=None, notification=case, expected_version=None, category=None, modifiable=""
    )
    services.panel_review_save(
        actor=None,
        notification=case,
        expected_version=review.version,
        category=_category(5),
        modifiable="",
    )
    with pytest.raises(EditConflictError):
        services.panel_review_save(
            actor=None,
            notification=case,
            expected_version=review.version,
            category=_category(6),
            modifiable="",
        )


def test_learning_from_a_review_goes_to_the_database_of_learning_without_the_child() -> None:
    case = notification_make(child_name="Quillon Testchild")
    review = services.panel_review_save(
        actor=None, notification=case, expected_version=None, category=None, modifiable=""
    )
    theme = Theme.objects.get(name="Safer sleeping")
    point = services.review_learning_record(
        actor=None,
        review=review,
        title="Repeat safer sleeping advice",
        summary="At every contact.",
        themes=[theme],
        recorded_on=date(2021, 1, 1),
    )
    assert point.source_kind == LearningPoint.SourceKind.CHILD_DEATH_REVIEW
    assert point.source_title == f"Child death review {case.reference}"
    assert point.area == case.residence_area
    assert list(learning_point_list_for_source(source=review)) == [point]
    assert list(point.themes.all()) == [theme]


def test_recommendation_becomes_an_action_in_the_review_plan() -> None:
    review = services.panel_review_save(
        actor=None,
        notification=notification_make(),
        expected_version=None,
        category=None,
        modifiable="",
    )
    agency = AgencyFactory.create()
    action = services.panel_review_action_add(
        actor=None,
        review=review,
        description="Refresh the safer sleeping leaflet",
        owner_agency=agency,
        due_date=date(2021, 6, 30),
    )
    assert list(action_list_for_source(source=review)) == [action]
    assert action.owner_agency == agency


def test_comparator_is_entered_then_corrected_in_place() -> None:
    services.comparator_save(
        actor=None, reporting_year="2020-21", measure="under_one", percent=62, source="NCMD"
    )
    services.comparator_save(
        actor=None, reporting_year="2020-21", measure="under_one", percent=63, source="NCMD"
    )
    assert list(NationalComparator.objects.values_list("percent", flat=True)) == [63]
    with pytest.raises(ValidationError):
        services.comparator_save(
            actor=None, reporting_year="2020-21", measure="modifiable", percent=30, source=" "
        )
    with pytest.raises(ValidationError) as raised:  # the form's pattern lets 2020-22 through
        services.comparator_save(
            actor=None, reporting_year="2020-22", measure="modifiable", percent=30, source="NCMD"
        )
    assert "reporting_year" in raised.value.message_dict
    assert NationalComparator.objects.count() == 1


def test_delay_reason_is_recorded_with_version_check() -> None:
    case = notification_make()
    services.notification_delay_update(
        actor=None,
        notification=case,
        expected_version=case.version,
        delay_reason=ChildDeathNotification.DelayReason.INQUEST,
    )
    assert (
        ChildDeathNotification.objects.get(pk=case.pk).delay_reason
        == ChildDeathNotification.DelayReason.INQUEST
    )
    with pytest.raises(EditConflictError):
        services.notification_delay_update(
            actor=None,
            notification=case,
            expected_version=1,
            delay_reason=ChildDeathNotification.DelayReason.OTHER,
        )


def test_open_cases_show_months_since_death_and_delay(make_user: Callable[..., User]) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    case = notification_make(date_of_death=date(2020, 1, 10))
    services.notification_delay_update(
        actor=None,
        notification=case,
        expected_version=None,
        delay_reason=ChildDeathNotification.DelayReason.INQUEST,
    )
    [row] = selectors.case_rows(
        cases=selectors.open_case_list_for_user(user=manager), today=date(2020, 8, 10)
    )
    assert row.months_open == 7
    assert row.delay == "Awaiting inquest"


def test_reminder_command_reports_how_many_were_sent() -> None:
    from io import StringIO

    from django.core.management import call_command

    with time_machine.travel(date(2021, 1, 4), tick=False):
        information_request_make(due_on=date(2021, 1, 8))
    out = StringIO()
    with time_machine.travel(date(2021, 1, 12), tick=False):
        call_command("child_deaths_send_reminders", stdout=out)
        call_command("child_deaths_send_reminders", stdout=out)
    assert out.getvalue() == "1 reminder(s) sent.\n0 reminder(s) sent.\n"


def _update_kwargs(case: ChildDeathNotification, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "child_name": case.child_name,
        "date_of_birth": case.date_of_birth,
        "nhs_number": case.nhs_number,
        "sex": case.sex,
        "date_of_death": case.date_of_death,
        "place_of_death": case.place_of_death,
        "expectation": case.expectation,
        "notified_on": case.notified_on,
        "notified_by": case.notified_by,
        "residence_area": case.residence_area,
    }
    data.update(changes)
    return data


def test_correcting_the_nhs_number_rehashes_it_for_duplicate_checks() -> None:
    case = notification_make()
    corrected = nhs_number_make()
    services.notification_update(
        actor=None,
        notification=case,
        expected_version=case.version,
        **_update_kwargs(case, nhs_number=corrected),  # type: ignore[arg-type]
    )
    assert ChildDeathNotification.objects.get(pk=case.pk).nhs_number == corrected
    with pytest.raises(services.LikelyDuplicateError) as caught:
        notification_make(nhs_number=corrected)
    assert caught.value.matches == [case]


def test_correction_that_matches_another_child_needs_confirmation() -> None:
    other = notification_make()
    case = notification_make()
    with pytest.raises(services.LikelyDuplicateError):
        services.notification_update(
            actor=None,
            notification=case,
            expected_version=case.version,
            **_update_kwargs(case, nhs_number=other.nhs_number),  # type: ignore[arg-type]
        )
    assert ChildDeathNotification.objects.get(pk=case.pk).nhs_number != other.nhs_number


def test_correction_recomputes_age_band_and_logs_without_identifying_values() -> None:
    case = notification_make(child_name="Quillon Testchild", date_of_death=date(2020, 6, 1))
    services.notification_update(
        actor=None,
        notification=case,
        expected_version=case.version,
        **_update_kwargs(  # type: ignore[arg-type]
            case, child_name="Quillan Testchild", date_of_birth=date(2020, 5, 20)
        ),
    )
    case.refresh_from_db()
    assert case.age_band == AgeBand.NEONATAL
    event = ActivityEvent.objects.get(verb=verbs.CHILD_DEATH_CORRECTED)
    assert event.changes["child_name"] == {
        "before": "[identifying detail: not logged]",
        "after": "[identifying detail: not logged]",
    }
    dump = json.dumps(event.changes)
    assert "Quill" not in dump
    assert "_hash" not in dump


def test_stale_correction_is_refused_without_showing_identifying_values() -> None:
    case = notification_make(child_name="Quillon Testchild")
    stale = case.version
    services.notification_update(
        actor=None,
        notification=case,
        expected_version=stale,
        **_update_kwargs(case, child_name="Quillan Testchild", sex="male"),  # type: ignore[arg-type]
    )
    with pytest.raises(EditConflictError) as caught:
        services.notification_update(
            actor=None,
            notification=case,
            expected_version=stale,
            **_update_kwargs(case, child_name="Quillon Other", sex="female"),  # type: ignore[arg-type]
        )
    message = " ".join(caught.value.messages)
    assert "Sex is now “Male”" in message
    assert "Quill" not in message


def test_changing_only_the_encrypted_papers_is_saved_and_logged_redacted() -> None:
    meeting = services.meeting_create(
        actor=None, kind=ReviewMeeting.Kind.PANEL, held_on=date(2021, 3, 18), title="Panel"
    )
    services.meeting_update(
        actor=None,
        meeting=meeting,
        expected_version=meeting.version,
        kind=meeting.kind,
        held_on=meeting.held_on,
        title=meeting.title,
        papers="Synthetic case summaries",
    )
    stored = ReviewMeeting.objects.get(pk=meeting.pk)
    assert stored.papers == "Synthetic case summaries"
    assert stored.version == 2
    event = ActivityEvent.objects.get(verb=verbs.REVIEW_MEETING_CHANGED)
    assert event.changes == {
        "papers": {
            "before": "[identifying detail: not logged]",
            "after": "[identifying detail: not logged]",
        }
    }


def test_archive_needs_a_reason_and_happens_once(make_user: Callable[..., User]) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    case = notification_make()
    with pytest.raises(ValidationError):
        services.notification_archive(actor=manager, notification=case, reason="  ")
    services.notification_archive(actor=manager, notification=case, reason="Duplicate")
    assert ChildDeathNotification.objects.get(pk=case.pk).is_archived
    with pytest.raises(ValidationError):
        services.notification_archive(actor=manager, notification=case, reason="Again")


def test_reference_taken_a_moment_ago_moves_on_to_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from safeguarding.child_deaths.services import notifications

    first = notification_make()
    real_next = notifications._next_reference
    calls: list[str] = []

    def stale_then_real(notified_on: date) -> str:
        calls.append("x")
        return first.reference if len(calls) == 1 else real_next(notified_on)

    monkeypatch.setattr(notifications, "_next_reference", stale_then_real)
    second = notification_make()
    assert second.reference == "CDOP-2020-0002"
    assert len(calls) == 2
