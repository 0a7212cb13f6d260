"""Small hand-made returns for tests (synthetic: invented identifiers and dates)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from safeguarding.datasets.generator import ANNEX_A_HEADERS, EPISODE_HEADER

Rows = Sequence[Sequence[Any]]


def annex_a(
    path: Path,
    lists: Mapping[int, Rows] | None = None,
    *,
    headers: dict[int, list[str]] | None = None,
    names: dict[int, str] | None = None,
    title_rows: bool = False,
    only: Sequence[int] = tuple(range(1, 9)),
) -> Path:
    """A workbook with lists 1-8 (canonical headers unless overridden); rows go under them."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for number in only:
        sheet = workbook.create_sheet((names or {}).get(number, f"List {number}"))
        if title_rows:
            sheet.append([f"List {number}: a title row"])
        sheet.append((headers or {}).get(number) or ANNEX_A_HEADERS[number])
        for row in (lists or {}).get(number, []):
            sheet.append(list(row))
    workbook.save(path)
    return path


def child(cid: str, born: Any = "") -> list[Any]:
    """The five common columns: id, gender, ethnicity, date of birth, age."""
    return [cid, "b) Female", "a) WBRI", born, ""]


def cin_xml(path: Path, children: str, *, reference: str = "2021-03-31", lea: str = "873") -> Path:
    path.write_text(
        "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2021</Year>"
        f"<ReferenceDate>{reference}</ReferenceDate></CollectionDetails>"
        f"<Source><LEA>{lea}</LEA></Source></Header><Children>{children}</Children></Message>",
        encoding="utf-8",
    )
    return path


def cin_child(cid: str, details: str, *, extra: str = "") -> str:
    return (
        f"<Child><ChildIdentifiers><LAchildID>{cid}</LAchildID>"
        f"<PersonBirthDate>2012-06-17</PersonBirthDate>{extra}</ChildIdentifiers>"
        f"{details}</Child>"
    )


def episodes_csv(path: Path, rows: Rows, *, extra_header: str = "") -> Path:
    lines = [",".join(EPISODE_HEADER) + extra_header] + [
        ",".join(str(c) for c in row) for row in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def episode(cid: str, decom: str, rne: str, ls: str, dec: str = "", rec: str = "") -> list[str]:
    return [cid, decom, rne, ls, "N1", "U1", "PR1", dec, rec, "", "", "", ""]
