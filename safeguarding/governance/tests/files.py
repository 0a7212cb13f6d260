"""Small synthetic files for upload tests: real signatures, no real content."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf(name: str = "paper.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n% synthetic paper\n", content_type="application/pdf"
    )


def office(folder: str = "word/", name: str = "paper.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def fake_pdf(name: str = "paper.pdf") -> SimpleUploadedFile:
    """Named like a PDF but really an HTML page."""
    return SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>")
