"""Disclosure control: small counts hidden, and no hidden cell recoverable from what is shown."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding.datasets import disclosure


def _areas_table(values: list[int]) -> disclosure.Table:
    cells: dict[Hashable, int | None] = {("area", i): v for i, v in enumerate(values)}
    cells[("total",)] = sum(values)
    return disclosure.Table(values=dict(cells), sums=[(("total",), list(cells)[:-1])])


def _brute_force_recoverable(values: list[int], hidden: set[object]) -> bool:
    """Independent check for one total over parts: a hidden cell is recoverable when it is the
    only unknown in the sum."""
    keys = [("area", i) for i in range(len(values))] + [("total",)]
    unknown = [k for k in keys if k in hidden]
    return len(unknown) == 1


def test_counts_1_to_5_are_hidden_and_zeros_shown() -> None:
    table = _areas_table([0, 3, 40, 60])

    hidden = disclosure.suppress(table)

    assert ("area", 1) in hidden
    assert ("area", 0) not in hidden
    assert len(hidden) == 2  # one more cell hides the 3 from the total


def test_secondary_cell_is_the_smallest_positive_other_cell() -> None:
    hidden = disclosure.suppress(_areas_table([4, 90, 12]))

    assert hidden == {("area", 0), ("area", 2)}


def test_partnership_minus_one_area_cannot_give_away_a_hidden_area() -> None:
    hidden = disclosure.suppress(_areas_table([2, 500]))

    assert ("area", 0) in hidden
    assert hidden & {("area", 1), ("total",)}


def test_nothing_hidden_when_no_small_counts() -> None:
    assert disclosure.suppress(_areas_table([0, 10, 200])) == set()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=5))
def test_no_hidden_cell_is_recoverable_from_one_total(values: list[int]) -> None:
    hidden = disclosure.suppress(_areas_table(values))

    assert all(("area", i) in hidden for i, v in enumerate(values) if 1 <= v <= 5)
    assert not _brute_force_recoverable(values, hidden)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=30), min_size=4, max_size=4),
        min_size=2,
        max_size=3,
    )
)
def test_no_hidden_cell_is_recoverable_from_a_grid_of_totals(rows: list[list[int]]) -> None:
    # Areas x quarters, with each area's year total, each quarter's partnership total and the
    # grand total: overlapping sums.
    cells: dict[Hashable, int | None] = {}
    sums: list[tuple[Hashable, Sequence[Hashable]]] = []
    for a, row in enumerate(rows):
        for q, v in enumerate(row):
            cells[(a, q)] = v
        cells[(a, "year")] = sum(row)
        sums.append(((a, "year"), [(a, q) for q in range(4)]))
    for q in range(4):
        cells[("all", q)] = sum(r[q] for r in rows)
        sums.append((("all", q), [(a, q) for a in range(len(rows))]))
    cells[("all", "year")] = sum(map(sum, rows))
    sums.append((("all", "year"), [("all", q) for q in range(4)]))
    sums.append((("all", "year"), [(a, "year") for a in range(len(rows))]))
    table = disclosure.Table(values=dict(cells), sums=sums)

    hidden = disclosure.suppress(table)

    assert all(k in hidden for k, v in cells.items() if v is not None and 1 <= v <= 5)
    # Independent check: try every assignment of small alternative values to the hidden cells
    # that keeps all shown totals; each hidden cell must be able to take another value.
    assert disclosure.recoverable(table, hidden) == set()
    for key in hidden:
        assert _another_value_fits(table, hidden, key)


def _another_value_fits(table: disclosure.Table, hidden: set[object], key: object) -> bool:
    """Search for a different consistent value of `key`, moving it by +/-1 and compensating
    with +/-1 on other hidden cells (an exhaustive search over up to seven other cells)."""
    others = [k for k in hidden if k != key]
    for delta in (1, -1):
        for size in range(1, min(len(others), 7) + 1):
            for combo in itertools.combinations(others, size):
                for signs in itertools.product((1, -1), repeat=size):
                    change = {key: delta, **dict(zip(combo, signs, strict=True))}
                    if all(
                        change.get(total, 0) == sum(change.get(p, 0) for p in parts)
                        for total, parts in table.sums
                    ):
                        return True
    return False


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=30), min_size=4, max_size=4),
        min_size=1,
        max_size=3,
    )
)
def test_quarters_added_to_a_published_grid_hide_only_quarters(rows: list[list[int]]) -> None:
    """Areas' years (with their partnership total) are suppressed first, as published; then
    each area's quarters are added: the years' hidden cells stay as they were, only quarters
    are hidden, and nothing hidden (years included) can be worked out from both tables."""
    years: dict[Hashable, int | None] = {(a, "year"): sum(row) for a, row in enumerate(rows)}
    years[("all", "year")] = sum(map(sum, rows))
    year_sums: list[tuple[Hashable, Sequence[Hashable]]] = [
        (("all", "year"), [(a, "year") for a in range(len(rows))])
    ]
    published = disclosure.suppress(disclosure.Table(values=dict(years), sums=year_sums))
    cells = dict(years)
    quarters: set[Hashable] = set()
    sums = list(year_sums)
    for a, row in enumerate(rows):
        for q, v in enumerate(row):
            cells[(a, q)] = v
            quarters.add((a, q))
        sums.append(((a, "year"), [(a, q) for q in range(4)]))
    table = disclosure.Table(values=cells, sums=sums)

    hidden = disclosure.suppress(table, hidden_already=published, may_hide=quarters)

    assert hidden - quarters == published
    assert all(k in hidden for k in quarters if 1 <= (cells[k] or 0) <= 5)
    for key in hidden:
        assert _another_value_fits(table, hidden, key)
