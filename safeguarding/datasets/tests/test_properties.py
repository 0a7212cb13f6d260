"""Random malformed input only ever gives clear errors or listed row problems: never a crash,
never a partial write."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding.core.working_days import add_working_days
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, rules, services
from safeguarding.datasets.generator import EPISODE_HEADER
from safeguarding.datasets.models import ImportBatch, RecordKind, ReturnKind, ReturnRecord
from safeguarding.datasets.parsers import annex_a as annex_a_parser
from safeguarding.datasets.tests.builders import annex_a
from safeguarding.partnership.models import Area

pytestmark = pytest.mark.django_db
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
cell = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=200_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.sampled_from(["#N/A", "31/02/2020", "01/05/2020", "a) Yes", "E1: x", "\xa0", "V3"]),
    st.dates(),
)


def _check(batch: ImportBatch) -> None:
    assert batch.status in (
        ImportBatch.Status.CURRENT,
        ImportBatch.Status.AWAITING_CONFIRMATION,
        ImportBatch.Status.FAILED,
    )
    if batch.status == ImportBatch.Status.FAILED:
        assert batch.error
        assert "unexpected error" not in batch.error
        assert not ReturnRecord.objects.filter(batch=batch).exists()
    else:
        assert ReturnRecord.objects.filter(batch=batch).count() == batch.rows_stored
    for problem in batch.problems:
        assert set(problem) == {"table", "row", "column", "value", "message"}


def _run(area: Area, path: Path) -> ImportBatch:
    start, end = rules.parse_period("2020-21")
    return services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=[path]
    )


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["x.csv", "x.xml", "x.xlsx"]))
def test_random_bytes_give_a_clear_error(
    area: Area, tmp_path: Path, data: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    _check(_run(area, path))


@SETTINGS
@given(st.lists(st.lists(cell, min_size=0, max_size=9), max_size=6), st.integers(1, 8))
def test_random_annex_a_rows_give_errors_or_row_problems(
    area: Area, tmp_path: Path, rows: list[list[object]], number: int
) -> None:
    path = annex_a(tmp_path / "a.xlsx", {number: rows})

    _check(_run(area, path))


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from(list("<>/ abcMessageCINdetails=\"'&;\n01-")), max_size=200)
)
def test_random_xml_gives_a_clear_error(area: Area, tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.xml"
    path.write_text("<Message>" + text, encoding="utf-8")

    _check(_run(area, path))


@SETTINGS
@given(
    st.lists(st.lists(st.text(alphabet='ABC01/,S X1V3"', max_size=10), max_size=14), max_size=8)
)
def test_random_episode_tables_give_errors_or_row_problems(
    area: Area, tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "episodes.csv"
    path.write_text(
        ",".join(EPISODE_HEADER) + "\n" + "\n".join(",".join(r) for r in rows), encoding="utf-8"
    )

    _check(_run(area, path))


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


referral_rows = st.lists(
    st.tuples(
        st.sampled_from(["A", "B", "C", "D"]),
        st.dates(min_value=date(2019, 1, 1), max_value=date(2021, 3, 31)),
        st.booleans(),
        st.sampled_from([0, 1]),  # which of two current imports holds the row
    ),
    max_size=30,
)


@SETTINGS
@given(referral_rows)
def test_referral_figures_match_a_count_by_hand(
    area: Area, rows: list[tuple[str, date, bool, int]]
) -> None:
    """The database's counting of referrals, no further action and re-referrals (across two
    current imports, 29 February included) against a plain Python count of the same rows."""
    ImportBatch.objects.filter(area=area).delete()
    batches = [
        ImportBatch.objects.create(
            area=area,
            kind=ReturnKind.CIN,
            status=ImportBatch.Status.CURRENT,
            period_start=date(2019 + n, 4, 1),
            period_end=date(2020 + n, 3, 31),
        )
        for n in (0, 1)
    ]
    ReturnRecord.objects.bulk_create(
        ReturnRecord(
            batch=batches[which], kind=RecordKind.REFERRAL, child_hash=child, start=day, flag=nfa
        )
        for child, day, nfa, which in rows
    )
    year = ReportingYear(2020)
    in_year = [(c, d, f) for c, d, f, w in rows if w == 1 and year.start <= d <= year.end]
    by_hand = {
        "referrals": len(in_year),
        "referrals_nfa": sum(1 for _c, _d, nfa in in_year if nfa),
        "re_referrals": sum(
            1
            for child, day, _nfa in in_year
            if any(c == child and _year_before(day) <= d < day for c, d, _f, _w in rows)
        ),
    }

    family = figures.FAMILIES["referrals"]
    computed = figures.family_values(
        family,
        ReturnRecord.objects.filter(batch=batches[1], kind=RecordKind.REFERRAL),
        kind=ReturnKind.CIN,
        start=year.start,
        end=year.end,
        history=figures.history_for(area, family, ReturnKind.CIN),
    )

    assert computed == by_hand
    # Both ways of counting re-referrals (figures uses the database's on PostgreSQL, Python's
    # on SQLite), each on whichever database runs the tests
    in_period = ReturnRecord.objects.filter(
        batch=batches[1], kind=RecordKind.REFERRAL, start__gte=year.start, start__lte=year.end
    )
    history = figures.history_for(area, family, ReturnKind.CIN)
    for count in (figures.re_referrals_here, figures.re_referrals_in_database):
        with CaptureQueriesContext(connection):  # as with DEBUG on: each query's text is logged
            assert (
                count(in_period, history, start=year.start, end=year.end)
                == by_hand["re_referrals"]
            )


def _mostly(good: st.SearchStrategy[object], anything: st.SearchStrategy[object]) -> Any:
    """Three times in four a value that needs no attention, so clean blocks happen often."""
    return st.one_of(good, good, good, anything)


child_ids = _mostly(
    st.sampled_from(["C1", "c2", "C5"]),
    st.sampled_from(["C1", " C3 ", "C\xa04", "#N/A", "", " ", 17, 17.0, 0, True]),
)
date_cells = _mostly(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2021, 12, 31)),
    st.one_of(
        # Excel's dates and times carry no time zone
        st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2021, 12, 31)),  # noqa: DTZ001
        st.sampled_from(
            ["01/05/2020", "2020-06-30", " 1/7/2020 ", "31/02/2020", "soon", "#N/A", ""]
        ),
        st.sampled_from([44000, 44000.0, 44000.5, 1, True, False, -3]),
    ),
)
nfa_cells = _mostly(
    st.sampled_from(["a) Yes", "b) No"]),
    st.sampled_from(["Yes", "n", "", "#N/A", True, False, 1, 0, "maybe"]),
)
legal_cells = _mostly(
    st.sampled_from(["C2", "V3"]),
    st.sampled_from(["E1: Placement order", "c) J1", "", "ZZ", 1, True]),
)


def _list_3_row(draw: st.DrawFn) -> list[object]:
    return [draw(child_ids), "b) Female", "a) WBRI", draw(date_cells), "", draw(date_cells),
            "q) 6: Police", draw(nfa_cells)]  # fmt: skip


def _list_8_row(draw: st.DrawFn) -> list[object]:
    return [draw(child_ids), "b) Female", "a) WBRI", draw(date_cells), "", draw(date_cells),
            draw(legal_cells), draw(date_cells)]  # fmt: skip


@st.composite
def annex_a_lists(draw: st.DrawFn) -> dict[int, list[list[object]]]:
    return {
        3: draw(st.lists(st.builds(lambda: None).map(lambda _n: _list_3_row(draw)), max_size=8)),
        8: draw(st.lists(st.builds(lambda: None).map(lambda _n: _list_8_row(draw)), max_size=8)),
    }


def _forget_imports(area: Area) -> None:
    ImportBatch.objects.filter(area=area).update(replaces=None)
    ImportBatch.objects.filter(area=area).delete()


def _stored(batch: ImportBatch) -> tuple[str, list[tuple[object, ...]], list[dict[str, object]]]:
    records = ReturnRecord.objects.filter(batch=batch).order_by("pk")
    fields = ("kind", "child_hash", "birth_month", "start", "end", "event", "flag",
              "legal_status", "reason_new", "reason_ended")  # fmt: skip
    return batch.status, list(records.values_list(*fields)), batch.problems


@settings(SETTINGS, max_examples=60)
@given(annex_a_lists())
def test_reading_a_column_at_a_time_stores_what_reading_row_by_row_stores(
    area: Area, tmp_path: Path, lists: dict[int, list[list[object]]]
) -> None:
    """Blocks of rows that need no attention are read a column at a time; any other block is
    read row by row. Both must store the same records and list the same problems: the import
    is run with blocks of two rows, then again with every block read row by row."""
    path = annex_a(tmp_path / "a.xlsx", lists)
    _forget_imports(area)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(annex_a_parser, "BLOCK_ROWS", 2)
        mixed = _stored(_run(area, path))
        _forget_imports(area)  # so the second is a first import too
        patch.setattr(annex_a_parser, "_read_columns", lambda *args: None)
        row_by_row = _stored(_run(area, path))

    assert mixed[0] == row_by_row[0]
    assert mixed[1] == row_by_row[1]
    assert mixed[2] == row_by_row[2]


def test_a_clean_block_is_read_a_column_at_a_time(area: Area, tmp_path: Path) -> None:
    """So the comparison above compares two readings (clean rows do take the column path)."""
    born, day = date(2012, 6, 17), date(2020, 5, 1)
    path = annex_a(tmp_path / "a.xlsx", {1: [["K1", "", "", born, "", day, ""]] * 3})
    blocks: list[int] = []
    original = annex_a_parser._read_columns

    def counting(*args: object, **kwargs: object) -> object:
        read = original(*args, **kwargs)  # type: ignore[arg-type]
        if read is not None:
            blocks.append(len(read.child_keys))
        return read

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(annex_a_parser, "_read_columns", counting)
        batch = _run(area, path)

    assert blocks == [3]
    assert batch.rows_stored == 3
    assert set(ReturnRecord.objects.filter(batch=batch).values_list("birth_month", "start")) == {
        (date(2012, 6, 1), day)
    }


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2020, 1, 1), max_value=date(2021, 3, 31)),
            st.integers(min_value=-5, max_value=120),
        ),
        max_size=25,
    )
)
def test_assessment_timeliness_matches_a_count_by_hand(
    area: Area, spans: list[tuple[date, int]]
) -> None:
    """Assessments completed in the year within 45 working days, counted by the database (with
    only the rows near the limit checked one by one) against every row checked by hand."""
    ImportBatch.objects.filter(area=area).delete()
    batch = ImportBatch.objects.create(
        area=area,
        kind=ReturnKind.ANNEX_A,
        status=ImportBatch.Status.CURRENT,
        period_start=date(2020, 4, 1),
        period_end=date(2021, 3, 31),
    )
    rows = [(begun, begun + timedelta(days=gap)) for begun, gap in spans]
    ReturnRecord.objects.bulk_create(
        ReturnRecord(batch=batch, kind=RecordKind.ASSESSMENT, child_hash="h", start=s, end=e)
        for s, e in rows
    )
    year = ReportingYear(2020)
    completed = [(s, e) for s, e in rows if year.start <= e <= year.end]

    computed = figures.family_values(
        figures.FAMILIES["assessments"],
        ReturnRecord.objects.filter(batch=batch),
        kind=ReturnKind.ANNEX_A,
        start=year.start,
        end=year.end,
    )

    assert computed["assessments_completed"] == len(completed)
    assert computed["assessments_within_45_days"] == sum(
        1 for s, e in completed if e <= add_working_days(s, 45)
    )
