"""Section 11 self-assessment: cycles, agency returns, moderation, challenge, feedback,
the agency's action plan and deadline reminders.

Configuration (settings, all optional):
* SECTION11_CYCLE_YEARS (default 2): how often the partnership runs a cycle.
* SECTION11_REMINDER_WORKING_DAYS (default 10): how many working days before the deadline the
  "deadline coming up" reminder goes to the agency's safeguarding leads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.accounts.selectors import agency_lead_emails
from safeguarding.actions.models import ActionPlan
from safeguarding.actions.services import action_plan_get_or_create_for
from safeguarding.activity_log.services import event_record, tracked_update
from safeguarding.assurance import verbs
from safeguarding.assurance.models import (
    FormTemplate,
    FormVersion,
    Question,
    Section11Cycle,
    Section11Reminder,
    Section11Return,
    Section11Score,
)
from safeguarding.assurance.services.forms import form_version_freeze
from safeguarding.core.concurrency import bump_version, check_version
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.working_days import add_working_days
from safeguarding.core.years import year_label_checked

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency


@transaction.atomic
def section11_cycle_create(
    *,
    actor: User | None,
    name: str,
    year_label: str,
    opens_on: dt.date,
    deadline: dt.date,
    standard_set: FormVersion,
    agencies: Iterable[Agency],
    previous: Section11Cycle | None = None,
) -> Section11Cycle:
    """Open a cycle: one draft return per agency, one score row per standard. The standard set
    version is frozen (editing it later makes a new version for the next cycle)."""
    if standard_set.template.purpose != FormTemplate.Purpose.SECTION11:
        raise ValidationError({"standard_set": "Choose a Section 11 standard set."})
    standards = list(Question.objects.filter(section__form_version=standard_set))
    if not standards:
        raise ValidationError({"standard_set": "The standard set has no standards yet."})
    chosen = list({a.pk: a for a in agencies}.values())
    if not chosen:
        raise ValidationError({"agencies": "Choose at least one agency."})
    cycle = Section11Cycle(
        name=name.strip(),
        year_label=year_label_checked(year_label),
        opens_on=opens_on,
        deadline=deadline,
        standard_set=standard_set,
        previous=previous,
    )
    cycle.full_clean()
    cycle.save()
    form_version_freeze(version=standard_set)
    for agency in chosen:
        ret = Section11Return.objects.create(cycle=cycle, agency=agency)
        Section11Score.objects.bulk_create(
            Section11Score(section11_return=ret, standard=s) for s in standards
        )
    event_record(
        actor=actor,
        verb=verbs.SECTION11_CYCLE_CREATED,
        target=cycle,
        data={"agencies": len(chosen), "standards": len(standards)},
    )
    return cycle


def _editable_by_agency(ret: Section11Return) -> None:
    if ret.status != Section11Return.Status.DRAFT:
        raise ValidationError("This return has been submitted and can no longer be changed.")


@transaction.atomic
def section11_return_save(
    *,
    actor: User | None,
    section11_return: Section11Return,
    scores: Mapping[int, Mapping[str, Any]],
    expected_version: int | None,
) -> Section11Return:
    """Save the agency's self-assessment (a draft): {score id: {self_score, evidence,
    strengths, areas_for_improvement}}."""
    locked = Section11Return.objects.select_for_update().get(pk=section11_return.pk)
    check_version(locked, expected_version, {})
    _editable_by_agency(locked)
    fields = ("self_score", "evidence", "strengths", "areas_for_improvement")
    changed = 0
    for score in locked.scores.all():
        data = scores.get(score.pk)
        if data is None:
            continue
        for name in fields:
            if name in data:
                value = data[name]
                setattr(score, name, value.strip() if isinstance(value, str) else value)
        score.full_clean()
        score.save()
        changed += 1
    locked.save(update_fields=["updated_at", *bump_version(locked)])
    event_record(
        actor=actor, verb=verbs.SECTION11_RETURN_SAVED, target=locked, data={"standards": changed}
    )
    section11_return.version = locked.version
    return section11_return


@transaction.atomic
def section11_return_submit(
    *, actor: User | None, section11_return: Section11Return
) -> Section11Return:
    locked = Section11Return.objects.select_for_update().get(pk=section11_return.pk)
    _editable_by_agency(locked)
    missing = [s for s in locked.scores.select_related("standard") if s.self_score is None]
    if missing:
        raise ValidationError(
            f"Give a self-score for every standard before submitting ({len(missing)} missing)."
        )
    locked.status = Section11Return.Status.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = actor
    bump_version(locked)
    locked.save()
    event_record(actor=actor, verb=verbs.SECTION11_RETURN_SUBMITTED, target=locked)
    section11_return.refresh_from_db()
    return section11_return


@transaction.atomic
def section11_return_moderate(
    *,
    actor: User | None,
    section11_return: Section11Return,
    moderated: Mapping[int, tuple[int, str]],
    expected_version: int | None,
) -> Section11Return:
    """Record the moderated score and comment for every standard: {score id: (score, note)}."""
    locked = Section11Return.objects.select_for_update().get(pk=section11_return.pk)
    check_version(locked, expected_version, {})
    if locked.status == Section11Return.Status.DRAFT:
        raise ValidationError("The agency has not submitted this return yet.")
    scores = list(locked.scores.all())
    missing = [s for s in scores if s.pk not in moderated or moderated[s.pk][0] is None]
    if missing:
        raise ValidationError("Give a moderated score for every standard.")
    for score in scores:
        value, comment = moderated[score.pk]
        score.moderated_score = value
        score.moderation_comment = (comment or "").strip()
        score.full_clean()
        score.save()
    locked.status = Section11Return.Status.MODERATED
    locked.moderated_at = timezone.now()
    locked.moderated_by = actor
    bump_version(locked)
    locked.save()
    event_record(
        actor=actor,
        verb=verbs.SECTION11_RETURN_MODERATED,
        target=locked,
        data={"standards": len(scores)},
    )
    section11_return.refresh_from_db()
    return section11_return


@transaction.atomic
def section11_challenge_record(
    *,
    actor: User | None,
    section11_return: Section11Return,
    expected_version: int | None,
    challenge_on: dt.date,
    challenge_attendees: str,
    challenge_notes: str,
) -> Section11Return:
    if section11_return.status == Section11Return.Status.DRAFT:
        raise ValidationError("Hold the challenge session after the agency has submitted.")
    tracked_update(
        actor=actor,
        obj=section11_return,
        data={
            "challenge_on": challenge_on,
            "challenge_attendees": challenge_attendees.strip(),
            "challenge_notes": challenge_notes.strip(),
        },
        verb=verbs.SECTION11_CHALLENGE_RECORDED,
        expected_version=expected_version,
    )
    return section11_return


@transaction.atomic
def section11_feedback_record(
    *,
    actor: User | None,
    section11_return: Section11Return,
    expected_version: int | None,
    feedback: str,
) -> Section11Return:
    """Record the partnership's feedback to the agency and open the agency's action plan (the
    agency's actions follow from the feedback)."""
    if section11_return.status == Section11Return.Status.DRAFT:
        raise ValidationError("Give feedback after the agency has submitted.")
    tracked_update(
        actor=actor,
        obj=section11_return,
        data={"feedback": feedback.strip()},
        verb=verbs.SECTION11_FEEDBACK_RECORDED,
        expected_version=expected_version,
    )
    section11_action_plan(actor=actor, section11_return=section11_return)
    return section11_return


def section11_action_plan(*, actor: User | None, section11_return: Section11Return) -> ActionPlan:
    """The agency's Section 11 action plan (in `actions`), created on first use."""
    return action_plan_get_or_create_for(
        actor=actor,
        source=section11_return,
        title=f"Section 11 {section11_return.cycle.year_label}: "
        f"{section11_return.agency.name} action plan",
    )


# --- reminders -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderResult:
    due_soon: int
    overdue: int


def _reminder_kind(ret: Section11Return, today: dt.date) -> str | None:
    deadline = ret.cycle.deadline
    if today > deadline:
        return Section11Reminder.Kind.OVERDUE
    if (
        today >= ret.cycle.opens_on
        and add_working_days(today, settings.SECTION11_REMINDER_WORKING_DAYS) >= deadline
    ):
        return Section11Reminder.Kind.DUE_SOON
    return None


def section11_send_reminders(*, today: dt.date | None = None) -> ReminderResult:
    """E-mail the safeguarding leads of agencies whose return is not submitted: once when the
    deadline is SECTION11_REMINDER_WORKING_DAYS working days away or nearer, once after it has
    passed. Each reminder is recorded, so running this twice sends nothing new."""
    today = today or timezone.localdate()
    counts: dict[str, int] = {
        Section11Reminder.Kind.DUE_SOON: 0,
        Section11Reminder.Kind.OVERDUE: 0,
    }
    open_returns = Section11Return.objects.filter(
        status=Section11Return.Status.DRAFT
    ).select_related("cycle", "agency")
    for ret in open_returns:
        kind = _reminder_kind(ret, today)
        if kind is None or ret.reminders.filter(kind=kind).exists():
            continue
        if _reminder_send(ret=ret, kind=kind, today=today):
            counts[kind] += 1
    return ReminderResult(
        due_soon=counts[Section11Reminder.Kind.DUE_SOON],
        overdue=counts[Section11Reminder.Kind.OVERDUE],
    )


def _reminder_send(*, ret: Section11Return, kind: str, today: dt.date) -> bool:
    recipients = agency_lead_emails(agency_id=ret.agency_id)
    try:
        with transaction.atomic():
            Section11Reminder.objects.create(
                section11_return=ret, kind=kind, sent_on=today, recipients=len(recipients)
            )
            if recipients:
                email_send(
                    template="assurance_section11_reminder",
                    to=recipients,
                    context={
                        "overdue": kind == Section11Reminder.Kind.OVERDUE,
                        "cycle": ret.cycle.name,
                        "agency": ret.agency.name,
                        "deadline": f"{ret.cycle.deadline.day} {ret.cycle.deadline:%B %Y}",
                        "url": absolute_reverse("assurance:section11_return_detail", ret.pk),
                    },
                )
            event_record(
                actor=None,
                verb=verbs.SECTION11_REMINDER_SENT,
                target=ret,
                data={"kind": kind, "recipients": len(recipients)},
            )
    except IntegrityError:  # another run sent it a moment ago
        return False
    return True
