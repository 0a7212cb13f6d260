"""Uploaded files: checked by what they contain, stored under generated names, served safely.

A file's name and the browser's content type are claims; its first bytes are evidence. Each
upload field lists the kinds it allows (`PDF`, `DOCX`, ...) and a size limit; `check_upload`
refuses anything else with a message that names the person's own file. Stored files get a
random name in a folder outside the web root (MEDIA_ROOT is never served by the web server),
and `attachment_response` serves them as downloads with `nosniff`.
"""

from __future__ import annotations

import secrets
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("pdf", "PDF", (".pdf",), "application/pdf")
DOCX = FileKind(
    "docx",
    "Word document",
    (".docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileKind(
    "xlsx",
    "Excel workbook",
    (".xlsx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
PPTX = FileKind(
    "pptx",
    "PowerPoint presentation",
    (".pptx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
PNG = FileKind("png", "PNG image", (".png",), "image/png")
JPEG = FileKind("jpeg", "JPEG image", (".jpg", ".jpeg"), "image/jpeg")
CSV = FileKind("csv", "CSV file", (".csv",), "text/csv")
DOCUMENTS = (PDF, DOCX, XLSX, PPTX)

_OOXML_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def _head(upload: UploadedFile, size: int = 8) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return bytes(head)


def _ooxml_kind(upload: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        upload.seek(0)
    for key, prefix in _OOXML_PART.items():
        if "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names):
            return key
    return None


def sniff(upload: UploadedFile) -> str | None:
    """The kind of file the content shows, or None when it is none we know."""
    head = _head(upload)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _ooxml_kind(upload)
    upload.seek(0)
    sample = upload.read(4096)
    upload.seek(0)
    try:
        text = bytes(sample).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return "csv" if text and "\x00" not in text else None


def check_upload(upload: UploadedFile, *, kinds: Iterable[FileKind], max_mb: int) -> FileKind:
    """The file's kind, or a ValidationError that names the person's file and says what to do."""
    allowed = tuple(kinds)
    name = PurePath(upload.name or "the file").name
    labels = ", ".join(k.label for k in allowed)
    if upload.size is not None and upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            f"“{name}” is larger than {max_mb} MB: choose a smaller file.", code="too_large"
        )
    if not upload.size:
        raise ValidationError(f"“{name}” is empty: choose a file with something in it.")
    found = sniff(upload)
    for kind in allowed:
        if found == kind.key and name.lower().endswith(kind.extensions):
            return kind
    raise ValidationError(
        f"“{name}” is not a file of a kind this page takes. Choose a {labels}.",
        code="wrong_type",
    )


def generated_name(kind: FileKind) -> str:
    """A random stored name: the person's file name is never a path on the server."""
    return f"{secrets.token_hex(16)}{kind.extensions[0]}"


def attachment_response(stored: FieldFile, *, download_name: str, kind: FileKind) -> FileResponse:
    """Serve a stored file as a download: never shown inline, never sniffed by the browser."""
    response = FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=download_name,
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def kind_for_name(name: str, kinds: Iterable[FileKind] = DOCUMENTS) -> FileKind | None:
    lower = name.lower()
    return next((k for k in kinds if lower.endswith(k.extensions)), None)
