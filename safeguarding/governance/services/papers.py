"""Meeting papers: checked by their content and size, stored under generated names, sent to
members; downloads logged."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record
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

OFFICE_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
PAPER_KINDS = frozenset({"pdf", *OFFICE_FOLDERS.values()})


def paper_kind_detect(upload: UploadedFile) -> str | None:
    """What the file really is, from its content: pdf, docx, xlsx, pptx, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" not in names:
            return None
        for folder, kind in OFFICE_FOLDERS.items():
            if any(name.startswith(folder) for name in names):
                return kind
    return None


def paper_max_bytes() -> int:
    return int(settings.GOVERNANCE_PAPER_MAX_MB) * 1024 * 1024


def _paper_check(upload: UploadedFile) -> str:
    if not upload.size:
        raise ValidationError({"file": "The selected file is empty."})
    if upload.size > paper_max_bytes():
        raise ValidationError(
            {"file": f"The file must be smaller than {settings.GOVERNANCE_PAPER_MAX_MB}MB."}
        )
    kind = paper_kind_detect(upload)
    if kind is None:
        raise ValidationError({"file": "The paper must be a PDF, Word, Excel or PowerPoint file."})
    return kind


@transaction.atomic
def paper_upload(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    file: UploadedFile,
    agenda_item: AgendaItem | None = None,
) -> Paper:
    kind = _paper_check(file)
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
