"""Every write to child death records, each recorded in the activity log in the same transaction.

Identifying details never reach the activity log: snapshot() redacts encrypted fields, and the
events here carry only references, counts and non-identifying facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action
from safeguarding.activity_log.services import (
    event_record,
    snapshot,
    tracked_create,
    tracked_update,
)
from safeguarding.child_deaths import identity, selectors
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    DeathCategory,
    InformationRequest,
    NationalComparator,
    PanelReview,
    ReviewFactor,
    ReviewMeeting,
)
from safeguarding.core.concurrency import check_version
from safeguarding.core.emails import email_send
from safeguarding.core.fields import keyed_hash
from safeguarding.core.working_days import add_working_days
from safeguarding.learning import services as learning_services
from safeguarding.learning.models import LearningPoint, Theme

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area

N = ChildDeathNotification


def request_working_days() -> int:
    """settings.CHILD_DEATH_REQUEST_WORKING_DAYS: working days an agency has to return its
    reporting form (default 15)."""
    return int(getattr(settings, "CHILD_DEATH_REQUEST_WORKING_DAYS", 15))


def reminder_interval_working_days() -> int:
    """settings.CHILD_DEATH_REMINDER_WORKING_DAYS: working days between reminders for an overdue
    request (default 5)."""
    return int(getattr(settings, "CHILD_DEATH_REMINDER_WORKING_DAYS", 5))


def reporting_form_version() -> str:
    """settings.CHILD_DEATH_FORM_VERSION: the NCMD reporting form version offered by default."""
    return str(getattr(settings, "CHILD_DEATH_FORM_VERSION", "NCMD reporting form 2021-04"))


# --- notification --------------------------------------------------------------------


class NotReviewableError(ValidationError):
    """Stillbirths, late foetal losses and lawful terminations are not reviewed by CDOP."""


class LikelyDuplicateError(ValidationError):
    def __init__(self, matches: list[ChildDeathNotification]) -> None:
        self.matches = matches
        refs = ", ".join(m.reference for m in matches)
        super().__init__(
            f"This looks like a child already notified ({refs}). Check that notification. If "
            "this is a different child, tick the box to confirm and submit again.",
            code="likely_duplicate",
        )


LOSS_REFUSALS = {
    "stillbirth": "Stillbirths are not reviewed by the child death overview panel.",
    "late_foetal_loss": "Late foetal losses are not reviewed by the child death overview panel.",
    "termination": (
        "Lawful terminations of pregnancy are not reviewed by the child death overview panel."
    ),
}


def _identity_hashes(*, child_name: str, date_of_birth: date, nhs_number: str) -> dict[str, str]:
    dob = date_of_birth.isoformat()
    nhs = identity.nhs_number_clean(nhs_number)
    return {
        "nhs_number_hash": keyed_hash(nhs, purpose="nhs_number") if nhs else "",
        "date_of_birth_hash": keyed_hash(dob, purpose="child_death_dob"),
        "name_dob_hash": keyed_hash(
            f"{identity.name_normalise(child_name)}|{dob}", purpose="child_death_name_dob"
        ),
    }


def _next_reference(notified_on: date) -> str:
    prefix = f"CDOP-{notified_on.year}-"
    last = (
        N.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _check_reviewable(
    *, kind_of_loss: str, born: date, died: date, notified_on: date, today: date
) -> None:
    if kind_of_loss in LOSS_REFUSALS:
        raise NotReviewableError(
            {"kind_of_loss": LOSS_REFUSALS[kind_of_loss]}, code="not_reviewable"
        )
    errors: dict[str, str] = {}
    if died < born:
        errors["date_of_death"] = "The date of death must be on or after the date of birth."
    elif identity.age_band(born, died) is None:
        errors["date_of_birth"] = (
            "The child was 18 or over when they died: the panel reviews deaths of children "
            "under 18 only."
        )
    if died > today:
        errors["date_of_death"] = "The date of death cannot be in the future."
    if notified_on < died:
        errors["notified_on"] = "The date notified must be on or after the date of death."
    if errors:
        raise ValidationError(errors)


def _check_residence(
    *, residence_area: Area | None, home_area_name: str, reviewed_by_this_panel: bool
) -> None:
    if residence_area is None and not home_area_name.strip():
        raise ValidationError(
            {
                "home_area_name": (
                    "Choose the area of residence, or enter the child's home local authority "
                    "if they lived outside the partnership."
                )
            }
        )


@transaction.atomic
def notification_create(
    *,
    actor: User | None,
    child_name: str,
    date_of_birth: date,
    sex: str,
    date_of_death: date,
    place_of_death: str,
    expectation: str,
    notified_on: date,
    notified_by: str,
    kind_of_loss: str = "live_born",
    nhs_number: str = "",
    ethnicity: str = "",
    address: str = "",
    joint_agency_response: bool = False,
    residence_area: Area | None = None,
    home_area_name: str = "",
    reviewed_by_this_panel: bool = True,
    notifying_agency: Agency | None = None,
    agencies_involved: Iterable[Agency] = (),
    professionals_involved: str = "",
    confirmed_not_duplicate: bool = False,
) -> ChildDeathNotification:
    """Record a notification. Refuses deaths the panel does not review, and raises
    LikelyDuplicateError when the child seems already notified (same NHS number; or same name
    and date of birth) unless the notifier confirmed it is a different child."""
    _check_reviewable(
        kind_of_loss=kind_of_loss,
        born=date_of_birth,
        died=date_of_death,
        notified_on=notified_on,
        today=timezone.localdate(),
    )
    nhs = identity.nhs_number_clean(nhs_number)
    if nhs and not identity.nhs_number_is_valid(nhs):
        raise ValidationError(
            {"nhs_number": "Enter a valid NHS number: 10 digits with a correct check digit."}
        )
    _check_residence(
        residence_area=residence_area,
        home_area_name=home_area_name,
        reviewed_by_this_panel=reviewed_by_this_panel,
    )
    matches = selectors.notification_likely_duplicates(
        nhs_number=nhs, child_name=child_name, date_of_birth=date_of_birth
    )
    if matches and not confirmed_not_duplicate:
        raise LikelyDuplicateError(matches)
    band = identity.age_band(date_of_birth, date_of_death)
    assert band is not None
    notification = N(
        reference=_next_reference(notified_on),
        child_name=" ".join(child_name.split()),
        date_of_birth_text=date_of_birth.isoformat(),
        nhs_number=nhs,
        ethnicity=ethnicity.strip(),
        address=address.strip(),
        sex=sex,
        date_of_death=date_of_death,
        place_of_death=place_of_death,
        age_at_death_days=(date_of_death - date_of_birth).days,
        age_band=band,
        expectation=expectation,
        joint_agency_response=joint_agency_response,
        residence_area=residence_area,
        home_area_name="" if residence_area is not None else home_area_name.strip(),
        reviewed_by_this_panel=reviewed_by_this_panel,
        notified_on=notified_on,
        notified_by=notified_by.strip(),
        notifying_agency=notifying_agency,
        professionals_involved=professionals_involved.strip(),
        possible_duplicate_of=matches[0] if matches else None,
        **_identity_hashes(
            child_name=child_name, date_of_birth=date_of_birth, nhs_number=nhs_number
        ),
    )
    notification.full_clean()
    notification.save()
    notification.agencies_involved.set(list(agencies_involved))
    fields = [
        "child_name",
        "date_of_birth_text",
        "nhs_number",
        "sex",
        "date_of_death",
        "age_band",
        "expectation",
        "joint_agency_response",
        "residence_area",
        "home_area_name",
        "reviewed_by_this_panel",
        "notified_on",
    ]
    event_record(
        actor=actor,
        verb="child_death.notified",
        target=notification,
        changes={
            k: {"before": None, "after": v} for k, v in snapshot(notification, fields).items()
        },
        data={"confirmed_not_duplicate_of": [m.reference for m in matches]} if matches else None,
    )
    return notification


@transaction.atomic
def notification_delay_update(
    *,
    actor: User | None,
    notification: ChildDeathNotification,
    expected_version: int | None,
    delay_reason: str,
    delay_note: str = "",
) -> ChildDeathNotification:
    """Record why a case's review is delayed (for example awaiting an inquest)."""
    tracked_update(
        actor=actor,
        obj=notification,
        data={"delay_reason": delay_reason, "delay_note": delay_note.strip()},
        verb="child_death.delay_recorded",
        expected_version=expected_version,
    )
    return notification


# --- information gathering -----------------------------------------------------------


def _request_email_context(request: InformationRequest) -> dict[str, Any]:
    from django.urls import reverse

    return {
        "contact_name": request.contact_name,
        "agency": request.agency.name,
        "reference": request.notification.reference,
        "due_on": request.due_on.strftime("%-d %B %Y"),
        "path": reverse("child_deaths:request_return", args=[request.pk]),
        "site_url": str(getattr(settings, "SITE_URL", "")).rstrip("/"),
    }


@transaction.atomic
def information_request_create(
    *,
    actor: User | None,
    notification: ChildDeathNotification,
    agency: Agency,
    contact_name: str,
    contact_email: str,
    due_on: date | None = None,
) -> InformationRequest:
    """Send the reporting form to an involved agency's named contact. The e-mail carries only
    the case reference and a link to the secure page, never the child's details."""
    if InformationRequest.objects.filter(notification=notification, agency=agency).exists():
        raise ValidationError({"agency": f"{agency.name} has already been sent a request."})
    today = timezone.localdate()
    request = tracked_create(
        actor=actor,
        model=InformationRequest,
        data={
            "notification": notification,
            "agency": agency,
            "contact_name": contact_name.strip(),
            "contact_email": contact_email.strip().lower(),
            "requested_on": today,
            "due_on": due_on or add_working_days(today, request_working_days()),
        },
        verb="child_death.information_requested",
    )
    assert isinstance(request, InformationRequest)
    notification.agencies_involved.add(agency)
    if notification.status == N.Status.NOTIFIED:
        N.objects.filter(pk=notification.pk).update(status=N.Status.GATHERING)
        notification.status = N.Status.GATHERING
    email_send(
        template="child_deaths_request",
        to=[request.contact_email],
        context=_request_email_context(request),
    )
    return request


@transaction.atomic
def information_request_remind(
    *, actor: User | None, request: InformationRequest, today: date | None = None
) -> InformationRequest:
    if request.status == InformationRequest.Status.RETURNED:
        raise ValidationError("This agency has already returned its information.")
    today = today or timezone.localdate()
    InformationRequest.objects.filter(pk=request.pk).update(
        reminders_sent=request.reminders_sent + 1, last_reminded_on=today
    )
    request.reminders_sent += 1
    request.last_reminded_on = today
    email_send(
        template="child_deaths_reminder",
        to=[request.contact_email],
        context=_request_email_context(request),
    )
    event_record(
        actor=actor,
        verb="child_death.information_reminder_sent",
        target=request,
        data={"reminders_sent": request.reminders_sent},
    )
    return request


def information_requests_send_reminders(*, today: date | None = None) -> int:
    """Remind every overdue request not reminded in the last few working days (safe to run
    twice a day: a request is reminded at most once per interval). Returns how many."""
    today = today or timezone.localdate()
    sent = 0
    for request in selectors.information_requests_due_reminder(
        today=today, interval=reminder_interval_working_days()
    ):
        information_request_remind(actor=None, request=request, today=today)
        sent += 1
    return sent


@transaction.atomic
def information_request_return(
    *,
    actor: User,
    request: InformationRequest,
    expected_version: int | None,
    information: str,
    form_version: str,
) -> InformationRequest:
    """The agency returns its reporting form. The form version in use is stored with it."""
    if not information.strip():
        raise ValidationError({"information": "Enter the information your agency holds."})
    if not form_version.strip():
        raise ValidationError({"form_version": "Enter the reporting form version you used."})
    tracked_update(
        actor=actor,
        obj=request,
        data={
            "information": information.strip(),
            "form_version": form_version.strip(),
            "status": InformationRequest.Status.RETURNED,
            "returned_on": timezone.localdate(),
            "returned_by": actor,
        },
        verb="child_death.information_returned",
        expected_version=expected_version,
    )
    notification = request.notification
    outstanding = notification.requests.exclude(status=InformationRequest.Status.RETURNED)
    if notification.status == N.Status.GATHERING and not outstanding.exists():
        N.objects.filter(pk=notification.pk).update(status=N.Status.AWAITING_PANEL)
    return request


# --- meetings ------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    actor: User | None,
    kind: str,
    held_on: date,
    title: str,
    members: Iterable[User] = (),
    cases: Iterable[ChildDeathNotification] = (),
    papers: str = "",
) -> ReviewMeeting:
    cases = list(cases)
    if kind == ReviewMeeting.Kind.CDR_MEETING and len(cases) > 1:
        raise ValidationError({"cases": "A child death review meeting is about one child."})
    meeting = tracked_create(
        actor=actor,
        model=ReviewMeeting,
        data={"kind": kind, "held_on": held_on, "title": title.strip(), "papers": papers},
        verb="child_death.meeting_created",
    )
    assert isinstance(meeting, ReviewMeeting)
    member_list = list(members)
    meeting.members.set(member_list)
    meeting.cases.set(cases)
    event_record(
        actor=actor,
        verb="child_death.meeting_agenda_set",
        target=meeting,
        data={
            "cases": [c.reference for c in cases],
            "members": sorted(m.pk for m in member_list),
        },
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor: User | None,
    meeting: ReviewMeeting,
    expected_version: int | None,
    kind: str,
    held_on: date,
    title: str,
    members: Iterable[User] = (),
    cases: Iterable[ChildDeathNotification] = (),
    papers: str = "",
) -> ReviewMeeting:
    """Change a meeting: its details and papers (version-checked), members and agenda."""
    cases = list(cases)
    if kind == ReviewMeeting.Kind.CDR_MEETING and len(cases) > 1:
        raise ValidationError({"cases": "A child death review meeting is about one child."})
    tracked_update(
        actor=actor,
        obj=meeting,
        data={"kind": kind, "held_on": held_on, "title": title.strip(), "papers": papers},
        verb="child_death.meeting_changed",
        expected_version=expected_version,
    )
    member_list = list(members)
    before = (
        sorted(meeting.cases.values_list("reference", flat=True)),
        sorted(meeting.members.values_list("pk", flat=True)),
    )
    after = (sorted(c.reference for c in cases), sorted(m.pk for m in member_list))
    if before != after:
        meeting.members.set(member_list)
        meeting.cases.set(cases)
        event_record(
            actor=actor,
            verb="child_death.meeting_agenda_set",
            target=meeting,
            data={"cases": after[0], "members": after[1]},
        )
    return meeting


# --- panel review --------------------------------------------------------------------


@dataclass(frozen=True)
class DomainFactor:
    grading: str
    description: str = ""


def _check_review(
    *,
    notification: ChildDeathNotification,
    category: DeathCategory | None,
    modifiable: str,
    modifiable_factors: str,
    completed_on: date | None,
) -> None:
    errors: dict[str, str] = {}
    if modifiable == PanelReview.Modifiable.YES and not modifiable_factors.strip():
        errors["modifiable_factors"] = "Name the modifiable factors the panel identified."
    if completed_on is not None:
        if category is None:
            errors["category"] = "Choose the category of death before completing the review."
        if not modifiable:
            errors["modifiable"] = "Record whether there were modifiable factors."
        if completed_on < notification.date_of_death:
            errors["completed_on"] = "The review cannot be completed before the death."
        if completed_on > timezone.localdate():
            errors["completed_on"] = "The completion date cannot be in the future."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def panel_review_save(
    *,
    actor: User | None,
    notification: ChildDeathNotification,
    expected_version: int | None,
    category: DeathCategory | None,
    modifiable: str,
    modifiable_factors: str = "",
    completed_on: date | None = None,
    factors: dict[str, DomainFactor] | None = None,
) -> PanelReview:
    """Record or change the panel's analysis. Completing the review needs a category, a
    modifiable-factors decision, and the factors named when the decision is yes."""
    _check_review(
        notification=notification,
        category=category,
        modifiable=modifiable,
        modifiable_factors=modifiable_factors,
        completed_on=completed_on,
    )
    review, created = PanelReview.objects.select_for_update().get_or_create(
        notification=notification
    )
    if not created:
        check_version(
            review,
            expected_version,
            {"category": category, "modifiable": modifiable, "completed_on": completed_on},
        )
    tracked_update(
        actor=actor,
        obj=review,
        data={
            "category": category,
            "modifiable": modifiable,
            "modifiable_factors": modifiable_factors.strip(),
            "completed_on": completed_on,
        },
        verb="child_death.review_recorded",
    )
    for domain, factor in (factors or {}).items():
        ReviewFactor.objects.update_or_create(
            review=review,
            domain=domain,
            defaults={"grading": factor.grading, "description": factor.description.strip()},
        )
    status = N.Status.REVIEWED if completed_on else N.Status.AWAITING_PANEL
    if notification.status != status and (
        completed_on or notification.status == N.Status.REVIEWED
    ):
        N.objects.filter(pk=notification.pk).update(status=status)
        notification.status = status
        event_record(
            actor=actor,
            verb="child_death.review_completed" if completed_on else "child_death.review_reopened",
            target=notification,
        )
    return review


@transaction.atomic
def review_learning_record(
    *,
    actor: User | None,
    review: PanelReview,
    title: str,
    summary: str,
    themes: Iterable[Theme],
    recorded_on: date,
    is_published: bool = False,
) -> LearningPoint:
    """Learning from a review goes to the database of learning, tagged with themes. The caller's
    text must not identify the child; the learning is linked to the review, not the child."""
    return learning_services.learning_point_record(
        actor=actor,
        source=review,
        source_kind=LearningPoint.SourceKind.CHILD_DEATH_REVIEW,
        title=title,
        summary=summary,
        recorded_on=recorded_on,
        themes=themes,
        area=review.notification.residence_area,
        is_published=is_published,
    )


@transaction.atomic
def review_action_add(
    *,
    actor: User | None,
    review: PanelReview,
    description: str,
    owner_agency: Agency,
    due_date: date,
    owner_person: User | None = None,
) -> Action:
    """A recommendation or action from the review, tracked in the review's action plan."""
    plan = action_services.action_plan_get_or_create_for(
        actor=actor, source=review, title=f"Actions from {review.activity_label}"
    )
    return action_services.action_create(
        actor=actor,
        plan=plan,
        description=description,
        owner_agency=owner_agency,
        due_date=due_date,
        owner_person=owner_person,
    )


# --- national comparators ------------------------------------------------------------


@transaction.atomic
def comparator_save(
    *, actor: User | None, reporting_year: str, measure: str, percent: int, source: str
) -> NationalComparator:
    """Enter (or correct) a national figure with its source."""
    if not source.strip():
        raise ValidationError({"source": "Enter where the national figure comes from."})
    if percent > 100:
        raise ValidationError({"percent": "A percentage cannot be more than 100."})
    existing = NationalComparator.objects.filter(
        Q(reporting_year=reporting_year) & Q(measure=measure)
    ).first()
    data = {"percent": percent, "source": source.strip()}
    if existing is not None:
        tracked_update(actor=actor, obj=existing, data=data, verb="child_death.comparator_changed")
        return existing
    created = tracked_create(
        actor=actor,
        model=NationalComparator,
        data={"reporting_year": reporting_year, "measure": measure, **data},
        verb="child_death.comparator_entered",
    )
    assert isinstance(created, NationalComparator)
    return created
