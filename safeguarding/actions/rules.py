"""Rules the forms and the services share (kept here so forms never import services)."""

from __future__ import annotations

EVIDENCE_EXTENSIONS = frozenset(
    {"pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods", "ppt", "pptx", "odp"}
    | {"png", "jpg", "jpeg"}
)
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
