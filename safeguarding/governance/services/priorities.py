"""The priorities plan, quarterly progress and evidence links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from safeguarding.activity_log.services import event_record
from safeguarding.governance import evidence, verbs
from safeguarding.governance.models import (
    EvidenceLink,
    PriorityPlan,
    PriorityProgress,
)
from safeguarding.governance.services.common import _record_or_correct
from safeguarding.partnership.models import Priority

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# --- priorities ----------------------------------------------------------------------


@transaction.atomic
def priority_plan_save(
    *, actor: User | None, priority: Priority, what_it_is: str, how: str
) -> PriorityPlan:
    return _record_or_correct(
        actor=actor,
        model=PriorityPlan,
        key={"priority": priority},
        values={"what_it_is": what_it_is.strip(), "how": how.strip()},
        verb=verbs.PRIORITY_PLAN_SAVED,
    )


@transaction.atomic
def priority_progress_record(
    *,
    actor: User | None,
    priority: Priority,
    year_start: int,
    quarter: int,
    rag: str,
    narrative: str,
) -> PriorityProgress:
    """The quarter's progress on a priority; one per quarter."""
    if PriorityProgress.objects.filter(
        priority=priority, year_start=year_start, quarter=quarter
    ).exists():
        raise ValidationError({"quarter": "Progress for this quarter has already been recorded."})
    if not narrative.strip():
        raise ValidationError({"narrative": "Write a short account of the progress."})
    progress = PriorityProgress(
        priority=priority,
        year_start=year_start,
        quarter=quarter,
        rag=rag,
        narrative=narrative.strip(),
        written_by=actor,
    )
    progress.full_clean()
    progress.save()
    event_record(
        actor=actor,
        verb=verbs.PRIORITY_PROGRESS_RECORDED,
        target=progress,
        data={"priority": priority.pk, "quarter": quarter, "rag": rag},
    )
    return progress


@transaction.atomic
def evidence_link(
    *, actor: User | None, priority: Priority, record: Model, note: str = ""
) -> EvidenceLink:
    """Link a record from any module (of a registered kind) to a priority as evidence."""
    if evidence.provider_for_record(record) is None:
        raise ValidationError("Records of this kind cannot be linked to a priority.")
    record_type = ContentType.objects.get_for_model(record, for_concrete_model=False)
    link, created = EvidenceLink.objects.get_or_create(
        priority=priority,
        record_type=record_type,
        record_id=record.pk,
        defaults={"note": note.strip()[:300], "linked_by": actor},
    )
    if created:
        event_record(
            actor=actor,
            verb=verbs.EVIDENCE_LINKED,
            target=priority,
            data={"record": record._meta.label_lower, "record_id": record.pk},
        )
    return link


def evidence_link_by_id(
    *, actor: User | None, priority: Priority, model_label: str, record_id: int, note: str = ""
) -> EvidenceLink:
    """Link the record `model_label` #`record_id` (the evidence page's form)."""
    from django.apps import apps

    if evidence.provider_for(model_label) is None:
        raise ValidationError({"kind": "Records of this kind cannot be linked to a priority."})
    model = apps.get_model(model_label)
    record = model._default_manager.filter(pk=record_id).first()
    if record is None:
        raise ValidationError({"record_id": "There is no record with this number."})
    return evidence_link(actor=actor, priority=priority, record=record, note=note)
