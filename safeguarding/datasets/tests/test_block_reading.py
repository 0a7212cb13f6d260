"""The CIN census and SSDA903 readers hand the import's store checked blocks as columns; read
one record at a time instead (a sink without `columns`, as these tests' lists), they must give
the same records and the same row problems, in the same order."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import generator
from safeguarding.datasets.generator import EPISODE_HEADER
from safeguarding.datasets.parsers import cin, ssda903
from safeguarding.datasets.parsers.common import (
    ImportFileError,
    ParsedRecord,
    Problems,
    RecordColumns,
)
from safeguarding.datasets.tests import builders


class _BlockSink:
    """Takes records one at a time and in blocks, and lists them all as records."""

    def __init__(self) -> None:
        self.records: list[ParsedRecord] = []
        self.blocks = 0

    def __call__(self, record: ParsedRecord) -> None:
        """A record one at a time carries the child's identifier: keyed here, as the store does."""
        self.records.append(dataclasses.replace(record, child_id=self.child_key(record.child_id)))

    def child_key(self, child_id: str) -> str:
        return f"key:{child_id}"

    def columns(self, block: RecordColumns) -> None:
        self.blocks += 1
        size = len(block.child_keys)
        for i in range(size):
            self.records.append(
                ParsedRecord(
                    block.kind,
                    block.child_keys[i],
                    block.birth_months[i],
                    block.starts[i],
                    block.ends[i],
                    block.events[i],
                    block.flags[i],
                    block.legal_statuses[i],
                    block.reasons_new[i] if block.reasons_new else "",
                    block.reasons_ended[i] if block.reasons_ended else "",
                )
            )


def _keyed(records: list[ParsedRecord]) -> list[tuple[object, ...]]:
    """The records with each child as the block sink keys it, in a stable order."""
    return sorted(
        (
            dataclasses.astuple(dataclasses.replace(r, child_id=f"key:{r.child_id}"))
            for r in records
        ),
        key=repr,
    )


def _sorted(records: list[ParsedRecord]) -> list[tuple[object, ...]]:
    return sorted((dataclasses.astuple(r) for r in records), key=repr)


def _cin_both(path: Path, la_number: str, period_end: date) -> tuple[_BlockSink, Problems]:
    one: list[ParsedRecord] = []
    one_later: list[ParsedRecord] = []
    one_problems = Problems()
    cin.read(
        path,
        sink=one.append,
        problems=one_problems,
        la_number=la_number,
        period_end=period_end,
        later=one_later.append,
    )
    block = _BlockSink()
    block_problems = Problems()
    cin.read(
        path,
        sink=block,
        problems=block_problems,
        la_number=la_number,
        period_end=period_end,
        later=block,
    )
    assert _sorted(block.records) == _keyed(one + one_later)
    assert block_problems.kept == one_problems.kept
    assert block_problems.count == one_problems.count
    return block, block_problems


def test_cin_blocks_give_the_records_one_at_a_time_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cin, "BLOCK_CHILDREN", 7)  # many blocks, and a part-filled last one
    events = generator.generate(la_number="999", year=ReportingYear(2020), seed=3, scale=1)
    path = generator.write_cin(events, tmp_path / "cin.xml")
    block, problems = _cin_both(path, "999", date(2021, 3, 31))
    assert block.blocks > 10
    assert len(block.records) > 100
    assert problems.count == 0


def test_cin_blocks_leave_out_a_child_with_a_problem_as_one_at_a_time_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cin, "BLOCK_CHILDREN", 2)
    details = (
        "<CINdetails><CINreferralDate>{}</CINreferralDate><ReferralNFA>{}</ReferralNFA>"
        "<Assessments><AssessmentActualStartDate>2020-06-01</AssessmentActualStartDate>"
        "</Assessments></CINdetails>"
    )
    children = "".join(
        [
            builders.cin_child("A1", details.format("2020-05-01", "false")),
            builders.cin_child("A2", details.format("2020-31-01", "false")),  # not a date
            builders.cin_child("A3", details.format("2020-05-03", "maybe")),  # not a flag
            builders.cin_child("", details.format("2020-05-04", "0")),  # no identifier
            builders.cin_child("A5", details.format("", "1")),  # no referral date
            builders.cin_child("A6", details.format("2020-05-06", "true")),
        ]
    )
    path = builders.cin_xml(tmp_path / "cin.xml", children)
    block, problems = _cin_both(path, "873", date(2021, 3, 31))
    assert {r.child_id for r in block.records} == {"key:A1", "key:A6"}
    assert [(p.row, p.column) for p in problems.kept] == [
        (2, "CINreferralDate"),
        (
            2,
            "CINreferralDate",
        ),  # read again for the episode's later record: listed twice, as before
        (3, "ReferralNFA"),
        (4, "LAchildID"),
        (5, "CINreferralDate"),
    ]


def _903_both(paths: list[Path]) -> tuple[_BlockSink, Problems]:
    one: list[ParsedRecord] = []
    one_problems = Problems()
    ssda903.read_csv(paths, sink=one.append, problems=one_problems)
    block = _BlockSink()
    block_problems = Problems()
    ssda903.read_csv(paths, sink=block, problems=block_problems)
    assert _sorted(block.records) == _keyed(one)
    assert block_problems.kept == one_problems.kept
    assert block_problems.count == one_problems.count
    return block, block_problems


def test_ssda903_blocks_give_the_records_one_at_a_time_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ssda903, "BLOCK_ROWS", 5)
    events = generator.generate(la_number="999", year=ReportingYear(2020), seed=3, scale=1)
    paths = generator.write_ssda903(events, tmp_path)
    block, problems = _903_both(paths)
    assert block.blocks > 5
    assert len(block.records) == len(events.episodes)
    assert problems.count == 0
    assert all(r.birth_month is not None for r in block.records)


def test_ssda903_blocks_with_problem_rows_are_read_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ssda903, "BLOCK_ROWS", 3)
    good = builders.episode("C1", "01/05/2020", "S", "C2")
    rows = [
        good,
        builders.episode("C2", "02/05/2020", "S", "C2", "03/06/2020", "E11"),
        builders.episode("C3", "31/02/2020", "S", "C2"),  # not a real date
        builders.episode("C4", "04/05/2020", "X", "C2"),  # no such reason for new episode
        builders.episode("", "05/05/2020", "S", "C2"),  # no child
        [""] * len(EPISODE_HEADER),  # a blank row
        builders.episode("C7", "", "S", "C2"),  # no start
        builders.episode("C8", "08/05/2020", "S", "Q9"),  # no such legal status
        builders.episode("C9", "09/05/2020", "S", "C2", "", "TOOLONG"),
        builders.episode("C10", "10/05/2020", "P", "V2"),
        good[:3],  # a short row: the cells it has (a record for C1)
        builders.episode("C12", "12/05/2020", "S", "C2"),
        builders.episode("C13", "13/05/2020", "S", "C2"),
        builders.episode("C14", "14/05/2020", "S", "C2"),
        builders.episode("C15", "15/05/2020", "S", "C2"),
    ]
    paths = [builders.episodes_csv(tmp_path / "episodes.csv", rows)]
    block, problems = _903_both(paths)
    assert [(p.row, p.column) for p in problems.kept] == [
        (4, "DECOM"),
        (5, "RNE"),
        (6, "CHILD"),
        (8, "DECOM"),
        (9, "LS"),
        (10, "REC"),
    ]
    assert block.blocks == 1  # rows 14-16: the one block that needs no row-by-row reading
    assert sorted(r.child_id[4:] for r in block.records) == [
        "C1", "C1", "C10", "C12", "C13", "C14", "C15", "C2"
    ]  # fmt: skip


def test_ssda903_a_long_row_stops_the_block_reading_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ssda903, "BLOCK_ROWS", 3)
    rows = [builders.episode("C1", "01/05/2020", "S", "C2"), [*builders.episode("C2", "", "", "")]]
    rows[1].append("extra")
    paths = [builders.episodes_csv(tmp_path / "episodes.csv", rows)]
    one: list[ParsedRecord] = []
    for sink in (one.append, _BlockSink()):
        with pytest.raises(ImportFileError, match="row 3 has more cells"):
            ssda903.read_csv(paths, sink=sink, problems=Problems())


@pytest.mark.parametrize(
    "cells",
    [
        ["A1", " B2 ", "C3"],  # only outer spaces: the list-at-a-time path
        ["A1", "B\xa02", "C3"],  # a non-breaking space: cell by cell
        ["A1", "B  2", "\tC3"],  # doubled or tab white space
        ["A1", "n/a", "C3"],  # a "missing" word
        ["A1", "", "  "],  # blanks
        ["A1", "B\n2", "-"],
    ],
)
def test_child_identifiers_a_list_at_a_time_match_one_at_a_time(cells: list[str]) -> None:
    from safeguarding.datasets.parsers.common import child_id_text, child_id_texts

    assert child_id_texts(cells) == [child_id_text(cell) for cell in cells]


def test_ssda903_children_keyed_once_each_in_blocks(tmp_path: Path) -> None:
    """A child met in several blocks is keyed the first time only (its identifier stripped), and
    every block's rows get the key and the month of birth of their own child."""
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX,DOB\nC1,1,15/06/2010\nC2,2,03/02/2012\n", encoding="utf-8")
    episodes = tmp_path / "episodes.csv"
    rows = [",".join(EPISODE_HEADER)]
    for day, child in [(1, "C1"), (2, "C2"), (3, "C1"), (4, " C3 "), (5, "C2")]:
        values = {"CHILD": child, "DECOM": f"{day:02d}/05/2020", "RNE": "S", "LS": "C2",
                  "CIN": "N1", "PLACE": "U1", "PLACE_PROVIDER": "PR1"}  # fmt: skip
        rows.append(",".join(values.get(column, "") for column in EPISODE_HEADER))
    episodes.write_text("\n".join(rows) + "\n", encoding="utf-8")
    keyed: list[str] = []

    class Counting(_BlockSink):
        def child_key(self, child_id: str) -> str:
            keyed.append(child_id)
            return super().child_key(child_id)

    sink = Counting()
    problems = Problems()
    old = ssda903.BLOCK_ROWS
    ssda903.BLOCK_ROWS = 2
    try:
        ssda903.read_csv([header, episodes], sink=sink, problems=problems)
    finally:
        ssda903.BLOCK_ROWS = old
    assert problems.count == 0
    assert sink.blocks == 3
    assert sorted(keyed) == ["C1", "C2", "C3"]
    assert [(r.child_id, r.birth_month) for r in sink.records] == [
        ("key:C1", date(2010, 6, 1)),
        ("key:C2", date(2012, 2, 1)),
        ("key:C1", date(2010, 6, 1)),
        ("key:C3", None),
        ("key:C2", date(2012, 2, 1)),
    ]
