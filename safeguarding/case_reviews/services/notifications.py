"""Writes for incident notifications, children (the identity panel), rapid reviews and agency
requests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Unpack

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.accounts.selectors import person_or_agency_leads
from safeguarding.activity_log.services import (
    event_record,
    event_record_view,
    tracked_archive,
    tracked_create,
    tracked_update,
)
from safeguarding.case_reviews import verbs
from safeguarding.case_reviews.models import (
    MAX_CHILDREN,
    AgencyRequest,
    AgencyRequestDocument,
    IncidentNotification,
    NotifiedChild,
    RapidReview,
)
from safeguarding.case_reviews.rules import (
    INCIDENT_NOTIFICATION_EDITABLE,
    RAPID_REVIEW_EDITABLE,
    REQUEST_DOCUMENT_KINDS,
    IncidentNotificationEdit,
    RapidReviewEdit,
    agency_contact_is_suitable,
)
from safeguarding.core import uploads
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.learning import services as learning_services
from safeguarding.learning.models import LearningPoint, Theme

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area


# How many times a new notification takes the next reference again after another one, saved
# at the same moment, took the same reference (the unique constraint refused the second).
REFERENCE_ATTEMPTS = 10


def _last_reference_number(prefix: str) -> int:
    """The highest number used after `prefix`, compared as numbers (so 1000 follows 999)."""
    numbers = [
        int(suffix)
        for reference in IncidentNotification.objects.filter(
            reference__startswith=prefix
        ).values_list("reference", flat=True)
        if (suffix := reference.removeprefix(prefix)).isdigit()
    ]
    return max(numbers, default=0)


def _next_reference(aware_on: date) -> str:
    prefix = f"SIN-{aware_on.year}-"
    return f"{prefix}{_last_reference_number(prefix) + 1:03d}"


def _save_with_next_reference(notification: IncidentNotification) -> None:
    """Save a new notification under the year's next reference. Two people recording at the
    same moment may both read the same last number; `reference` is unique, so the second
    insert is refused (on PostgreSQL it waits for the first to commit, then fails) and is
    retried in a savepoint with the number read again. Nothing is locked: there is no row
    to lock before the first notification of a year exists."""
    for attempt in range(1, REFERENCE_ATTEMPTS + 1):
        notification.reference = _next_reference(notification.aware_on)
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS or not _reference_taken(notification.reference):
                raise
        else:
            return


def _reference_taken(reference: str) -> bool:
    return IncidentNotification.objects.filter(reference=reference).exists()


@transaction.atomic
def incident_notification_create(
    *,
    actor: User | None,
    area: Area,
    incident_type: str,
    aware_on: date,
    abuse_or_neglect_suspected: bool = True,
    looked_after: bool = False,
    notified_on: date | None = None,
    summary: str = "",
    agencies: Iterable[Agency] = (),
) -> IncidentNotification:
    """Record a serious incident notification and open its rapid review."""
    notification = IncidentNotification(
        reference=_next_reference(aware_on),  # final one chosen on save
        area=area,
        incident_type=incident_type,
        aware_on=aware_on,
        abuse_or_neglect_suspected=abuse_or_neglect_suspected,
        looked_after=looked_after,
        notified_on=notified_on,
        summary=summary.strip(),
        created_by=actor,
    )
    notification.full_clean(exclude=["reference"])
    _save_with_next_reference(notification)
    agency_list = list(agencies)
    notification.agencies.set(agency_list)
    event_record(
        actor=actor,
        verb=verbs.INCIDENT_NOTIFICATION_RECORDED,
        target=notification,
        data={
            "area": area.pk,
            "incident_type": incident_type,
            "aware_on": aware_on.isoformat(),
            "notified_on": notified_on.isoformat() if notified_on else None,
            "agencies": sorted(a.pk for a in agency_list),
        },
    )
    rapid_review = RapidReview.objects.create(notification=notification)
    event_record(actor=actor, verb=verbs.RAPID_REVIEW_OPENED, target=rapid_review)
    return notification


@transaction.atomic
def incident_notification_update(
    *,
    actor: User | None,
    notification: IncidentNotification,
    expected_version: int | None,
    agencies: Iterable[Agency] | None = None,
    **edit: Unpack[IncidentNotificationEdit],
) -> dict[str, dict[str, Any]]:
    """Change any of a notification's details. A stale edit raises EditConflictError."""
    unknown = set(edit) - INCIDENT_NOTIFICATION_EDITABLE
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    data: dict[str, Any] = dict(edit)
    if isinstance(data.get("summary"), str):
        data["summary"] = data["summary"].strip()
    changes = tracked_update(
        actor=actor,
        obj=notification,
        data=data,
        verb=verbs.INCIDENT_NOTIFICATION_UPDATED,
        expected_version=expected_version,
    )
    if agencies is not None:
        before = sorted(notification.agencies.values_list("pk", flat=True))
        after = sorted(a.pk for a in agencies)
        if before != after:
            notification.agencies.set(list(agencies))
            event_record(
                actor=actor,
                verb=verbs.INCIDENT_NOTIFICATION_AGENCIES_CHANGED,
                target=notification,
                changes={"agencies": {"before": before, "after": after}},
            )
            changes["agencies"] = {"before": before, "after": after}
    return changes


@transaction.atomic
def child_add(
    *,
    actor: User | None,
    notification: IncidentNotification,
    pseudonym: str,
    full_name: str = "",
    date_of_birth: date | None = None,
    address: str = "",
    other_identifiers: str = "",
) -> NotifiedChild:
    """Add a child (at most four per notification). The identifying fields are encrypted and
    redacted from the activity log."""
    IncidentNotification.objects.select_for_update().filter(pk=notification.pk).first()
    if notification.children.count() >= MAX_CHILDREN:
        raise ValidationError(f"A notification can include at most {MAX_CHILDREN} children.")
    pseudonym = " ".join(pseudonym.split())
    if not pseudonym:
        raise ValidationError({"pseudonym": "Enter a pseudonym for the child."})
    return tracked_create(
        actor=actor,
        model=NotifiedChild,
        data={
            "notification": notification,
            "pseudonym": pseudonym,
            "full_name": full_name.strip(),
            "date_of_birth_text": _date_of_birth_text(date_of_birth),
            "address": address.strip(),
            "other_identifiers": other_identifiers.strip(),
        },
        verb=verbs.NOTIFIED_CHILD_ADDED,
    )


def _date_of_birth_text(value: date | None) -> str:
    if value is not None and value > timezone.localdate():
        raise ValidationError({"date_of_birth": "Date of birth must be today or in the past"})
    return value.isoformat() if value else ""


@transaction.atomic
def child_identity_update(
    *,
    actor: User,
    child: NotifiedChild,
    expected_version: int | None,
    full_name: str,
    date_of_birth: date | None,
    address: str,
    other_identifiers: str,
) -> dict[str, dict[str, Any]]:
    """Correct the identity panel. Entering a date of birth clears any free text kept from
    before dates of birth were dates (NotifiedChild.date_of_birth_as_entered). The log says
    which fields changed, never what they said."""
    data: dict[str, Any] = {
        "full_name": full_name.strip(),
        "date_of_birth_text": _date_of_birth_text(date_of_birth),
        "address": address.strip(),
        "other_identifiers": other_identifiers.strip(),
    }
    if date_of_birth is not None:
        data["date_of_birth_as_entered"] = ""
    return tracked_update(
        actor=actor,
        obj=child,
        data=data,
        verb=verbs.NOTIFIED_CHILD_UPDATED,
        expected_version=expected_version,
    )


def child_identity_view(*, actor: User, child: NotifiedChild) -> NotifiedChild:
    """Record that `actor` opened the child's identity panel (shown on "who has viewed")."""
    event_record_view(actor=actor, target=child.notification, what="identity panel")
    return child


@transaction.atomic
def rapid_review_update(
    *,
    actor: User | None,
    rapid_review: RapidReview,
    expected_version: int | None,
    **edit: Unpack[RapidReviewEdit],
) -> dict[str, dict[str, Any]]:
    """Record the meeting, the decision (with reasons), sending to the Panel and the Panel's
    response. A stale edit raises EditConflictError."""
    unknown = set(edit) - RAPID_REVIEW_EDITABLE
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    data: dict[str, Any] = dict(edit)
    if isinstance(data.get("decision_reasons"), str):
        data["decision_reasons"] = data["decision_reasons"].strip()
    return tracked_update(
        actor=actor,
        obj=rapid_review,
        data=data,
        verb=verbs.RAPID_REVIEW_UPDATED,
        expected_version=expected_version,
    )


@transaction.atomic
def rapid_review_learning_record(
    *,
    actor: User | None,
    rapid_review: RapidReview,
    title: str,
    summary: str,
    themes: Iterable[Theme],
    recorded_on: date | None = None,
    is_published: bool = False,
) -> LearningPoint:
    """Learning identified by the rapid review, tagged with themes (a learning point)."""
    notification = rapid_review.notification
    return learning_services.learning_point_record(
        actor=actor,
        source=rapid_review,
        source_kind=LearningPoint.SourceKind.RAPID_REVIEW,
        title=title,
        summary=summary,
        recorded_on=recorded_on or rapid_review.decided_on or timezone.localdate(),
        themes=themes,
        agencies=list(notification.agencies.all()),
        area=notification.area,
        is_published=is_published,
    )


@transaction.atomic
def agency_request_create(
    *,
    actor: User | None,
    rapid_review: RapidReview,
    agency: Agency,
    due_on: date,
    kind: str = AgencyRequest.Kind.CHRONOLOGY,
    contact: User | None = None,
    context: str = "",
) -> AgencyRequest:
    """Ask an agency (and its named contact) for a chronology or information by `due_on`, with
    the context the panel gives. The named contact must be able to answer: an active
    safeguarding lead of that agency (rules.AGENCY_CONTACT_ROLES)."""
    today = timezone.localdate()
    if due_on < today:
        raise ValidationError({"due_on": "The due date cannot be in the past."})
    if contact is not None and not agency_contact_is_suitable(contact=contact, agency=agency):
        raise ValidationError(
            {
                "contact": f"{contact.display_name} is not a safeguarding lead of {agency.name}: "
                "choose one of the agency's leads, or leave it empty."
            }
        )
    request = tracked_create(
        actor=actor,
        model=AgencyRequest,
        data={
            "rapid_review": rapid_review,
            "agency": agency,
            "contact": contact,
            "kind": kind,
            "context": context.strip(),
            "requested_on": today,
            "due_on": due_on,
        },
        verb=verbs.AGENCY_REQUEST_SENT,
    )
    _request_email(request)
    return request


def agency_request_recipients(*, request: AgencyRequest) -> list[User]:
    """The named contact when there is one (and their account is open); otherwise the agency's
    safeguarding leads."""
    return person_or_agency_leads(person=request.contact, agency_id=request.agency_id)


def _request_email(request: AgencyRequest) -> None:
    """Tell the agency: reference, what is asked, due date and a link; never case detail."""
    url = absolute_reverse("case_reviews:agency_request_submit", request.pk)
    for person in agency_request_recipients(request=request):
        email_send(
            template="case_reviews_request",
            to=[person.email],
            context={
                "name": person.display_name,
                "what": request.get_kind_display().lower(),
                "agency": request.agency.name,
                "reference": request.rapid_review.notification.reference,
                "due_date": f"{request.due_on.day} {request.due_on:%B %Y}",
                "url": url,
            },
        )


@transaction.atomic
def agency_request_submit(
    *,
    actor: User,
    request: AgencyRequest,
    response: str,
    expected_version: int | None,
    attachments: Iterable[UploadedFile] = (),
) -> AgencyRequest:
    """The agency's submission: the text, files (chronologies: PDF, Word or Excel, checked by
    their content and size, stored under generated names), or both. It may be added to later
    by another submission; a stale one raises EditConflictError. The text is encrypted and
    never logged (the event names the fields that changed, with the response redacted); a
    file's event names its kind and size, not its name."""
    response = response.strip()
    files = list(attachments)
    kinds = []
    for upload in files:
        try:
            kinds.append(
                uploads.check_upload(
                    upload,
                    kinds=REQUEST_DOCUMENT_KINDS,
                    max_mb=settings.CASE_REVIEW_UPLOAD_MAX_MB,
                )
            )
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from error
    if not response and not files and not request.response and not request.documents.exists():
        raise ValidationError(
            {"response": "Enter your agency's chronology or information, or attach a file."}
        )
    data: dict[str, Any] = {"submitted_on": timezone.localdate(), "submitted_by": actor}
    if response:
        data["response"] = response
    tracked_update(
        actor=actor,
        obj=request,
        data=data,
        verb=verbs.AGENCY_REQUEST_SUBMITTED,
        expected_version=expected_version,
    )
    for upload, kind in zip(files, kinds, strict=True):
        _request_document_add(actor=actor, request=request, upload=upload, kind=kind)
    return request


def _request_document_add(
    *, actor: User, request: AgencyRequest, upload: UploadedFile, kind: uploads.FileKind
) -> AgencyRequestDocument:
    document = AgencyRequestDocument(
        request=request,
        file_kind=kind.key,
        original_name=PurePath(upload.name or f"document{kind.extensions[0]}").name[-255:],
        size=upload.size or 0,
        uploaded_by=actor,
    )
    document.file.save(uploads.generated_name(kind), upload, save=False)
    document.full_clean()
    document.save()
    event_record(
        actor=actor,
        verb=verbs.AGENCY_REQUEST_DOCUMENT_ADDED,
        target=request,
        data={"document": document.pk, "kind": kind.key, "size": document.size},
    )
    return document


@transaction.atomic
def incident_notification_archive(
    *,
    actor: User,
    notification: IncidentNotification,
    reason: str,
    expected_version: int | None = None,
) -> IncidentNotification:
    """Archive a notification recorded in error or twice (records are archived, never deleted).
    It and its rapid review leave the lists, the deadlines and the annual report's figures;
    their pages stay, read-only, with the reason."""
    return tracked_archive(
        actor=actor,
        obj=notification,
        reason=reason,
        verb=verbs.INCIDENT_NOTIFICATION_ARCHIVED,
        noun="notification",
        expected_version=expected_version,
    )
