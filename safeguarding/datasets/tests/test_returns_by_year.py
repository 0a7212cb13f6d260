"""The later layouts, one small hand-made file a year: the CIN census 2026-27 module and the
early help codes, SSDA903's year rules and new tables, Annex A lists 9-11; figures counted by
hand (boundaries: 1 April and 31 March in the year, an end on 31 March is not open at 31 March)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures_returns_2026 as later_figures
from safeguarding.datasets import specifications
from safeguarding.datasets.generator import ANNEX_A_HEADERS
from safeguarding.datasets.parsers import annex_a, cin, ssda903
from safeguarding.datasets.parsers.common import ParsedRecord, Problems, RecordColumns
from safeguarding.datasets.specifications import LaterKind
from safeguarding.datasets.tests import builders

YEAR_2026_27 = ReportingYear(2026)


class ListSink:
    """A ColumnSink keeping records in a list (a block is turned back into records)."""

    def __init__(self) -> None:
        self.records: list[ParsedRecord] = []

    def __call__(self, record: ParsedRecord) -> None:
        self.records.append(record)

    def child_key(self, child_id: str) -> str:
        return child_id

    def columns(self, block: RecordColumns) -> None:
        for index, child in enumerate(block.child_keys):
            self.records.append(
                ParsedRecord(block.kind, child, block.birth_months[index], block.starts[index])
            )


# --- the specification table ------------------------------------------------------------------


def test_collection_year_runs_1_april_to_31_march() -> None:
    assert specifications.collection_year(date(2027, 3, 31)) == 2027
    assert specifications.collection_year(date(2026, 4, 1)) == 2027
    assert specifications.collection_year(date(2026, 3, 31)) == 2026
    assert specifications.year_label(2027) == "2026-27"


def test_the_census_year_decides_the_cin_rules() -> None:
    assert specifications.cin_spec(2021).early_help_referral_source == ""
    assert specifications.cin_spec(2023).early_help_closure_reason == ""
    assert specifications.cin_spec(2024).early_help_referral_source == "5D"
    assert specifications.cin_spec(2024).sex_element == "GenderCurrent"
    assert specifications.cin_spec(2025).sex_element == "Sex"
    assert not specifications.cin_spec(2026).pre_proceedings
    assert specifications.cin_spec(2027).pre_proceedings
    assert specifications.cin_spec(2030).pre_proceedings  # no change: the last one stays


def test_the_episode_start_decides_the_ssda903_rules() -> None:
    assert specifications.placement_problem("P2", "PR1", start=date(2023, 10, 27)) is None
    column, message = specifications.placement_problem("P2", "PR1", start=date(2023, 10, 28)) or (
        "",
        "",
    )
    assert column == "PLACE"
    assert "28/10/2023" in message
    assert "SSDA903 2023-24 rule" in message
    assert specifications.placement_problem("Q9", "PR9", start=date(2016, 5, 1)) is None
    assert specifications.placement_problem("U1", "PR9", start=date(2025, 5, 1)) == (
        "PLACE_PROVIDER",
        "is not a placement provider code (SSDA903 2025-26 rule)",
    )
    assert specifications.ssda903_spec(2027).tables[-1] == "DeprivationOfLiberty"
    assert specifications.ssda903_spec(2025).sex_read
    assert not specifications.ssda903_spec(2024).sex_read


# --- CIN census ---------------------------------------------------------------------------------


def _cin(
    path: Path, children: str, reference: str
) -> tuple[list[ParsedRecord], list[ParsedRecord], Problems]:
    sink: list[ParsedRecord] = []
    later: list[ParsedRecord] = []
    problems = Problems()
    builders.cin_xml(path, children, reference=reference)
    cin.read(
        path,
        sink=sink.append,
        problems=problems,
        la_number="873",
        period_end=date.fromisoformat(reference),
        later=later.append,
    )
    return sink, later, problems


def _details(
    referral: str, *, source: str = "1A", closed: str = "", reason: str = "", more: str = ""
) -> str:
    closure = (
        f"<CINclosureDate>{closed}</CINclosureDate><ReasonForClosure>{reason}</ReasonForClosure>"
        if closed
        else ""
    )
    return (
        f"<CINdetails><CINreferralDate>{referral}</CINreferralDate>"
        f"<ReferralSource>{source}</ReferralSource><ReferralNFA>false</ReferralNFA>"
        f"{closure}{more}</CINdetails>"
    )


def _module(pre: list[tuple[str, str]], fgdm: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<PreProceedings><PreProceedingsStartDate>{s}</PreProceedingsStartDate>"
        f"<PreProceedingsEndDate>{e}</PreProceedingsEndDate></PreProceedings>"
        for s, e in pre
    )
    items += "".join(
        f"<FGDM><FGDMOfferedDate>{o}</FGDMOfferedDate><FGDMHeldDate>{h}</FGDMHeldDate></FGDM>"
        for o, h in fgdm
    )
    return f"<PreProceedingsandFGDM>{items}</PreProceedingsandFGDM>"


CIN_2026_27 = "".join(
    [
        # A: started 1 April 2026 (in), still open at 31 March: at end + started
        builders.cin_child(
            "A",
            _details(
                "2026-03-01", more=_module([("2026-04-01", "")], [("2026-04-02", "2026-04-20")])
            ),
            extra="<Sex>F</Sex>",
        ),
        # B: started 31 March 2026 (before the year), ended 31 March 2027: neither
        builders.cin_child(
            "B",
            _details(
                "2025-12-01",
                more=_module([("2026-03-31", "2027-03-31")], [("2026-03-31", "2026-04-01")]),
            ),
        ),
        # C: two pre-proceedings in the year (a child counted once), the second open at the end;
        # a meeting offered on 31 March 2027 not yet held
        builders.cin_child(
            "C",
            _details(
                "2026-05-01",
                source="5D",
                closed="2027-03-31",
                reason="RC9",
                more=_module(
                    [("2026-06-01", "2026-07-01"), ("2027-03-31", "")], [("2027-03-31", "")]
                ),
            ),
        ),
        # D: referred from early help on 1 April 2027 (next year); closed RC9 the year before
        builders.cin_child(
            "D",
            _details("2027-04-01", source="5D")
            + _details("2025-05-01", closed="2026-03-31", reason="RC9"),
        ),
    ]
)


def test_cin_2026_27_module_is_read_and_counted_by_hand(tmp_path: Path) -> None:
    sink, later, problems = _cin(tmp_path / "cin.xml", CIN_2026_27, "2027-03-31")
    assert problems.count == 0
    assert len([r for r in sink if r.kind == "referral"]) == 5  # the figures of old still read
    values = later_figures.later_figures(later, YEAR_2026_27)
    assert values["pre_proceedings_at_end"] == 2  # A and C (B's ended on 31 March)
    assert values["pre_proceedings_started"] == 2  # A (1 April) and C (twice, once counted)
    assert values["fgdm_offered"] == 2  # A's 2 April, C's 31 March (B's 31/03/2026 is before)
    assert values["fgdm_held"] == 2  # A's 20 April, B's 1 April 2026
    assert values["referrals_from_early_help"] == 1  # C (D's is in the next year)
    assert values["closed_to_early_help"] == 1  # C on 31 March (D's closed the year before)


def test_an_earlier_census_with_the_module_tolerates_it_but_does_not_read_it(
    tmp_path: Path,
) -> None:
    children = builders.cin_child(
        "A", _details("2025-05-01", more=_module([("2025-06-01", "")], [("2025-06-01", "")]))
    )
    sink, later, problems = _cin(tmp_path / "cin.xml", children, "2026-03-31")
    assert problems.count == 0
    assert len(sink) == 1
    assert [r.kind for r in later] == [LaterKind.CIN_EPISODE]


def test_early_help_codes_before_their_year_are_a_problem_naming_the_rule(tmp_path: Path) -> None:
    children = builders.cin_child("A", _details("2022-05-01", source="5D")) + builders.cin_child(
        "B", _details("2022-05-01", closed="2022-06-01", reason="RC9")
    )
    sink, _later, problems = _cin(tmp_path / "cin.xml", children, "2023-03-31")
    assert sink == []
    assert [(p.column, p.message) for p in problems.kept] == [
        ("ReferralSource", "is not a referral source code yet (CIN census 2022-23 rule)"),
        ("ReasonForClosure", "is not a reason for closure yet (CIN census 2022-23 rule)"),
    ]


def test_early_help_codes_from_2023_24_are_read(tmp_path: Path) -> None:
    children = builders.cin_child(
        "A", _details("2023-04-01", source="5D", closed="2024-03-31", reason="RC9")
    )
    sink, later, problems = _cin(tmp_path / "cin.xml", children, "2024-03-31")
    assert problems.count == 0
    year = ReportingYear(2023)
    assert later_figures.referrals_from_early_help(later, year) == 1
    assert later_figures.closed_to_early_help(later, year) == 1


def test_the_2024_25_sex_element_is_accepted(tmp_path: Path) -> None:
    children = builders.cin_child("A", _details("2024-05-01"), extra="<Sex>M</Sex>")
    sink, _later, problems = _cin(tmp_path / "cin.xml", children, "2025-03-31")
    assert problems.count == 0
    assert len(sink) == 1


# --- SSDA903 ------------------------------------------------------------------------------------


def _903(paths: list[Path]) -> tuple[list[ParsedRecord], Problems]:
    sink: list[ParsedRecord] = []
    problems = Problems()
    ssda903.read_csv(paths, sink=sink.append, problems=problems)
    return sink, problems


def _episode(cid: str, decom: str, place: str, provider: str = "PR1") -> list[str]:
    return [cid, decom, "S", "C2", "N1", place, provider, "", "", "", "", "", ""]


def test_ssda903_codes_are_checked_against_the_year_the_episode_starts_in(tmp_path: Path) -> None:
    episodes = builders.episodes_csv(
        tmp_path / "episodes.csv",
        [
            _episode("1", "27/10/2023", "P2"),  # the day before: valid
            _episode("2", "28/10/2023", "P2"),  # from 28 October 2023: invalid
            _episode("3", "01/05/2016", "P2"),  # an old episode: the old rules
            _episode("4", "01/05/2025", "U1", "PR9"),
            _episode("5", "01/05/2026", "K2"),
        ],
    )
    sink, problems = _903([episodes])
    assert sorted(r.child_id for r in sink) == ["1", "3", "5"]
    assert [(p.row, p.column, p.value) for p in problems.kept] == [
        (3, "PLACE", "P2"),
        (5, "PLACE_PROVIDER", "PR9"),
    ]
    assert "SSDA903 2023-24 rule" in problems.kept[0].message
    assert "SSDA903 2025-26 rule" in problems.kept[1].message


def test_ssda903_2026_27_tables_are_accepted_and_ignored(tmp_path: Path) -> None:
    episodes = builders.episodes_csv(
        tmp_path / "episodes.csv", [_episode("1", "01/05/2026", "U1")]
    )
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,2,15/06/2012,WBRI,,,\n")
    social_workers = tmp_path / "sw.csv"
    social_workers.write_text("CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1,SW1,01/05/2026,,\n")
    liberty = tmp_path / "dol.csv"
    liberty.write_text("CHILD,DOL_START,DOL_END\n1,01/06/2026,\n")
    sink, problems = _903([episodes, header, social_workers, liberty])
    assert problems.count == 0
    assert [(r.child_id, r.birth_month) for r in sink] == [("1", date(2012, 6, 1))]


# --- Annex A lists 9-11 -------------------------------------------------------------------------

LIST_HEADERS = {
    9: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Eligibility Category",
        "LA In Touch", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"],
    10: ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
         "Date of Decision that Child Should be Placed for Adoption", "Date of Adoption Order"],
    11: ["Individual adopter identifier", "Family identifier", "Date Stage 2 ended",
         "Date application approved", "Date of leaving adoption process"],
}  # fmt: skip


def _annex(
    path: Path, lists: dict[int, list[list[object]]], only: tuple[int, ...]
) -> tuple[ListSink, ListSink, Problems]:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for number in only:
        sheet = workbook.create_sheet(f"List {number}")
        sheet.append({**ANNEX_A_HEADERS, **LIST_HEADERS}[number])
        for row in lists.get(number, []):
            sheet.append(list(row))
    workbook.save(path)
    sink, later, problems = ListSink(), ListSink(), Problems()
    annex_a.read(path, sink=sink, problems=problems, later=later)
    return sink, later, problems


def test_annex_a_lists_9_to_11_are_read_and_counted_by_hand(tmp_path: Path) -> None:
    lists: dict[int, list[list[object]]] = {
        9: [
            [
                "L1",
                "",
                "",
                "01/01/2006",
                20,
                "b) Former relevant child",
                "a) Yes",
                "U",
                "a) Suitable",
                "F1",
            ],
            [
                "L2",
                "",
                "",
                "01/01/2006",
                20,
                "b) Former relevant child",
                "a) Yes",
                "S",
                "b) Unsuitable",
                "G5",
            ],
            ["L3", "", "", "01/01/2006", 20, "b) Former relevant child", "b) No", "", "", ""],
            ["L4", "", "", "01/01/2006", 20, "a) Relevant child", "f) Rhom", "B", "Suitable", ""],
        ],
        10: [
            builders.child("A1") + ["01/01/2026", "01/04/2026"],  # 1 April: in
            builders.child("A2") + ["01/01/2026", "31/03/2027"],  # 31 March: in
            builders.child("A3") + ["01/01/2025", "31/03/2026"],  # the year before: out
            builders.child("A4") + ["01/01/2026", ""],  # decision only: blank order -> problem
        ],
        11: [
            ["P1", "F1", "15/05/2026", "", ""],
            ["P2", "F1", "15/05/2026", "", ""],  # the couple: two adopters
            ["P3", "F2", "", "01/04/2027", ""],  # the next year
        ],
    }
    _sink, later, problems = _annex(tmp_path / "annex.xlsx", lists, tuple(range(1, 12)))
    assert [(p.table, p.row, p.column) for p in problems.kept] == [
        ("List 10", 5, "Date of Adoption Order")
    ]
    values = later_figures.later_figures(later.records, YEAR_2026_27)
    assert values["care_leavers"] == 4
    assert values["care_leavers_in_touch"] == 2  # L1, L2 (Rhom is not "in touch")
    assert values["care_leavers_suitable"] == 2  # L1, L4
    assert values["children_adopted"] == 2  # A1, A2
    assert values["adopters_approved"] == 2  # P1, P2


def test_an_annex_a_workbook_without_lists_9_to_11_still_imports(tmp_path: Path) -> None:
    _sink, later, problems = _annex(tmp_path / "annex.xlsx", {}, tuple(range(1, 9)))
    assert problems.count == 0
    assert later.records == []


def test_an_unknown_in_touch_code_is_a_row_problem(tmp_path: Path) -> None:
    lists: dict[int, list[list[object]]] = {
        9: [["L1", "", "", "", "", "", "Maybe", "", "", ""]],
    }
    _sink, later, problems = _annex(tmp_path / "annex.xlsx", lists, tuple(range(1, 12)))
    assert later.records == []
    assert problems.kept[0].column == "LA In Touch"


def test_the_later_figures_read_stored_records_too() -> None:
    from safeguarding.datasets.models import ReturnRecord

    stored = [
        ReturnRecord(kind=LaterKind.ADOPTION, child_hash="h1", event=date(2026, 4, 1)),
        ReturnRecord(kind=LaterKind.ADOPTION, child_hash="h1", event=date(2026, 5, 1)),
        ReturnRecord(kind=LaterKind.ADOPTION, child_hash="h2", event=date(2027, 4, 1)),
        ReturnRecord(kind=LaterKind.CARE_LEAVER, child_hash="h3", flag=True, reason_ended="S"),
    ]
    values = later_figures.later_figures(stored, YEAR_2026_27)
    assert values["children_adopted"] == 1  # h1 once; h2's order is in the next year
    assert (values["care_leavers"], values["care_leavers_in_touch"]) == (1, 1)
    assert values["care_leavers_suitable"] == 1


def test_the_dev_cin_sample_gives_its_episode_to_the_later_sink(samples: Path) -> None:
    sink: list[ParsedRecord] = []
    later: list[ParsedRecord] = []
    problems = Problems()
    cin.read(
        samples / "cin" / "d2i-cin__CIN2rows.xml",
        sink=sink.append,
        problems=problems,
        la_number="201",
        period_end=date(2024, 3, 31),
        later=later.append,
    )
    assert problems.count == 0
    assert len(sink) == 5  # as the import test counts: referral, assessment, s47, two plans
    # One CIN episode: referred 6 October 2022 by 1A, closed 27 February 2023 with RC1.
    assert [(r.kind, r.start, r.end, r.reason_new, r.reason_ended) for r in later] == [
        (LaterKind.CIN_EPISODE, date(2022, 10, 6), date(2023, 2, 27), "1A", "RC1")
    ]
    assert later_figures.referrals_from_early_help(later, ReportingYear(2022)) == 0


def test_ssda903_xml_episodes_follow_the_year_rules_too(tmp_path: Path) -> None:
    path = tmp_path / "903.xml"
    path.write_text(
        "<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID><DOB>15/06/2012</DOB></HEADER>"
        "<EPISODE><DECOM>28/10/2023</DECOM><RNE>S</RNE><LS>C2</LS><PL>P2</PL>"
        "<PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC></DEC><REC></REC></EPISODE>"
        "<EPISODE><DECOM>27/10/2023</DECOM><RNE>S</RNE><LS>C2</LS><PL>P2</PL>"
        "<PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>28/10/2023</DEC><REC>X1</REC></EPISODE>"
        "</CHILD></EXPSSDA903>",
        encoding="utf-8",
    )
    sink: list[ParsedRecord] = []
    problems = Problems()
    ssda903.read_xml(path, sink=sink.append, problems=problems)
    assert [r.start for r in sink] == [date(2023, 10, 27)]
    assert [(p.column, p.value) for p in problems.kept] == [("PLACE", "P2")]
    assert "SSDA903 2023-24 rule" in problems.kept[0].message
