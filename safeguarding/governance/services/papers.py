"""Meeting papers: checked by their content and size, stored under generated names, sent to
members; downloads logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record
from safeguarding.core import uploads
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.governance import verbs
from safeguarding.governance.models import (
    AgendaItem,
    Meeting,
    Paper,
)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
from safeguarding.governance.services.meetings import meeting_recipients

PAPER_KINDS = uploads.DOCUMENTS


def paper_check(upload: UploadedFile) -> uploads.FileKind:
    """The paper's kind from its content (PDF, Word, Excel, PowerPoint) and its size, by the
    shared check (core.uploads); the message names the person's file."""
    try:
        return uploads.check_upload(
            upload, kinds=PAPER_KINDS, max_mb=int(settings.GOVERNANCE_PAPER_MAX_MB)
        )
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc


@transaction.atomic
def paper_upload(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    file: UploadedFile,
    agenda_item: AgendaItem | None = None,
) -> Paper:
    kind = paper_check(file).key
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda."})
    original = (file.name or "paper").rsplit("/", 1)[-1][:200]
    paper = Paper(
        meeting=meeting,
        agenda_item=agenda_item,
        title=title.strip() or original,
        original_name=original,
        kind=kind,
        size=file.size or 0,
        uploaded_by=actor,
    )
    paper.file.save(original, file, save=False)
    paper.full_clean()
    paper.save()
    event_record(
        actor=actor,
        verb=verbs.PAPER_UPLOADED,
        target=paper,
        data={"meeting": meeting.pk, "kind": kind, "size": paper.size},
    )
    return paper


@transaction.atomic
def papers_publish(*, actor: User | None, meeting: Meeting) -> Meeting:
    """Send the papers to the group's members (marks them published, with an e-mail)."""
    if not meeting.papers.exists():
        raise ValidationError("Upload at least one paper before publishing the papers.")
    if meeting.papers_published_at is not None:
        raise ValidationError("The papers have already been published.")
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(papers_published_at=now)
    meeting.papers_published_at = now
    recipients = [p.email for p in meeting_recipients(meeting=meeting)]
    if recipients:
        email_send(
            template="governance_papers_published",
            to=recipients,
            context={
                "group": meeting.group.name,
                "date": f"{timezone.localtime(meeting.starts_at):%d %B %Y %H:%M}",
                "url": absolute_reverse("governance:meeting_detail", meeting.pk),
            },
        )
    event_record(
        actor=actor,
        verb=verbs.PAPERS_PUBLISHED,
        target=meeting,
        data={"late": meeting.papers_due_on < timezone.localdate(), "recipients": len(recipients)},
    )
    return meeting


def paper_download_record(*, actor: User, paper: Paper) -> None:
    """Every download of a paper is in the activity log."""
    event_record(
        actor=actor,
        verb=verbs.PAPER_DOWNLOADED,
        target=paper,
        data={"meeting": paper.meeting_id},
        kind=ActivityEvent.Kind.EXPORT,
    )
