"""The Department for Education's conventions for published statistics, in one place.

Symbols (as in DfE statistics publications, "Symbols used"):
`c` confidential (suppressed), `z` not applicable, `k` rounds to zero but is not zero, `x` not
available, `u` low reliability. Every published table carries the key (the template partial
`datasets/_symbols_key.html`, context from `symbol_key()`).

Rounding: percentages as whole numbers, half up (as the report does); rates per 10,000 children
to one decimal place, half up; national and regional counts rounded to the nearest 10 as the
Department publishes them; local authority figures exact for analysts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CONFIDENTIAL = "c"
NOT_APPLICABLE = "z"
ROUNDS_TO_ZERO = "k"
NOT_AVAILABLE = "x"
LOW_RELIABILITY = "u"

SYMBOLS: dict[str, str] = {
    CONFIDENTIAL: "confidential: a small number, suppressed to protect children's privacy",
    NOT_APPLICABLE: "not applicable",
    ROUNDS_TO_ZERO: "rounds to zero, but is not zero",
    NOT_AVAILABLE: "not available",
    LOW_RELIABILITY: "low reliability",
}
SUPPRESS_AT_MOST = 5  # counts 1 to 5 are suppressed (true zeros are shown)


@dataclass(frozen=True)
class SymbolKeyEntry:
    symbol: str
    meaning: str


def symbol_key(used: set[str] | None = None) -> list[SymbolKeyEntry]:
    """The key shown under a published table: every symbol, or only those `used`."""
    return [
        SymbolKeyEntry(symbol, meaning)
        for symbol, meaning in SYMBOLS.items()
        if used is None or symbol in used
    ]


def _half_up(value: Decimal, step: str) -> Decimal:
    return value.quantize(Decimal(step), rounding=ROUND_HALF_UP)


def percent(count: int | None, total: int | None) -> int | None:
    """A whole-number percentage, half up (12.5 -> 13); None when there is no total."""
    if count is None or not total:
        return None
    return int(_half_up(Decimal(count) * 100 / Decimal(total), "1"))


def rate_per_10k(count: int | None, population: int | None) -> Decimal | None:
    """Per 10,000 children, to one decimal place, half up."""
    if count is None or not population:
        return None
    return _half_up(Decimal(count) * 10_000 / Decimal(population), "0.1")


def nearest_ten(count: int | None) -> int | None:
    """A national or regional count as published: to the nearest 10, half up (15 -> 20)."""
    if count is None:
        return None
    return int(_half_up(Decimal(count) / 10, "1")) * 10


def published_count(
    count: int | None, *, applicable: bool = True, low_reliability: bool = False
) -> str:
    """A count as a published table shows it: z, x, c for 1-5, else the number (with u)."""
    if not applicable:
        return NOT_APPLICABLE
    if count is None:
        return NOT_AVAILABLE
    if 0 < count <= SUPPRESS_AT_MOST:
        return CONFIDENTIAL
    text = f"{count:,}"
    return f"{text} {LOW_RELIABILITY}" if low_reliability else text


def published_percent(count: int | None, total: int | None, *, applicable: bool = True) -> str:
    """A percentage as published: suppressed with its count, `z` with no total, `k` when a
    non-zero share rounds to 0, else the whole number with %."""
    if not applicable:
        return NOT_APPLICABLE
    if count is None or total is None:
        return NOT_AVAILABLE
    if not total:
        return NOT_APPLICABLE
    if 0 < count <= SUPPRESS_AT_MOST:
        return CONFIDENTIAL
    value = percent(count, total)
    if value == 0 and count:
        return ROUNDS_TO_ZERO
    return f"{value}%"


def published_rate(count: int | None, population: int | None) -> str:
    """A rate per 10,000 as published: suppressed with its count, `k` for a non-zero count
    that rounds to 0.0."""
    if count is None or not population:
        return NOT_AVAILABLE
    if 0 < count <= SUPPRESS_AT_MOST:
        return CONFIDENTIAL
    value = rate_per_10k(count, population)
    if value == 0 and count:
        return ROUNDS_TO_ZERO
    return f"{value}"
