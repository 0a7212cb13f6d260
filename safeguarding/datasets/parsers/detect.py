"""Which return a set of uploaded files is: decided by content, never by the file name alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

from safeguarding.datasets.models import ReturnKind
from safeguarding.datasets.parsers import annex_a, ssda903
from safeguarding.datasets.parsers.common import ImportFileError

_XML_HEAD = 4096


def detect(paths: list[Path]) -> str:
    """The ReturnKind of the files, or ImportFileError saying why none fits."""
    if not paths:
        raise ImportFileError("Choose a file to import.")
    kinds = {_kind(path) for path in paths}
    if len(kinds) > 1:
        raise ImportFileError("The files are from different returns: import one return at a time.")
    kind = kinds.pop()
    if kind != ReturnKind.SSDA903 and len(paths) > 1:
        raise ImportFileError(
            "Import one file at a time (only SSDA903 CSV tables come in several)."
        )
    return kind


def _kind(path: Path) -> str:
    if path.stat().st_size == 0:
        raise ImportFileError(f"{path.name} is empty.")
    with path.open("rb") as handle:
        head = handle.read(_XML_HEAD)
    if head.startswith(b"PK"):
        if zipfile.is_zipfile(path) and annex_a.looks_like_annex_a(path):
            return ReturnKind.ANNEX_A
        raise ImportFileError(
            f"{path.name} is a spreadsheet without 'List 1' ... 'List 8' sheets: it is not an "
            "Ofsted Annex A workbook."
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        if b"<Message" in text:
            return ReturnKind.CIN
        if b"<EXPSSDA903" in text:
            return ReturnKind.SSDA903
        raise ImportFileError(
            f"{path.name} is XML but neither a Children in Need census nor an SSDA903 return."
        )
    if ssda903.table_of(ssda903.csv_columns(path)):
        return ReturnKind.SSDA903
    raise ImportFileError(
        f"{path.name} is not a known return: expected an Annex A workbook (.xlsx), a CIN census "
        "(.xml) or SSDA903 tables (.csv or .xml)."
    )


def is_ssda903_xml(path: Path) -> bool:
    with path.open("rb") as handle:
        return b"<EXPSSDA903" in handle.read(_XML_HEAD)
