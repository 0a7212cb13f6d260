"""Notifications: recording a child's death, duplicate checks, refusals, reasons for delay."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.activity_log.services import (
    event_record,
    snapshot,
    tracked_archive,
    tracked_update,
)
from safeguarding.child_deaths import identity, permissions, selectors, verbs
from safeguarding.child_deaths.models import ChildDeathNotification, KindOfLoss
from safeguarding.core.fields import keyed_hash

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area


# --- notification --------------------------------------------------------------------


class NotReviewableError(ValidationError):
    """Stillbirths, late foetal losses and lawful terminations are not reviewed by CDOP."""


class LikelyDuplicateError(ValidationError):
    def __init__(self, matches: list[ChildDeathNotification], *, can_override: bool) -> None:
        self.matches = matches
        refs = ", ".join(m.reference for m in matches)
        then = (
            "If this is a different child, tick the box to confirm, say why, and submit again."
            if can_override
            else "Only a CDOP manager can save a notification that matches another."
        )
        super().__init__(
            {
                "confirmed_not_duplicate": ValidationError(
                    f"This looks like a child already notified ({refs}). Check that "
                    f"notification. {then}",
                    code="likely_duplicate",
                )
            }
        )


@dataclass(frozen=True)
class DuplicateOverride:
    """A CDOP manager's confirmation that a matching notification is a different child."""

    matches: list[ChildDeathNotification]
    reason: str

    @property
    def event_data(self) -> dict[str, object]:
        return {
            "confirmed_not_duplicate_of": [m.reference for m in self.matches],
            "reason": self.reason,
        }


def _check_duplicates(
    *,
    actor: User | None,
    matches: list[ChildDeathNotification],
    child_name: str,
    confirmed_not_duplicate: bool,
    duplicate_of: Iterable[str],
    duplicate_override_reason: str,
) -> DuplicateOverride | None:
    """No match: nothing to do. A match: refused unless a CDOP manager was shown exactly these
    matches (`duplicate_of`, the references on the form), ticked the box and said why (in
    words that do not identify the child, as the reason goes to the activity log)."""
    if not matches:
        return None
    allowed = permissions.can_override_duplicate(actor)
    shown = set(duplicate_of)
    if not (allowed and confirmed_not_duplicate and {m.reference for m in matches} <= shown):
        raise LikelyDuplicateError(matches, can_override=allowed)
    reason = duplicate_override_reason.strip()
    if not reason:
        raise ValidationError(
            {"duplicate_override_reason": "Enter why this is a different child."}
        )
    if identity.text_identifies_child(reason, child_name=child_name):
        raise ValidationError(
            {
                "duplicate_override_reason": (
                    "Do not write the child's name or NHS number in the reason: it is kept "
                    "in the activity log."
                )
            }
        )
    return DuplicateOverride(matches=matches, reason=reason)


def _nhs_number_checked(nhs_number: str) -> str:
    """The NHS number as its 10 digits, or "" when none was given; a number with a wrong check
    digit is refused."""
    nhs = identity.nhs_number_clean(nhs_number)
    if nhs and not identity.nhs_number_is_valid(nhs):
        raise ValidationError(
            {"nhs_number": "Enter a valid NHS number: 10 digits with a correct check digit."}
        )
    return nhs


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
        ChildDeathNotification.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _save_with_free_reference(notification: ChildDeathNotification, attempts: int = 5) -> None:
    """Save under the next free reference; if someone took it a moment ago, take the next."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
            notification.pk = None
            notification.reference = _next_reference(notification.notified_on)
        else:
            return


def _check_reviewable(
    *, kind_of_loss: str, born: date, died: date, notified_on: date, today: date
) -> None:
    refusal = KindOfLoss(kind_of_loss).refusal if kind_of_loss in KindOfLoss.values else ""
    if refusal:
        raise NotReviewableError({"kind_of_loss": refusal}, code="not_reviewable")
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


def _check_residence(*, residence_area: Area | None, home_area_name: str) -> None:
    if residence_area is None and not home_area_name.strip():
        raise ValidationError(
            {
                "home_area_name": (
                    "Choose the area of residence, or enter the child's home local authority "
                    "if they lived outside the partnership."
                )
            }
        )


def _cleaned_fields(
    *,
    child_name: str,
    date_of_birth: date,
    date_of_death: date,
    nhs: str,
    ethnicity: str,
    address: str,
    residence_area: Area | None,
    home_area_name: str,
    notified_by: str,
    professionals_involved: str,
) -> dict[str, Any]:
    """The notification's fields that are tidied or worked out from what was entered, the same
    on notifying and on correcting: spaces trimmed, the date of birth kept as text, the age at
    death and its band, and no home area name when the child lived in one of our areas."""
    band = identity.age_band(date_of_birth, date_of_death)
    assert band is not None
    return {
        "child_name": " ".join(child_name.split()),
        "date_of_birth_text": date_of_birth.isoformat(),
        "nhs_number": nhs,
        "ethnicity": ethnicity.strip(),
        "address": address.strip(),
        "date_of_death": date_of_death,
        "age_at_death_days": (date_of_death - date_of_birth).days,
        "age_band": band,
        "home_area_name": "" if residence_area is not None else home_area_name.strip(),
        "notified_by": notified_by.strip(),
        "professionals_involved": professionals_involved.strip(),
    }


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
    kind_of_loss: str = KindOfLoss.LIVE_BORN,
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
    duplicate_of: Iterable[str] = (),
    duplicate_override_reason: str = "",
) -> ChildDeathNotification:
    """Record a notification. Refuses deaths the panel does not review, and raises
    LikelyDuplicateError when the child seems already notified (same NHS number; or same name
    and date of birth) unless a CDOP manager, shown the match, confirmed it is a different
    child and said why (kept on the record and in the activity log)."""
    _check_reviewable(
        kind_of_loss=kind_of_loss,
        born=date_of_birth,
        died=date_of_death,
        notified_on=notified_on,
        today=timezone.localdate(),
    )
    nhs = _nhs_number_checked(nhs_number)
    _check_residence(residence_area=residence_area, home_area_name=home_area_name)
    matches = selectors.notification_likely_duplicates(
        nhs_number=nhs, child_name=child_name, date_of_birth=date_of_birth
    )
    override = _check_duplicates(
        actor=actor,
        matches=matches,
        child_name=child_name,
        confirmed_not_duplicate=confirmed_not_duplicate,
        duplicate_of=duplicate_of,
        duplicate_override_reason=duplicate_override_reason,
    )
    notification = ChildDeathNotification(
        reference=_next_reference(notified_on),
        **_cleaned_fields(
            child_name=child_name,
            date_of_birth=date_of_birth,
            date_of_death=date_of_death,
            nhs=nhs,
            ethnicity=ethnicity,
            address=address,
            residence_area=residence_area,
            home_area_name=home_area_name,
            notified_by=notified_by,
            professionals_involved=professionals_involved,
        ),
        sex=sex,
        place_of_death=place_of_death,
        expectation=expectation,
        joint_agency_response=joint_agency_response,
        residence_area=residence_area,
        reviewed_by_this_panel=reviewed_by_this_panel,
        notified_on=notified_on,
        notifying_agency=notifying_agency,
        possible_duplicate_of=matches[0] if override else None,
        duplicate_override_by=actor if override else None,
        duplicate_override_reason=override.reason if override else "",
        **_identity_hashes(
            child_name=child_name, date_of_birth=date_of_birth, nhs_number=nhs_number
        ),
    )
    notification.full_clean(exclude=["reference"])
    _save_with_free_reference(notification)
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
        verb=verbs.CHILD_DEATH_NOTIFIED,
        target=notification,
        changes={
            k: {"before": None, "after": v} for k, v in snapshot(notification, fields).items()
        },
        data=override.event_data if override else None,
    )
    return notification


@transaction.atomic
def notification_update(
    *,
    actor: User | None,
    notification: ChildDeathNotification,
    expected_version: int | None,
    child_name: str,
    date_of_birth: date,
    sex: str,
    date_of_death: date,
    place_of_death: str,
    expectation: str,
    notified_on: date,
    notified_by: str,
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
    duplicate_of: Iterable[str] = (),
    duplicate_override_reason: str = "",
) -> ChildDeathNotification:
    """Correct a notification. The same rules as notifying apply (a changed NHS number, name or
    date of birth is checked for duplicates again); a stale edit is refused."""
    _check_reviewable(
        kind_of_loss=KindOfLoss.LIVE_BORN,
        born=date_of_birth,
        died=date_of_death,
        notified_on=notified_on,
        today=timezone.localdate(),
    )
    nhs = _nhs_number_checked(nhs_number)
    _check_residence(residence_area=residence_area, home_area_name=home_area_name)
    data = {
        **_cleaned_fields(
            child_name=child_name,
            date_of_birth=date_of_birth,
            date_of_death=date_of_death,
            nhs=nhs,
            ethnicity=ethnicity,
            address=address,
            residence_area=residence_area,
            home_area_name=home_area_name,
            notified_by=notified_by,
            professionals_involved=professionals_involved,
        ),
        "sex": sex,
        "place_of_death": place_of_death,
        "expectation": expectation,
        "joint_agency_response": joint_agency_response,
        "residence_area": residence_area,
        "reviewed_by_this_panel": reviewed_by_this_panel,
        "notified_on": notified_on,
        "notifying_agency": notifying_agency,
    }
    matches = selectors.notification_likely_duplicates(
        nhs_number=nhs,
        child_name=child_name,
        date_of_birth=date_of_birth,
        exclude_pk=notification.pk,
    )
    if notification.duplicate_override_by_id is not None:
        # A match a CDOP manager already confirmed is a different child is not asked again.
        matches = [m for m in matches if m.pk != notification.possible_duplicate_of_id]
    override = _check_duplicates(
        actor=actor,
        matches=matches,
        child_name=child_name,
        confirmed_not_duplicate=confirmed_not_duplicate,
        duplicate_of=duplicate_of,
        duplicate_override_reason=duplicate_override_reason,
    )
    if override:
        data["possible_duplicate_of"] = matches[0]
        data["duplicate_override_by"] = actor
        data["duplicate_override_reason"] = override.reason
    tracked_update(
        actor=actor,
        obj=notification,
        data=data,
        verb=verbs.CHILD_DEATH_CORRECTED,
        expected_version=expected_version,
    )
    if override:
        event_record(
            actor=actor,
            verb=verbs.CHILD_DEATH_DUPLICATE_OVERRIDDEN,
            target=notification,
            data=override.event_data,
        )
    # The keyed hashes follow the values; they are kept out of the logged diff.
    hashes = _identity_hashes(
        child_name=child_name, date_of_birth=date_of_birth, nhs_number=nhs_number
    )
    ChildDeathNotification.objects.filter(pk=notification.pk).update(**hashes)
    for name, value in hashes.items():
        setattr(notification, name, value)
    notification.agencies_involved.set(list(agencies_involved))
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
        verb=verbs.CHILD_DEATH_DELAY_RECORDED,
        expected_version=expected_version,
    )
    return notification


@transaction.atomic
def notification_archive(
    *, actor: User, notification: ChildDeathNotification, reason: str
) -> ChildDeathNotification:
    """Archive a notification made in error (records are archived, never deleted). It leaves
    the case lists and the figures; the reason is kept."""
    return tracked_archive(
        actor=actor,
        obj=notification,
        reason=reason,
        verb=verbs.CHILD_DEATH_ARCHIVED,
        noun="notification",
    )
