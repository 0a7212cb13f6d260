"""Each counting rule on small hand-made returns, with hand-counted expected figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, rules, services
from safeguarding.datasets.models import ImportBatch
from safeguarding.datasets.tests.builders import (
    annex_a,
    child,
    cin_child,
    cin_xml,
    episode,
    episodes_csv,
)
from safeguarding.partnership.models import Area

pytestmark = pytest.mark.django_db
Y2020 = ReportingYear(2020)


def _import(area: Area, paths: list[Path], period: str = "2020-21") -> ImportBatch:
    start, end = rules.parse_period(period)
    batch = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=paths
    )
    if batch.status == ImportBatch.Status.AWAITING_CONFIRMATION:
        batch = services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    assert batch.status == ImportBatch.Status.CURRENT, batch.error
    return batch


def _values(area: Area, year: ReportingYear = Y2020) -> dict[str, int | None]:
    return {k: v.value for k, v in figures.area_figures(area, year).items()}


def test_contacts_count_rows_in_the_year_including_both_ends(area: Area, tmp_path: Path) -> None:
    rows = [
        child("A1") + [date(2020, 4, 1), "q) 6: Police"],  # first day: counted
        child("A1") + [date(2021, 3, 31), "q) 6: Police"],  # 31 March itself: counted
        child("A2") + [date(2020, 3, 31), "q) 6: Police"],  # the year before: not counted
        child("A3") + [date(2021, 4, 1), "q) 6: Police"],  # the year after: not counted
        child("A4") + [date(2020, 10, 10), "q) 6: Police"],
    ]
    _import(area, [annex_a(tmp_path / "a.xlsx", {1: rows})])

    values = _values(area)

    assert values["contacts"] == 3
    assert values["children_contacted"] == 2  # A1 twice, A4


def test_cp_plan_ending_on_31_march_is_not_open_at_31_march(area: Area, tmp_path: Path) -> None:
    rows = [
        child("P1") + [date(2021, 3, 31), ""],  # starts on 31 March: on a plan
        child("P2") + [date(2019, 5, 1), date(2021, 3, 31)],  # ends on 31 March: not on a plan
        child("P3") + [date(2019, 5, 1), date(2021, 4, 1)],  # ends after: on a plan
        child("P4") + [date(2020, 6, 1), date(2020, 9, 1)],  # ended in the year
    ]
    _import(area, [annex_a(tmp_path / "a.xlsx", {7: rows})])

    values = _values(area)

    assert values["cp_plans_at_31_march"] == 2
    assert values["cp_plans_started"] == 2  # P1, P4


def test_children_in_care_exclude_short_breaks_and_903_rules(area: Area, tmp_path: Path) -> None:
    rows = [
        episode("C1", "01/05/2019", "S", "C2"),  # open: counted
        episode("C2", "01/05/2020", "S", "V3"),  # short break: not counted at 31 March
        episode("C3", "01/05/2020", "S", "V4"),  # short break: not counted
        episode("C4", "10/06/2020", "S", "C1", "31/03/2021", "X1"),  # X1: a change, not an end
        episode("C4", "31/03/2021", "P", "C2"),  # same child, continues: counted once
        episode("C5", "01/01/2020", "S", "J2", "31/03/2021", "E11"),  # ceased on 31 March
        episode("C6", "01/02/2020", "S", "C2", "15/02/2021", "E4A"),  # ceased in the year
    ]
    _import(area, [episodes_csv(tmp_path / "episodes.csv", rows)])

    values = _values(area)

    assert values["children_in_care_at_31_march"] == 2  # C1, C4
    assert values["care_started"] == 3  # RNE S in the year: C2, C3, C4
    assert values["care_ceased"] == 2  # C5, C6 (C4's X1 does not end the period)


def _referral(day: str) -> str:
    """A CIN referral on `day` that was not closed with no further action."""
    return (
        f"<CINdetails><CINreferralDate>{day}</CINreferralDate>"
        "<ReferralNFA>0</ReferralNFA></CINdetails>"
    )


def test_re_referral_at_exactly_12_months_counts_across_imports(
    area: Area, tmp_path: Path
) -> None:
    earlier = cin_xml(
        tmp_path / "2019.xml",
        cin_child("R1", _referral("2019-06-10"))
        + cin_child("R2", _referral("2019-06-10"))
        + cin_child("R3", _referral("2019-06-11")),
        reference="2020-03-31",
    )
    _import(area, [earlier], "2019-20")
    later = cin_xml(
        tmp_path / "2020.xml",
        cin_child("R1", _referral("2020-06-10"))  # exactly 12 months: a re-referral
        + cin_child("R2", _referral("2020-06-11"))  # 12 months and a day: not
        + cin_child("R3", _referral("2020-06-10"))  # 11 months 30 days: a re-referral
        + cin_child("R4", _referral("2020-07-01") + _referral("2020-12-01")),  # second is one
    )
    _import(area, [later])

    values = _values(area)

    assert values["referrals"] == 5
    assert values["re_referrals"] == 3


def test_re_referral_window_from_29_february_starts_on_28_february(
    area: Area, tmp_path: Path
) -> None:
    earlier = cin_xml(
        tmp_path / "2022.xml",
        cin_child("L1", _referral("2023-02-28")) + cin_child("L2", _referral("2023-02-27")),
        reference="2023-03-31",
    )
    _import(area, [earlier], "2022-23")
    later = cin_xml(
        tmp_path / "2023.xml",
        # 29 February 2024: a year before is 28 February 2023 (L1 counts, L2 does not)
        cin_child("L1", _referral("2024-02-29")) + cin_child("L2", _referral("2024-02-29")),
        reference="2024-03-31",
    )
    _import(area, [later], "2023-24")

    with CaptureQueriesContext(connection):  # as with DEBUG on: every query's text is logged
        values = _values(area, ReportingYear(2023))

    assert values["referrals"] == 2
    assert values["re_referrals"] == 1


def test_assessment_timeliness_counts_working_days_over_christmas(
    area: Area, tmp_path: Path
) -> None:
    # From Tuesday 1 December 2020, 45 working days (25 and 28 December and 1 January are
    # bank holidays) end on Friday 5 February 2021: counted by hand.
    rows = [
        child("S1") + [date(2020, 12, 1), date(2021, 2, 5)],  # day 45: in time
        child("S2") + [date(2020, 12, 1), date(2021, 2, 8)],  # day 46: late
        child("S3") + [date(2020, 3, 2), date(2020, 4, 20)],  # started the year before
        child("S4") + [date(2021, 3, 1), ""],  # not completed
    ]
    _import(area, [annex_a(tmp_path / "a.xlsx", {4: rows})])

    values = _values(area)

    assert values["assessments_completed"] == 3
    assert values["assessments_started"] == 3  # S1, S2, S4
    assert values["assessments_within_45_days"] == 2  # S1, S3


def test_icpc_timeliness_counts_working_days_over_easter(area: Area, tmp_path: Path) -> None:
    # Strategy discussion Monday 6 April 2020; Good Friday 10 and Easter Monday 13 April are
    # bank holidays, so day 15 is Wednesday 29 April (counted by hand).
    details = (
        "<CINdetails><CINreferralDate>2020-04-01</CINreferralDate>"
        "<Section47><S47ActualStartDate>2020-04-06</S47ActualStartDate>"
        "<DateOfInitialCPC>{icpc}</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>"
        "</Section47></CINdetails>"
    )
    xml = cin_xml(
        tmp_path / "c.xml",
        cin_child("I1", details.format(icpc="2020-04-29"))
        + cin_child("I2", details.format(icpc="2020-04-30"))
        + cin_child("I3", details.format(icpc="")),
    )
    _import(area, [xml])

    values = _values(area)

    assert values["s47_started"] == 3
    assert values["icpcs_held"] == 2
    assert values["icpcs_within_15_days"] == 1


def test_cin_census_is_preferred_to_annex_a_and_the_source_is_recorded(
    area: Area, tmp_path: Path
) -> None:
    lists = {3: [child("X1") + [date(2020, 5, 1), "q) 6: Police", "No"]] * 4}
    _import(area, [annex_a(tmp_path / "a.xlsx", lists)])
    assert _values(area)["referrals"] == 4
    details = (
        "<CINdetails><CINreferralDate>2020-05-01</CINreferralDate>"
        "<ReferralNFA>true</ReferralNFA></CINdetails>"
    )
    _import(area, [cin_xml(tmp_path / "c.xml", cin_child("X1", details))])

    result = figures.area_figures(area, Y2020)

    assert result["referrals"].value == 1
    assert result["referrals_nfa"].value == 1
    assert result["referrals"].source == "Children in Need census"
    assert result["contacts"].source == "Ofsted Annex A"


def test_figures_without_an_import_are_not_available(area: Area) -> None:
    assert set(_values(area).values()) == {None}


def test_rate_per_10k_is_to_one_decimal_rounded_half_up() -> None:
    assert str(figures.rate_per_10k(1, 80_000)) == "0.1"  # 0.125 -> 0.1
    assert str(figures.rate_per_10k(3, 20_000)) == "1.5"
    assert str(figures.rate_per_10k(1, 160_000)) == "0.1"  # 0.0625 -> 0.1
    assert figures.rate_per_10k(5, None) is None
