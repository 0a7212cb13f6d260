"""The later layouts stored and counted (issue #19): the CIN census 2026-27 pre-proceedings and
FGDM module, the early help codes (5D, RC9) and Annex A lists 9-11 are stored with the import,
all or nothing; their figures are in the stored figures for each year and quarter, `x` (never 0)
from a return without the part; they show on the area page, the dashboard and the report's data
section; comparators show beside an area's figure with their sources. Files are hand-made, one a
year layout; expected values are counted by hand in the comments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import reporting, rules, selectors, services, specifications
from safeguarding.datasets.models import (
    Comparator,
    ImportBatch,
    Population,
    RecordKind,
    ReturnRecord,
    StoredFigure,
)
from safeguarding.datasets.specifications import LaterKind
from safeguarding.datasets.tests import builders
from safeguarding.datasets.tests.test_returns_by_year import (
    CIN_2026_27,
    LIST_HEADERS,
    _details,
    _module,
)
from safeguarding.partnership.models import Area

pytestmark = pytest.mark.django_db
Y2026 = ReportingYear(2026)


def _import(area: Area, paths: list[Path], period: str) -> ImportBatch:
    start, end = rules.parse_period(period)
    batch = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=paths
    )
    if batch.status == ImportBatch.Status.AWAITING_CONFIRMATION:
        batch = services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    assert batch.status == ImportBatch.Status.CURRENT, batch.error
    return batch


def _stored(area: Area, year: ReportingYear, quarter: int = 0) -> dict[str, int | None]:
    return dict(
        StoredFigure.objects.filter(
            area=area, year_start=year.start_year, quarter=quarter
        ).values_list("key", "value")
    )


def _kinds(batch: ImportBatch) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in ReturnRecord.objects.filter(batch=batch).values_list("kind", flat=True):
        out[kind] = out.get(kind, 0) + 1
    return out


def test_the_later_kinds_are_record_kinds() -> None:
    later = {v for k, v in vars(LaterKind).items() if k.isupper()}
    assert later <= set(RecordKind.values)
    assert all(len(kind) <= 10 for kind in later)


# --- CIN census, one file a year layout ---------------------------------------------------------


def test_a_2026_27_census_stores_the_module_and_its_figures(area: Area, tmp_path: Path) -> None:
    path = builders.cin_xml(tmp_path / "cin.xml", CIN_2026_27, reference="2027-03-31")
    batch = _import(area, [path], "2026-27")

    assert batch.parts == [
        specifications.PART_EARLY_HELP_CODES,
        specifications.PART_PRE_PROCEEDINGS,
    ]
    kinds = _kinds(batch)
    assert kinds[RecordKind.PRE_PROCEEDINGS] == 4  # A 1, B 1, C 2
    assert kinds[RecordKind.FGDM] == 3  # A, B, C
    assert kinds[RecordKind.CIN_EPISODE] == 5  # A, B, C, D twice
    values = _stored(area, Y2026)
    assert values["pre_proceedings_at_end"] == 2  # A and C (B's ended on 31 March)
    assert values["pre_proceedings_started"] == 2  # A (1 April), C (twice, once counted)
    assert values["fgdm_offered"] == 2  # A 2 April, C 31 March
    assert values["fgdm_held"] == 2  # A 20 April, B 1 April 2026
    assert values["referrals_from_early_help"] == 1  # C (D's is 1 April 2027)
    assert values["closed_to_early_help"] == 1  # C on 31 March 2027
    assert values["referrals"] == 1  # the figures of old as before: C (A, B, D out of the year)
    # Quarters: A 1 April and C 1 June start in Q1, C again 31 March in Q4
    assert _stored(area, Y2026, 1)["pre_proceedings_started"] == 2
    assert _stored(area, Y2026, 4)["pre_proceedings_started"] == 1
    assert [_stored(area, Y2026, q)["fgdm_offered"] for q in (1, 2, 3, 4)] == [1, 0, 0, 1]
    assert [_stored(area, Y2026, q)["referrals_from_early_help"] for q in (1, 2, 3, 4)] == [
        1,
        0,
        0,
        0,
    ]
    # No Annex A import: its later figures are not available
    assert values["care_leavers"] is None
    assert values["children_adopted"] is None


def test_a_2025_26_census_gives_early_help_but_no_pre_proceedings(
    area: Area, tmp_path: Path
) -> None:
    children = builders.cin_child(
        "A",
        _details(
            "2025-05-01", source="5D", more=_module([("2025-06-01", "")], [("2025-06-01", "")])
        ),
    ) + builders.cin_child("B", _details("2025-07-01", closed="2025-09-30", reason="RC9"))
    path = builders.cin_xml(tmp_path / "cin.xml", children, reference="2026-03-31")
    batch = _import(area, [path], "2025-26")

    assert batch.parts == [specifications.PART_EARLY_HELP_CODES]
    assert RecordKind.PRE_PROCEEDINGS not in _kinds(batch)  # tolerated, not read
    values = _stored(area, ReportingYear(2025))
    assert values["referrals_from_early_help"] == 1  # A
    assert values["closed_to_early_help"] == 1  # B
    for key in ("pre_proceedings_at_end", "pre_proceedings_started", "fgdm_offered"):
        assert values[key] is None, key  # x, not 0


def test_a_2022_23_census_has_no_early_help_figures(area: Area, tmp_path: Path) -> None:
    children = builders.cin_child("A", _details("2022-05-01"))
    path = builders.cin_xml(tmp_path / "cin.xml", children, reference="2023-03-31")
    batch = _import(area, [path], "2022-23")

    assert batch.parts == []
    values = _stored(area, ReportingYear(2022))
    assert values["referrals"] == 1
    assert values["referrals_from_early_help"] is None
    assert values["closed_to_early_help"] is None
    assert values["fgdm_held"] is None


# --- Annex A lists 9-11 -------------------------------------------------------------------------

LISTS_9_TO_11: dict[int, list[list[object]]] = {
    1: [builders.child("C1") + [date(2026, 5, 1), "q) 6: Police"]],
    9: [
        ["L1", "", "", "01/01/2006", 20, "b) Former relevant child", "a) Yes", "U", "a) Suitable"],
        ["L2", "", "", "01/01/2006", 20, "b) Former relevant child", "a) Yes", "S", "Unsuitable"],
        ["L3", "", "", "01/01/2006", 20, "b) Former relevant child", "b) No", "", ""],
        ["L4", "", "", "01/01/2006", 20, "a) Relevant child", "f) Rhom", "B", "Suitable"],
    ],
    10: [
        builders.child("A1") + ["01/01/2026", "01/04/2026"],  # 1 April: in (Q1)
        builders.child("A2") + ["01/01/2026", "31/03/2027"],  # 31 March: in (Q4)
        builders.child("A3") + ["01/01/2025", "31/03/2026"],  # the year before: out
        builders.child("A4") + ["01/01/2026", ""],  # blank order: a row problem (row 5)
    ],
    11: [
        ["P1", "F1", "15/05/2026", "", ""],
        ["P2", "F1", "15/05/2026", "", ""],  # a couple: two adopters
        ["P3", "F2", "", "01/04/2027", ""],  # the next year
    ],
}


def _annex(path: Path, only: tuple[int, ...] = tuple(range(1, 12))) -> Path:
    return builders.annex_a(path, LISTS_9_TO_11, headers=LIST_HEADERS, only=only)


def test_annex_a_lists_9_to_11_are_stored_with_their_problems(area: Area, tmp_path: Path) -> None:
    batch = _import(area, [_annex(tmp_path / "a.xlsx")], "2026-27")

    assert batch.parts == ["list_9", "list_10", "list_11"]
    assert [(p["table"], p["row"], p["column"]) for p in batch.problems] == [
        ("List 10", 5, "Date of Adoption Order")
    ]
    assert batch.rows_rejected == 1
    kinds = _kinds(batch)
    assert (kinds["leaver"], kinds["adoption"], kinds["adopter"], kinds["contact"]) == (4, 3, 3, 1)
    values = _stored(area, Y2026)
    assert values["care_leavers"] == 4
    assert values["care_leavers_in_touch"] == 2  # L1, L2 (Rhom is not in touch)
    assert values["care_leavers_suitable"] == 2  # L1, L4
    assert values["children_adopted"] == 2  # A1, A2
    assert values["adopters_approved"] == 2  # P1, P2
    assert [_stored(area, Y2026, q)["children_adopted"] for q in (1, 2, 3, 4)] == [1, 0, 0, 1]
    assert values["pre_proceedings_at_end"] is None  # no census


def test_an_older_workbook_without_lists_9_to_11_shows_x_not_0(area: Area, tmp_path: Path) -> None:
    batch = _import(area, [_annex(tmp_path / "a.xlsx", tuple(range(1, 9)))], "2026-27")

    assert batch.parts == []
    values = _stored(area, Y2026)
    assert values["contacts"] == 1
    for key in ("care_leavers", "care_leavers_in_touch", "children_adopted", "adopters_approved"):
        assert values[key] is None, key


def test_care_leavers_need_an_import_ending_on_31_march(area: Area, tmp_path: Path) -> None:
    """List 9 is a snapshot on the day the list was run: a half-year import gives no year's
    figure; the adoptions in the file dated in the year still count, marked part of the year
    (as every figure from a part-year import is)."""
    _import(area, [_annex(tmp_path / "a.xlsx")], "2026-04-01..2026-09-30")
    values = _stored(area, Y2026)
    assert values["care_leavers"] is None
    assert values["children_adopted"] == 2  # A1, A2
    assert StoredFigure.objects.get(
        area=area, year_start=2026, quarter=0, key="children_adopted"
    ).partial


def test_a_file_error_in_a_later_list_stores_nothing(area: Area, tmp_path: Path) -> None:
    headers = {**LIST_HEADERS, 9: ["Not the header", "LA In Touch"]}
    path = builders.annex_a(tmp_path / "a.xlsx", LISTS_9_TO_11, headers=headers, only=range(1, 12))
    start, end = rules.parse_period("2026-27")
    batch = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=[path]
    )
    assert batch.status == ImportBatch.Status.FAILED
    assert "List 9" in batch.error
    assert not ReturnRecord.objects.filter(batch=batch).exists()


def test_the_check_compares_only_the_figures_the_file_carries(area: Area, tmp_path: Path) -> None:
    start, end = rules.parse_period("2026-27")
    batch = services.import_submit(
        run_now=True,
        actor=None,
        area=area,
        period_start=start,
        period_end=end,
        files=[_annex(tmp_path / "a.xlsx", tuple(range(1, 9)))],
    )
    keys = {row["key"] for row in batch.differences}
    assert "contacts" in keys
    assert not keys & {"care_leavers", "children_adopted", "adopters_approved"}


# --- pages, report and comparators --------------------------------------------------------------


def _analyst_and_board(make_user: Callable[..., User]) -> tuple[Client, Client]:
    clients = []
    for user in (make_user(Role.PARTNERSHIP_ADMIN), make_user(Role.BOARD_MEMBER)):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients[0], clients[1]


def _with_comparators(area: Area) -> None:
    Population.objects.create(area=area, year_start=2026, children=10_000, source="ONS mid-2026")
    Comparator.objects.create(
        geography=Comparator.Geography.ENGLAND,
        figure="referrals",
        year_start=2026,
        value=Decimal("41.4"),
        source="DfE Characteristics of children in need 2027",
    )
    Comparator.objects.create(
        area=area,
        geography=Comparator.Geography.NEIGHBOURS,
        figure="referrals",
        year_start=2026,
        value=Decimal("47.0"),
        source="DfE LAIT 2027",
    )


def test_area_page_dashboard_and_report_show_the_later_figures_and_comparators(
    area: Area, tmp_path: Path, make_user: Callable[..., User]
) -> None:
    # 60 referrals (so the count is shown to everyone) on a population of 10,000: 60.0
    children = "".join(
        builders.cin_child(f"R{n}", _details("2026-06-01", source="5D")) for n in range(60)
    )
    _import(
        area,
        [builders.cin_xml(tmp_path / "cin.xml", children, reference="2027-03-31")],
        "2026-27",
    )
    _import(area, [_annex(tmp_path / "a.xlsx", tuple(range(1, 9)))], "2026-27")
    _with_comparators(area)
    services.stored_figures_refresh(area=area)
    analyst, board = _analyst_and_board(make_user)

    page = analyst.get(f"/data/areas/{area.pk}/?year=2026-27").content.decode()
    assert "Referrals from early help (source 5D)" in page
    assert "Children in pre-proceedings at 31 March" in page
    assert "Northshire 60.0, England 41.4, neighbours 47.0" in page
    assert "DfE LAIT 2027" in page
    dashboard = board.get("/data/?year=2026-27").content.decode()
    assert "Care leavers in suitable accommodation" in dashboard

    grid = selectors.figures_grid(user=None, years=[Y2026.previous, Y2026], exact=False)
    assert grid.cell("referrals_from_early_help", area.pk, Y2026).value == 60
    assert grid.cell("referrals_from_early_help", area.pk, Y2026).rate == "z"
    assert grid.cell("care_leavers", area.pk, Y2026).value is None  # x: no List 9
    section = reporting.data_figures(Y2026)
    later = {row.key: row.counts for row in section.later_rows}
    assert later["referrals_from_early_help"] == [60, 60]  # Northshire, the partnership
    assert later["pre_proceedings_started"] == [0, 0]  # a 2026-27 census: a true 0
    assert later["children_adopted"] == [None, None]  # x
    referrals = next(row for row in section.rows if row.key == "referrals")
    assert [line.text for line in referrals.comparisons] == [
        "Northshire 60.0, England 41.4, neighbours 47.0"
    ]


def test_the_report_section_renders_the_later_table_and_comparators(
    area: Area, tmp_path: Path
) -> None:
    from django.template.loader import render_to_string

    children = "".join(builders.cin_child(f"R{n}", _details("2026-06-01")) for n in range(60))
    _import(
        area,
        [builders.cin_xml(tmp_path / "cin.xml", children, reference="2027-03-31")],
        "2026-27",
    )
    _with_comparators(area)
    services.stored_figures_refresh(area=area)
    html = render_to_string(
        reporting.report_section(Y2026).template, {"figures": reporting.data_figures(Y2026)}
    )
    assert "Northshire 60.0, England 41.4, neighbours 47.0" in html
    assert "DfE Characteristics of children in need 2027" in html
    assert "Family group decision-making meetings held" in html
    assert "x means not available" in html
