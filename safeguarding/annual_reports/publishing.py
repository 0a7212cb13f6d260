"""Disclosure control of the published figures (DfE practice, datasets.disclosure's rule).

Counts from 1 to 5 are shown as `c`; secondary suppression then hides further counts until no
hidden one can be worked out from the sums in catalogue.SUMS; a percentage is hidden when a
count it is worked out from is hidden. Figures the catalogue marks `exact` are published as
computed. Internal pages (the edition page, the figure list) show exact values to staff.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from safeguarding.annual_reports.catalogue import COUNT, SUMS, FigureValue, Value
from safeguarding.datasets.disclosure import SUPPRESSED, Table, suppress


def controlled_values(values: dict[str, FigureValue]) -> dict[str, Value]:
    """The value each figure is published with, after disclosure control."""
    counts: dict[Hashable, int | None] = {
        key: v.value
        for key, v in values.items()
        if not v.figure.exact and v.figure.unit == COUNT and isinstance(v.value, int | None)
    }
    sums: list[tuple[Hashable, Sequence[Hashable]]] = [
        (total, parts)
        for total, parts in SUMS
        if total in counts and all(part in counts for part in parts)
    ]
    hidden = suppress(Table(values=counts, sums=sums)) if counts else set()
    shown: dict[str, Value] = {}
    for key, item in values.items():
        uses_hidden = any(base in hidden for base in item.figure.based_on)
        if key in hidden or (uses_hidden and not item.figure.exact):
            shown[key] = SUPPRESSED
        else:
            shown[key] = item.value
    return shown
