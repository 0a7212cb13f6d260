"""Figures counted together give what they gave counted apart: a family's four quarters in one
query (`figures.area_quarter_figures`) against `figures.family_values` run once per quarter, as
it was before; and the import's check counts kinds and years while storing
(`ImportBatch.check_figures`, ADR 0013), the same as counting the stored records afterwards."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, import_check, rules, services, specifications
from safeguarding.datasets.models import ImportBatch, RecordKind, ReturnKind, ReturnRecord
from safeguarding.datasets.tests import builders
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
YEAR = ReportingYear(2020)
KINDS: dict[str, list[str]] = {
    ReturnKind.ANNEX_A: [
        RecordKind.CONTACT, RecordKind.EARLY_HELP, RecordKind.REFERRAL, RecordKind.ASSESSMENT,
        RecordKind.SECTION_47, RecordKind.CP_PLAN, RecordKind.CARE_EPISODE,
        RecordKind.CARE_LEAVER, RecordKind.ADOPTION, RecordKind.ADOPTER,
    ],
    ReturnKind.CIN: [
        RecordKind.REFERRAL, RecordKind.ASSESSMENT, RecordKind.SECTION_47, RecordKind.CP_PLAN,
        RecordKind.PRE_PROCEEDINGS, RecordKind.FGDM, RecordKind.CIN_EPISODE,
    ],
    ReturnKind.SSDA903: [RecordKind.CARE_EPISODE],
}  # fmt: skip
ALL_PARTS = [
    specifications.PART_PRE_PROCEEDINGS, specifications.PART_EARLY_HELP_CODES,
    specifications.PART_LIST_9, specifications.PART_LIST_10, specifications.PART_LIST_11,
]  # fmt: skip


def _random_day(rng: random.Random) -> date | None:
    if rng.random() < 0.1:
        return None
    return date(2020, 1, 1) + timedelta(days=rng.randint(0, 540))  # around the year 2020-21


def _batch(area: Area, kind: str, start: date, end: date, rng: random.Random) -> ImportBatch:
    batch = ImportBatch.objects.create(
        area=area,
        kind=kind,
        period_start=start,
        period_end=end,
        status=ImportBatch.Status.CURRENT,
        parts=ALL_PARTS,
    )
    ReturnRecord.objects.bulk_create(
        ReturnRecord(
            batch=batch,
            kind=record_kind,
            child_hash=f"child-{rng.randint(1, 40)}",
            start=_random_day(rng),
            end=_random_day(rng),
            event=_random_day(rng),
            flag=rng.choice([True, False, None]),
            legal_status=rng.choice(["C2", "V3", "E1"]),
            reason_new=rng.choice(["S", "L", "5D", "1A", ""]),
            reason_ended=rng.choice(["X1", "E11", "RC9", "S", ""]),
        )
        for record_kind in KINDS[kind]
        for _ in range(120)
    )
    return batch


def _quarters_one_at_a_time(area: Area, year: ReportingYear) -> dict[str, list[int | None]]:
    """area_quarter_figures as it was: every figure of the family for each quarter apart."""
    out: dict[str, list[int | None]] = {f.key: [] for f in figures.FIGURES if f.by_quarter}
    for family in figures.FAMILIES.values():
        keys = [f.key for f in figures.FIGURES if f.family == family.key and f.by_quarter]
        if not keys:
            continue
        batch = figures._pick_batch(area, family, year)
        for q_start, q_end in figures.quarters(year):
            if batch is None or batch.period_start > q_start or batch.period_end < q_end:
                for key in keys:
                    out[key].append(None)
                continue
            records = ReturnRecord.objects.filter(batch=batch, kind=family.record_kind)
            computed = figures.family_values(
                family, records, kind=batch.kind, start=q_start, end=q_end
            )
            for key in keys:
                out[key].append(computed[key])
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_familys_quarters_counted_in_one_query_are_the_quarters_counted_apart(
    seed: int,
) -> None:
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    every_return = AreaFactory.create(name="Everyshire", la_number="871")
    for kind in KINDS:
        _batch(every_return, kind, YEAR.start, YEAR.end, rng)
    # Annex A alone (care counted by its own rule), covering only the first half of the year.
    annex_a_alone = AreaFactory.create(name="Halfshire", la_number="872")
    _batch(annex_a_alone, ReturnKind.ANNEX_A, YEAR.start, date(2020, 9, 30), rng)

    for area in (every_return, annex_a_alone):
        expected = _quarters_one_at_a_time(area, YEAR)
        assert figures.area_quarter_figures(area, YEAR) == expected, area.name
    assert any(v for v in figures.area_quarter_figures(every_return, YEAR)["care_ceased"])
    assert figures.area_quarter_figures(annex_a_alone, YEAR)["contacts"][2:] == [None, None]


def _imported(area: Area, paths: list[Path], period: str) -> ImportBatch:
    first, _to, last = period.partition(" to ")
    start = rules.parse_period(first)[0]
    end = rules.parse_period(last or first)[1]
    batch = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=paths
    )
    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION, batch.error
    return batch


def test_the_check_counts_what_it_stores_while_storing(area: Area, tmp_path: Path) -> None:
    path = builders.episodes_csv(
        tmp_path / "episodes.csv",
        [
            builders.episode("A1", "01/05/2019", "S", "C2"),  # 2019-20
            builders.episode("A2", "31/03/2020", "S", "C2"),  # 2019-20 (its last day)
            builders.episode("A3", "01/04/2020", "S", "C2"),  # 2020-21 (its first day)
            builders.episode("A4", "15/02/2021", "P", "C2", "20/03/2021", "E11"),  # 2020-21
        ],
    )
    header = tmp_path / "header.csv"
    header.write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        + "".join(f"A{n},1,01/01/2010,WBRI,,," + "\n" for n in range(1, 5))
    )

    batch = _imported(area, [header, path], "2019-20 to 2020-21")

    counted = {part: batch.check_figures[part] for part in ("kinds", "rows_by_year")}
    assert counted == {
        "kinds": {RecordKind.CARE_EPISODE: 4},
        "rows_by_year": {"2019": 2, "2020": 2},
    }
    assert set(batch.check_figures) == {"kinds", "rows_by_year", "figures"}  # ADR 0016
    # The same as counting the stored records afterwards (as the check did before).
    stored = ImportBatch.objects.get(pk=batch.pk)
    stored.check_figures = {}
    assert import_check._counted(stored) == counted


def test_an_import_stored_before_the_counts_were_kept_is_counted_from_its_records(
    area: Area, tmp_path: Path
) -> None:
    rows = [builders.episode(f"B{n}", "01/06/2019", "S", "C2") for n in range(20)]
    earlier = _imported(area, [builders.episodes_csv(tmp_path / "a.csv", rows)], "2019-20")
    services.import_batch_confirm(actor=None, batch=earlier, warnings_checked=True)
    ImportBatch.objects.filter(pk=earlier.pk).update(check_figures={})  # as before ADR 0013

    later = _imported(
        area,
        [
            builders.episodes_csv(
                tmp_path / "b.csv", [builders.episode("C1", "01/06/2020", "S", "C2")]
            )
        ],
        "2020-21",
    )

    assert any("2020-21 has 1 rows dated in it; 2019-20 has 20" in w for w in later.warnings)
