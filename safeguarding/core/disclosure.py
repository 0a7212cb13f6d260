"""Disclosure control for figures shown to people without case access (DfE practice).

Counts 1-5 become `c` (primary suppression). Tables are described as cells plus linear
constraints (a total is the sum of its parts: areas sum to the partnership, quarters to the
year). Secondary suppression then hides further cells until no suppressed cell can be worked out
from the shown cells: a cell is recoverable when its unit vector lies in the span of the
constraints restricted to the suppressed cells; this is checked exactly with fractions. True
zeros stay 0 (but a zero may not be shown if that would give a suppressed cell away, in which
case a positive cell is hidden instead). Differences (change from the previous year) and rates
are shown only when every count they use is shown.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

__all__ = ["HIGH", "LOW", "SUPPRESSED", "Table", "is_primary", "recoverable", "shown", "suppress"]

SUPPRESSED = "c"
LOW, HIGH = 1, 5


def is_primary(value: int | None) -> bool:
    return value is not None and LOW <= value <= HIGH


@dataclass
class Table:
    """Cells by key; each constraint says total = sum(parts)."""

    values: dict[Hashable, int | None]
    sums: list[tuple[Hashable, Sequence[Hashable]]] = field(default_factory=list)


def _equations(table: Table) -> list[dict[Hashable, int]]:
    equations = []
    for total, parts in table.sums:
        equation: dict[Hashable, int] = {total: -1}
        for part in parts:
            equation[part] = equation.get(part, 0) + 1
        equations.append(equation)
    return equations


def _rank(rows: list[list[Fraction]]) -> int:
    matrix = [row[:] for row in rows]
    rank = 0
    columns = len(matrix[0]) if matrix else 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column] != 0:
                factor = matrix[r][column] / matrix[rank][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return rank


def recoverable(table: Table, hidden: set[Hashable]) -> set[Hashable]:
    """Hidden cells whose exact value follows from the shown cells and the constraints."""
    order = sorted(hidden, key=repr)
    if not order:
        return set()
    index = {key: i for i, key in enumerate(order)}
    rows = []
    for equation in _equations(table):
        if any(k in index for k in equation):
            row = [Fraction(0)] * len(order)
            for key, coefficient in equation.items():
                if key in index:
                    row[index[key]] += coefficient
            rows.append(row)
    base = _rank(rows) if rows else 0
    found = set()
    for key in order:
        unit = [Fraction(0)] * len(order)
        unit[index[key]] = Fraction(1)
        if rows and _rank([*rows, unit]) == base:
            found.add(key)
    return found


def suppress(
    table: Table,
    *,
    hidden_already: set[Hashable] | None = None,
    may_hide: set[Hashable] | None = None,
) -> set[Hashable]:
    """The cells to hide: primary (1-5) then secondary until nothing hidden is recoverable.

    `hidden_already` and `may_hide` extend a published table without changing it: its hidden
    cells stay hidden, and the secondary cells are chosen only from `may_hide` (the new cells),
    so what is already shown elsewhere never changes."""
    hidden = {k for k, v in table.values.items() if is_primary(v)} | (hidden_already or set())
    while True:
        exposed = recoverable(table, hidden)
        if not exposed:
            return hidden
        # Hide one more cell that shares a sum with an exposed cell: the smallest positive
        # one (a true zero is hidden only when nothing else would do).
        candidates = set()
        for total, parts in table.sums:
            members = {total, *parts}
            if members & exposed:
                candidates |= {m for m in members if m not in hidden}
        if may_hide is not None:
            candidates &= may_hide
        if not candidates:  # cannot happen for a consistent table; hide the rest to be safe
            return hidden | (set(table.values) if may_hide is None else may_hide)
        positive = [c for c in candidates if (table.values.get(c) or 0) > 0]
        pool = positive or list(candidates)
        hidden.add(min(pool, key=lambda c: (table.values.get(c) or 0, repr(c))))


def shown(value: int | None, key: Hashable, hidden: set[Hashable]) -> int | str | None:
    return SUPPRESSED if key in hidden else value
