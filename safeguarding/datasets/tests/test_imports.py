"""Imports: variants the reference names, file-level errors, row problems, atomicity, re-imports,
privacy, and the dev samples with figures checked by hand."""

from __future__ import annotations

import csv
import shutil
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.fields import keyed_hash
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, rules, services, verbs
from safeguarding.datasets.generator import ANNEX_A_HEADERS
from safeguarding.datasets.importing import store
from safeguarding.datasets.models import ImportBatch, ReturnRecord
from safeguarding.datasets.parsers import annex_a as annex_a_parser
from safeguarding.datasets.tests.builders import (
    Rows,
    annex_a,
    child,
    cin_child,
    cin_xml,
    episode,
    episodes_csv,
)
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def _run(area: Area, paths: list[Path], period: str = "2020-21") -> ImportBatch:
    """Import, and put in use as an analyst would after the check, unless rows have problems
    or it replaces an import in use (those wait for a decision the test makes)."""
    start, end = rules.parse_period(period)
    batch = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=paths
    )
    if (
        batch.status == ImportBatch.Status.AWAITING_CONFIRMATION
        and not batch.problems
        and batch.replaces_id is None
    ):
        batch = services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    return batch


def _value(area: Area, key: str, year: int = 2020) -> int | None:
    return figures.area_figures(area, ReportingYear(year))[key].value


# --- variants ----------------------------------------------------------------------------


def test_annex_a_variants_are_read(area: Area, tmp_path: Path) -> None:
    headers = dict(ANNEX_A_HEADERS)
    headers[1] = ["CHILD UNIQUE ID", "Gender", "Ethnicity", "Date of Birth", "Age",
                  " date  of\xa0contact ", "Contact Source", "An extra column"]  # fmt: skip
    headers[3] = ["Child Unique ID", "Gender", "Ethnicity", "DOB", "Age", "Date Of Referral",
                  "Referral Source", "Referral NFA"]  # fmt: skip
    headers[8] = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
                  "Date Started to be Looked After", "Child’s Legal Status",
                  "Date Ceased to be Looked After"]  # fmt: skip
    lists: dict[int, Rows] = {
        1: [
            ["C\xa01", "Female", "a) WBRI", "#N/A", 6, date(2020, 5, 1), "q) 6: Police", "x"],
            ["C2", "b) Female", "", "", "", 44000, "POLICE", ""],  # Excel serial: 18/06/2020
            ["C3", "F", "", "17/06/2012", "", "02/07/2020", "Police", ""],  # text date
            ["", "", "", "", "", "", "", ""],  # blank row: skipped
        ],
        3: [
            child("R1") + [date(2020, 5, 1), "q) 6: Police", "a) Yes"],
            child("R2") + [date(2020, 5, 2), "POLICE", "Y"],
            child("R3") + [date(2020, 5, 3), "POLICE", "No"],
        ],
        8: [
            child("L1") + [date(2019, 1, 1), "E1: Placement order", ""],
            child("L2") + [date(2019, 1, 1), "c2", ""],
        ],  # fmt: skip
    }
    names = {1: "List_1", 3: "List 3 - Referral"}
    path = annex_a(tmp_path / "v.xlsx", lists, headers=headers, names=names, title_rows=True)

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.CURRENT, (batch.error, batch.problems)
    assert _value(area, "contacts") == 3
    assert _value(area, "referrals_nfa") == 2
    assert _value(area, "children_in_care_at_31_march") == 2


def test_cin_2024_sex_element_and_later_modules_are_accepted(area: Area, tmp_path: Path) -> None:
    details = (
        "<CINdetails><CINreferralDate>2020-05-01</CINreferralDate><ReferralNFA>1</ReferralNFA>"
        "<PreProceedingsandFGDM><Anything>2026</Anything></PreProceedingsandFGDM></CINdetails>"
    )
    path = cin_xml(tmp_path / "c.xml", cin_child("K1", details, extra="<Sex>F</Sex>"))

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.CURRENT
    assert _value(area, "referrals_nfa") == 1


def test_ssda903_xml_is_read(area: Area, tmp_path: Path) -> None:
    path = tmp_path / "903.xml"
    path.write_text(
        "<EXPSSDA903><CHILD><HEADER><CHILDID>Z1</CHILDID><DOB>01/02/2010</DOB></HEADER>"
        "<EPISODE><DECOM>01/05/2020</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL><DEC></DEC>"
        "<REC></REC></EPISODE></CHILD></EXPSSDA903>",
        encoding="utf-8",
    )

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.CURRENT, batch.error
    assert _value(area, "care_started") == 1
    assert ReturnRecord.objects.get().birth_month == date(2010, 2, 1)


# --- file-level errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello, world\n1,2\n", "is not a known return"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not an Ofsted Annex A workbook"),
        ("odd.xml", b"<Other><x/></Other>", "neither a Children in Need census"),
        ("bad.xml", b"<Message><Header>", "not well-formed XML"),
        ("empty.csv", b"", "is empty"),
    ],
)
def test_unknown_or_unreadable_files_stop_with_one_message(
    area: Area, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.FAILED
    assert message in batch.error
    assert not ReturnRecord.objects.exists()


def test_missing_list_is_a_file_error(area: Area, tmp_path: Path) -> None:
    path = annex_a(tmp_path / "a.xlsx", only=(1, 2, 3, 4, 6, 7, 8))

    batch = _run(area, [path])

    assert batch.error == (
        "The workbook has no sheet for List 5 (Section 47 enquiries and ICPCs). "
        "Lists 1 to 8 are needed."
    )


def test_headers_that_do_not_fit_the_rows_are_a_file_error(area: Area, tmp_path: Path) -> None:
    rows = [["C1", "F", "WBRI", date(2012, 1, 1), 8, "q) 6: Police", date(2020, 5, 1)]] * 3

    batch = _run(area, [annex_a(tmp_path / "a.xlsx", {1: rows})])

    assert batch.status == ImportBatch.Status.FAILED
    assert "List 1 (Contacts): the column 'Date of Contact'" in batch.error
    assert "do not fit" in batch.error


def test_wrong_year_is_a_file_error(area: Area, tmp_path: Path) -> None:
    rows = [child("C1") + [date(2018, 5, 1), "q) 6: Police"]]

    batch = _run(area, [annex_a(tmp_path / "a.xlsx", {1: rows})])

    assert batch.status == ImportBatch.Status.FAILED
    assert "None of the rows falls in the period 1 April 2020 to 31 March 2021" in batch.error


def test_census_for_another_year_or_authority_is_a_file_error(area: Area, tmp_path: Path) -> None:
    wrong_year = _run(area, [cin_xml(tmp_path / "y.xml", "", reference="2022-03-31")])
    wrong_la = _run(area, [cin_xml(tmp_path / "l.xml", "", lea="201")])

    assert "year ending 31/03/2022, not 31/03/2021" in wrong_year.error
    assert "local authority 201, not this area's LA number 873" in wrong_la.error


def test_missing_episodes_table_is_a_file_error(area: Area, tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX,DOB\nA,1,01/01/2010\n", encoding="utf-8")

    batch = _run(area, [header])

    assert "episodes table is missing" in batch.error


# --- row problems, atomicity, re-import -------------------------------------------------------


def test_row_problems_are_listed_and_the_analyst_decides(area: Area, tmp_path: Path) -> None:
    rows = [
        child("C1") + [date(2020, 5, 1), "q) 6: Police"],
        child("C2") + ["31/02/2020", "q) 6: Police"],
        child("") + [date(2020, 5, 1), "q) 6: Police"],
    ]

    batch = _run(area, [annex_a(tmp_path / "a.xlsx", {1: rows})])

    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION
    assert batch.problems == [
        {"table": "List 1", "row": 3, "column": "Date of Contact", "value": "31/02/2020",
         "message": "is not a real date"},
        {"table": "List 1", "row": 4, "column": "Child Unique ID", "value": "",
         "message": "has no child identifier"},
    ]  # fmt: skip
    assert _value(area, "contacts") is None  # not in use until accepted
    services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    assert _value(area, "contacts") == 1
    batch.refresh_from_db()
    assert [p["value"] for p in batch.problems] == ["", ""]  # cell values dropped once decided
    assert [p["row"] for p in batch.problems] == [3, 4]


def test_a_failure_on_the_last_row_stores_nothing(area: Area, tmp_path: Path) -> None:
    rows = [episode(f"C{n}", "01/05/2020", "S", "C2") for n in range(50)]
    rows.append([*episode("LAST", "01/05/2020", "S", "C2"), "an extra cell"])

    batch = _run(area, [episodes_csv(tmp_path / "e.csv", rows)])

    assert batch.status == ImportBatch.Status.FAILED
    assert "row 52 has more cells" in batch.error
    assert ReturnRecord.objects.count() == 0


def test_reimport_shows_differences_and_keeps_the_earlier_version(
    area: Area, tmp_path: Path
) -> None:
    first = _run(area, [annex_a(tmp_path / "1.xlsx", {1: [child("A") + [date(2020, 5, 1), ""]]})])
    rows = [child("A") + [date(2020, 5, 1), ""], child("B") + [date(2020, 6, 1), ""]]
    second = _run(area, [annex_a(tmp_path / "2.xlsx", {1: rows})])

    assert first.status == ImportBatch.Status.CURRENT
    assert second.status == ImportBatch.Status.AWAITING_CONFIRMATION
    changed = {d["figure"]: (d["before"], d["after"]) for d in second.differences if d["changed"]}
    assert changed == {"Contacts": (1, 2), "Children contacted": (1, 2)}
    assert _value(area, "contacts") == 1  # nothing replaced silently

    services.import_batch_confirm(actor=None, batch=second, warnings_checked=True)

    first.refresh_from_db()
    assert first.status == ImportBatch.Status.SUPERSEDED
    assert first.records.count() == 1  # the earlier version stays recorded
    assert _value(area, "contacts") == 2
    # each import was put in use deliberately: the first, then the re-import
    assert ActivityEvent.objects.filter(verb=verbs.IMPORT_BATCH_CONFIRMED).count() == 2


def test_cancelled_reimport_deletes_its_rows_and_keeps_the_first(
    area: Area, tmp_path: Path
) -> None:
    _run(area, [annex_a(tmp_path / "1.xlsx", {1: [child("A") + [date(2020, 5, 1), ""]]})])
    second = _run(
        area, [annex_a(tmp_path / "2.xlsx", {1: [child("B") + [date(2020, 5, 1), ""]] * 3})]
    )

    services.import_batch_cancel(actor=None, batch=second)

    assert second.records.count() == 0
    assert _value(area, "contacts") == 1


# --- privacy ---------------------------------------------------------------------------------


def test_identifiers_are_hashed_births_kept_to_the_month_and_files_deleted(
    area: Area, tmp_path: Path
) -> None:
    path = annex_a(
        tmp_path / "a.xlsx", {1: [child("CHILD-77", date(2012, 6, 17)) + [date(2020, 5, 1), ""]]}
    )
    start, end = rules.parse_period("2020-21")
    batch = services.import_batch_create(actor=None, area=area, period_start=start, period_end=end)

    services.import_batch_run(batch_id=batch.pk, paths=[path])

    record = ReturnRecord.objects.get()
    assert record.child_hash == keyed_hash("CHILD-77", purpose="child_id:873")
    assert "CHILD-77" not in str(ReturnRecord.objects.values().get())
    assert record.birth_month == date(2012, 6, 1)
    assert not path.exists()


def test_submit_keeps_the_files_and_queues_the_import_after_commit(
    area: Area,
    tmp_path: Path,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    path = annex_a(tmp_path / "a.xlsx", {1: [child("C1") + [date(2020, 5, 1), ""]]})
    start, end = rules.parse_period("2020-21")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        batch = services.import_submit(
            actor=None, area=area, period_start=start, period_end=end, files=[path]
        )

    assert len(callbacks) == 1
    assert batch.status == ImportBatch.Status.QUEUED
    assert batch.original_filename == "a.xlsx"
    assert path.exists()  # the caller's file is copied, never moved
    assert run_tasks() == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION  # checked before use
    assert path.exists()


def test_submit_now_runs_in_this_process_and_deletes_only_its_copies(
    area: Area, tmp_path: Path
) -> None:
    path = annex_a(tmp_path / "a.xlsx", {1: [child("C1") + [date(2020, 5, 1), ""]]})

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.CURRENT
    assert path.exists()


# --- the dev samples, figures counted by hand --------------------------------------------------


def test_dev_annex_a_sample_imports_with_hand_counted_figures(samples: Path, area: Area) -> None:
    batch = _run(area, [samples / "annex_a" / "liia-tools__Annex_A.xlsx"])

    assert batch.status == ImportBatch.Status.CURRENT, batch.error
    values = {k: v.value for k, v in figures.area_figures(area, ReportingYear(2020)).items()}
    # Counted by reading the workbook: every contact, early help assessment, referral and s47
    # is dated 16-18 September 2020; the assessments started in 2019-20 and were authorised in
    # 2020-21; two of seven plans are open at 31 March 2021; one of five children ceased care.
    assert values == {
        "contacts": 5, "children_contacted": 5, "early_help_started": 5, "referrals": 6,
        "referrals_nfa": 0, "re_referrals": 0, "assessments_completed": 5,
        "assessments_started": 0, "assessments_within_45_days": 0, "s47_started": 5,
        "icpcs_held": 3, "icpcs_within_15_days": 3, "cp_plans_at_31_march": 2,
        "cp_plans_started": 5, "children_in_care_at_31_march": 4, "care_started": 0,
        "care_ceased": 1,
        # Lists 9-11, counted by reading the workbook: six care leavers, all "LA in touch: a)
        # Yes", five with "a) Suitable" accommodation and one blank; every adoption order
        # (List 10) and adopter approval (List 11) is dated 2009-2014, none in 2020-21.
        "care_leavers": 6, "care_leavers_in_touch": 6, "care_leavers_suitable": 5,
        "children_adopted": 0, "adopters_approved": 0,
        # The CIN census's blocks: Annex A does not carry them, so not available (x).
        "pre_proceedings_at_end": None, "pre_proceedings_started": None, "fgdm_offered": None,
        "fgdm_held": None, "referrals_from_early_help": None, "closed_to_early_help": None,
    }  # fmt: skip


def test_dev_cin_sample_imports_for_its_reference_year(samples: Path) -> None:
    area = AreaFactory.create(la_number="201")
    batch = _run(area, [samples / "cin" / "d2i-cin__CIN2rows.xml"], "2023-24")

    assert batch.status == ImportBatch.Status.CURRENT, batch.error
    values = figures.area_figures(area, ReportingYear(2022))
    # The census for 2023-24 also holds the 2022-23 referral (6 October 2022) and its plans
    # (two, both started 17 February 2022 and ended 14 March 2023).
    # 1 referral, 1 assessment, 1 s47, 2 plans and the CIN episode itself (one <CINdetails>)
    assert batch.records.count() == 6
    assert values["referrals"].value is None  # the 2022-23 year is not covered by this import
    in_year = figures.area_figures(area, ReportingYear(2023))
    assert in_year["referrals"].value == 0  # the referral is dated 2022
    assert in_year["assessments_started"].value == 0  # started 24 January 2023
    assert in_year["cp_plans_at_31_march"].value == 0  # both plans ended in March 2023


def test_dev_ssda903_samples_import_and_list_the_dummy_row(samples: Path) -> None:
    area = AreaFactory.create(la_number="201")
    folder = samples / "ssda903"
    batch = _run(
        area,
        [
            folder / "liia-tools__SSDA903_2020_episodes.csv",
            folder / "liia-tools__SSDA903_2020_header.csv",
        ],
        "2019-20",
    )

    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION
    assert batch.problems == [
        {"table": "Episodes", "row": 6, "column": "RNE", "value": "*DUMMY*",
         "message": "is not a reason for new episode code"}
    ]  # fmt: skip
    assert batch.rows_stored == 4


def test_dev_ssda903_large_sample_figures(samples: Path, tmp_path: Path) -> None:
    area = AreaFactory.create(la_number="201")
    folder = samples / "ssda903"
    copies = [
        shutil.copy(folder / n, tmp_path / n)
        for n in ("d2i-903__episodes.csv", "d2i-903__header.csv")
    ]
    batch = _run(area, [Path(c) for c in copies], "2017-18")

    assert batch.status == ImportBatch.Status.CURRENT, batch.error
    assert batch.rows_stored == 5050
    # An independent count, straight from the CSV with the csv module.
    with (folder / "d2i-903__episodes.csv").open(newline="", encoding="utf-8") as handle:
        episodes = list(csv.DictReader(handle))

    def day(text: str) -> date:
        return datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 - a calendar date

    start, end = date(2017, 4, 1), date(2018, 3, 31)
    open_at_end = {
        e["CHILD"]
        for e in episodes
        if day(e["DECOM"]) <= end
        and (e["DEC"] == "" or day(e["DEC"]) > end)
        and e["LS"] not in ("V3", "V4")
    }
    started = len([e for e in episodes if e["RNE"] == "S" and start <= day(e["DECOM"]) <= end])
    ceased = len(
        [
            e
            for e in episodes
            if e["DEC"] != "" and start <= day(e["DEC"]) <= end and e["REC"] != "X1"
        ]
    )
    values = figures.area_figures(area, ReportingYear(2017))
    assert values["children_in_care_at_31_march"].value == len(open_at_end)
    assert values["care_started"].value == started
    assert values["care_ceased"].value == ceased


def test_list_without_an_identifier_header_is_a_file_error(area: Area, tmp_path: Path) -> None:
    headers = {
        2: ["Reference", "Gender", "Ethnicity", "Date of Birth", "Age", "Assessment start date",
            "Assessment completion date", "Organisation"]
    }  # fmt: skip

    batch = _run(area, [annex_a(tmp_path / "a.xlsx", headers=headers)])

    assert batch.error == (
        "List 2 (Early Help): no header row with 'Child Unique ID' in its first 5 rows."
    )


class _RecordingWorkbook:
    """A workbook that notes each sheet it is asked to load."""

    def __init__(self, path: Path, loaded: list[str]) -> None:
        self.workbook = CalamineWorkbook.from_path(str(path))
        self.sheet_names = self.workbook.sheet_names
        self.loaded = loaded

    def get_sheet_by_name(self, name: str) -> object:
        self.loaded.append(name)
        return self.workbook.get_sheet_by_name(name)


def test_a_file_error_part_way_stops_the_sheet_loading(
    area: Area, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Later sheets are loaded in the background while a list is read: when List 2 turns out
    to be wrong, the lists not yet started are not loaded and no loading thread is left."""
    loaded: list[str] = []
    path = annex_a(tmp_path / "a.xlsx", headers={2: ["Reference", "Assessment start date"]})
    monkeypatch.setattr(annex_a_parser, "_open", lambda p: _RecordingWorkbook(p, loaded))

    batch = _run(area, [path])

    assert batch.error.startswith("List 2 (Early Help): no header row")
    assert loaded[:2] == ["List 1", "List 2"]
    assert len(loaded) <= 2 + annex_a_parser.SHEETS_AHEAD < 8  # not every sheet
    assert not [t for t in threading.enumerate() if t.name.startswith("annex-a-sheet")]


def test_list_without_a_required_column_is_a_file_error(area: Area, tmp_path: Path) -> None:
    headers = {3: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
                   "Referral Source", "Referral NFA?"]}  # fmt: skip

    batch = _run(area, [annex_a(tmp_path / "a.xlsx", headers=headers)])

    assert batch.error == "List 3 (Referral): the column 'Date of referral' is missing."


def test_xml_with_a_dtd_is_refused(area: Area, tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY x "boom">]><Message>&x;</Message>',
        encoding="utf-8",
    )

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.FAILED
    assert "not allowed in a return" in batch.error


_CENSUS_START = (
    "<Message><Header><CollectionDetails><Collection>CIN</Collection>"
    "<ReferenceDate>2021-03-31</ReferenceDate></CollectionDetails></Header><Children>"
)
_LAUGHS = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
    f'<!ENTITY {name} "{("&" + before + ";") * 10}">'
    for before, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("declarations", "identifier"),
    [
        (_LAUGHS, "&i;"),  # "billion laughs": 10^9 lols if expanded
        ('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),  # an external entity
        ('<!ENTITY x SYSTEM "http://127.0.0.1:9/x">', "&x;"),  # one over the network
    ],
)
def test_a_census_declaring_entities_is_refused_and_stores_nothing(
    area: Area, tmp_path: Path, declarations: str, identifier: str
) -> None:
    path = tmp_path / "census.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE Message [{declarations}]>{_CENSUS_START}'
        f"<Child><ChildIdentifiers><LAchildID>{identifier}</LAchildID></ChildIdentifiers>"
        "<CINdetails><CINreferralDate>2020-05-01</CINreferralDate></CINdetails></Child>"
        "</Children></Message>",
        encoding="utf-8",
    )

    batch = _run(area, [path])

    assert batch.status == ImportBatch.Status.FAILED
    assert batch.error == (
        "The XML file uses features that are not allowed in a return (entities or a DTD)."
    )
    assert batch.problems == []  # refused as a file: no row is read or named
    assert not ReturnRecord.objects.filter(batch=batch).exists()


def test_a_six_month_extract_is_marked_part_year(area: Area, tmp_path: Path) -> None:
    lists: dict[int, Rows] = {
        1: [child("A") + [date(2020, 11, 1), ""]],
        7: [child("P") + [date(2020, 11, 1), ""]],
    }

    batch = _run(area, [annex_a(tmp_path / "a.xlsx", lists)], "2020-10-01..2021-03-31")

    values = figures.area_figures(area, ReportingYear(2020))
    assert batch.status == ImportBatch.Status.CURRENT
    assert values["contacts"].partial is True
    assert values["cp_plans_at_31_march"].value == 1  # the extract runs to 31 March


def test_a_failure_after_rows_were_sent_stores_nothing(
    area: Area, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "INSERT_BATCH", 10)  # rows go to the database every 10
    rows = [episode(f"C{n}", "01/05/2020", "S", "C2") for n in range(45)]
    rows.append([*episode("LAST", "01/05/2020", "S", "C2"), "an extra cell"])

    batch = _run(area, [episodes_csv(tmp_path / "e.csv", rows)])

    assert batch.status == ImportBatch.Status.FAILED
    assert ReturnRecord.objects.count() == 0
