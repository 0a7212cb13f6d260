"""docs/roles.md must say what safeguarding/accounts/roles.py says.

The role table in roles.py's docstring is the authority; docs/roles.md carries a copy of it, and a
second table of facts that the constants in roles.py decide. Cells are compared with the
whitespace around them stripped, so aligning the columns does not break the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from safeguarding.accounts import roles
from safeguarding.accounts.roles import (
    AGENCY_SCOPED_ROLES,
    READ_ONLY_ROLES,
    SENSITIVE_ROLES,
    Role,
)

ROLES_MD = Path(settings.BASE_DIR) / "docs" / "roles.md"
ROLE_TABLE_HEADER = ["Role", "Scope", "May see", "May do"]
FACTS_TABLE_HEADER = [
    "Role",
    "Code",
    "Granted for",
    "Two-factor sign-in and short idle timeout",
    "Read-only",
]
_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")

Row = list[str]


def _cells(line: str) -> Row:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return ["---" if _SEPARATOR_CELL.match(cell) else cell for cell in cells]


def _table(text: str, header: Row) -> list[Row]:
    """The rows (header and separator included) of the first Markdown table in `text` whose
    header row is `header`; [] when there is none."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        if line.strip().startswith("|") and _cells(line) == header:
            rows = []
            for row_line in lines[start:]:
                if not row_line.strip().startswith("|"):
                    break
                rows.append(_cells(row_line))
            return rows
    return []


def _as_markdown(rows: list[Row]) -> str:
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def _docstring_table() -> list[Row]:
    rows = _table(roles.__doc__ or "", ROLE_TABLE_HEADER)
    assert rows, "safeguarding/accounts/roles.py's docstring has no | Role | Scope | ... table"
    return rows


def test_roles_doc_table_matches_the_roles_docstring() -> None:
    expected = _docstring_table()

    documented = _table(ROLES_MD.read_text(encoding="utf-8"), ROLE_TABLE_HEADER)

    assert documented == expected, (
        "docs/roles.md's role table differs from the docstring of "
        "safeguarding/accounts/roles.py. Replace the table in docs/roles.md with:\n\n"
        + _as_markdown(expected)
    )


def test_roles_docstring_table_has_one_row_per_role_in_order() -> None:
    labels = [row[0] for row in _docstring_table()[2:]]

    assert labels == list(Role.labels)


def _fact_rows() -> list[Row]:
    rows = [FACTS_TABLE_HEADER, ["---"] * len(FACTS_TABLE_HEADER)]
    for role in Role:
        rows.append(
            [
                role.label,
                f"`{role.value}`",
                "one agency per grant" if role in AGENCY_SCOPED_ROLES else "the whole partnership",
                "yes" if role in SENSITIVE_ROLES else "no",
                "yes" if role in READ_ONLY_ROLES else "no",
            ]
        )
    return rows


def test_roles_doc_facts_table_matches_the_role_constants() -> None:
    expected = _fact_rows()

    documented = _table(ROLES_MD.read_text(encoding="utf-8"), FACTS_TABLE_HEADER)

    assert documented == expected, (
        "docs/roles.md's table of facts differs from the constants in "
        "safeguarding/accounts/roles.py. Replace it with:\n\n" + _as_markdown(expected)
    )
