"""Random malformed input only ever gives clear errors or listed row problems: never a crash,
never a partial write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding.datasets import services
from safeguarding.datasets.generator import EPISODE_HEADER
from safeguarding.datasets.models import ImportBatch, ReturnRecord
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
    start, end = services.parse_period("2020-21")
    return services.import_return(
        actor=None, area=area, period_start=start, period_end=end, paths=[path]
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
