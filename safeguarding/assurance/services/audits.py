"""Multi-agency audits (QEG): the audit, its sample of cases, the auditors' tools, moderation,
findings (learning points in `learning`, actions in `actions`) and completion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding.actions.models import Action
from safeguarding.actions.services import action_create, action_plan_get_or_create_for
from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.assurance import verbs
from safeguarding.assurance.models import Audit, AuditCase, FormTemplate, Grade
from safeguarding.assurance.selectors import form_version_latest
from safeguarding.assurance.services.forms import response_record
from safeguarding.core.concurrency import bump_version
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.learning.services import learning_point_record

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Priority


@transaction.atomic
def audit_create(
    *,
    actor: User | None,
    title: str,
    theme: str,
    kind: str,
    tool: FormTemplate,
    agencies: Iterable[Agency],
    planned_for: dt.date,
    priority: Priority | None = None,
) -> Audit:
    if tool.purpose != FormTemplate.Purpose.AUDIT_TOOL:
        raise ValidationError({"tool": "Choose an audit tool."})
    chosen = list({a.pk: a for a in agencies}.values())
    if not chosen:
        raise ValidationError({"agencies": "Choose at least one participating agency."})
    if kind == Audit.Kind.SINGLE_AGENCY and len(chosen) != 1:
        raise ValidationError({"agencies": "A single agency audit has exactly one agency."})
    audit = tracked_create(
        actor=actor,
        model=Audit,
        data={
            "title": title.strip(),
            "theme": theme.strip(),
            "kind": kind,
            "tool": tool,
            "planned_for": planned_for,
            "priority": priority,
        },
        verb=verbs.AUDIT_CREATED,
    )
    audit.agencies.set(chosen)
    return audit


@transaction.atomic
def audit_case_add(
    *,
    actor: User | None,
    audit: Audit,
    case_reference: str,
    agency: Agency,
    auditor: User | None = None,
) -> AuditCase:
    """Add a case to the sample: its reference only (never a name) and the auditor."""
    if not audit.takes_cases:
        raise ValidationError("Cases cannot be added once the audit has been moderated.")
    if not audit.agencies.filter(pk=agency.pk).exists():
        raise ValidationError({"agency": "Choose one of the audit's participating agencies."})
    if AuditCase.objects.filter(
        audit=audit, case_reference=case_reference.strip(), agency=agency
    ).exists():
        raise ValidationError({"case_reference": "This case is already in the sample."})
    return tracked_create(
        actor=actor,
        model=AuditCase,
        data={
            "audit": audit,
            "case_reference": case_reference.strip(),
            "agency": agency,
            "auditor": auditor,
        },
        verb=verbs.AUDIT_CASE_ADDED,
    )


@transaction.atomic
def audit_case_complete(
    *,
    actor: User | None,
    case: AuditCase,
    answers: Mapping[str, Any],
    auditor_grade: str,
    files: Mapping[str, UploadedFile] | None = None,
    on: dt.date | None = None,
) -> AuditCase:
    """The auditor completes the audit tool for a case (its latest version)."""
    if case.response_id is not None:
        raise ValidationError("The audit tool for this case has already been completed.")
    if not case.audit.takes_cases:
        raise ValidationError("The audit has been moderated: its cases can no longer change.")
    if auditor_grade not in Grade.values:
        raise ValidationError({"auditor_grade": "Choose a grade."})
    version = form_version_latest(template=case.audit.tool)
    response = response_record(version=version, answers=answers, files=files, on=on)
    case.response = response
    case.auditor_grade = auditor_grade
    case.save(update_fields=["response", "auditor_grade", "updated_at", *bump_version(case)])
    if case.audit.status == Audit.Status.PLANNED:
        Audit.objects.filter(pk=case.audit_id).update(status=Audit.Status.IN_PROGRESS)
        case.audit.status = Audit.Status.IN_PROGRESS
    event_record(
        actor=actor,
        verb=verbs.AUDIT_CASE_COMPLETED,
        target=case,
        data={"version": version.number, "grade": auditor_grade},
    )
    return case


@transaction.atomic
def audit_moderate(
    *,
    actor: User | None,
    audit: Audit,
    moderation_on: dt.date,
    grades: Mapping[int, tuple[str, str]],
) -> Audit:
    """Record the moderation meeting's agreed grade (and note) for every completed case."""
    if audit.status == Audit.Status.COMPLETE:
        raise ValidationError("The audit is complete: its moderation can no longer change.")
    cases = list(audit.cases.filter(response__isnull=False))
    if not cases:
        raise ValidationError("No case has been audited yet.")
    for case in cases:
        grade, notes = grades.get(case.pk, ("", ""))
        if grade not in Grade.values:
            raise ValidationError(f"Choose the agreed grade for case {case.case_reference}.")
        case.agreed_grade = grade
        case.moderation_notes = (notes or "").strip()
        case.save(
            update_fields=["agreed_grade", "moderation_notes", "updated_at", *bump_version(case)]
        )
    tracked_update(
        actor=actor,
        obj=audit,
        data={"moderation_on": moderation_on, "status": Audit.Status.MODERATED},
        verb=verbs.AUDIT_MODERATED,
    )
    return audit


@transaction.atomic
def audit_finding_record(
    *,
    actor: User | None,
    audit: Audit,
    title: str,
    summary: str,
    recorded_on: dt.date,
    themes: Iterable[Theme],
    action_description: str = "",
    action_agency: Agency | None = None,
    action_due: dt.date | None = None,
) -> tuple[LearningPoint, Action | None]:
    """A finding becomes a learning point and, when given, an action on the audit's plan."""
    if not audit.takes_findings:
        raise ValidationError("The audit is complete: record no more findings.")
    point = learning_point_record(
        actor=actor,
        source=audit,
        source_kind=LearningPoint.SourceKind.AUDIT,
        title=title,
        summary=summary,
        recorded_on=recorded_on,
        themes=themes,
        agencies=list(audit.agencies.all()),
    )
    action = None
    if action_description.strip():
        if action_agency is None or action_due is None:
            raise ValidationError("Give the action's agency and due date.")
        plan = action_plan_get_or_create_for(
            actor=actor, source=audit, title=f"{audit.title}: action plan"
        )
        action = action_create(
            actor=actor,
            plan=plan,
            description=action_description,
            owner_agency=action_agency,
            due_date=action_due,
        )
    return point, action


@transaction.atomic
def audit_complete(
    *, actor: User | None, audit: Audit, completed_on: dt.date, findings_summary: str
) -> Audit:
    if audit.status != Audit.Status.MODERATED:
        raise ValidationError("Hold the moderation meeting before completing the audit.")
    tracked_update(
        actor=actor,
        obj=audit,
        data={
            "completed_on": completed_on,
            "findings_summary": findings_summary.strip(),
            "status": Audit.Status.COMPLETE,
        },
        verb=verbs.AUDIT_COMPLETED,
    )
    return audit
