"""Putting an import in use takes up the figures its check counted from the same records by the
same rules (ADR 0016), instead of counting them again; never for a family that reads other
imports, an import whose check kept no counts, or counts made by other rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, rules, services
from safeguarding.datasets.models import ImportBatch, RecordKind, StoredFigure
from safeguarding.datasets.tests.builders import cin_child, cin_xml, episode, episodes_csv
from safeguarding.partnership.models import Area

pytestmark = pytest.mark.django_db
Y2020 = ReportingYear(2020)
_REFERRAL = (
    "<CINdetails><CINreferralDate>{day}</CINreferralDate><ReferralSource>1A</ReferralSource>"
    "<PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA></CINdetails>"
)


def _import(area: Area, path: Path) -> ImportBatch:
    start, end = rules.parse_period("2020-21")
    batch = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=[path]
    )
    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION, batch.error
    return batch


def _episodes(tmp_path: Path) -> Path:
    return episodes_csv(
        tmp_path / "episodes.csv",
        [
            episode("C1", "01/05/2019", "S", "C2"),  # in care at 31 March
            episode("C2", "01/05/2020", "S", "C2"),  # started, in care at 31 March
            episode("C3", "10/06/2020", "S", "C1", "01/09/2020", "E4A"),  # started and ceased
            episode("C4", "10/06/2020", "P", "C2"),  # a placement change: not a start
        ],
    )


def _values(area: Area) -> dict[str, int | None]:
    return {key: value.value for key, value in figures.area_figures(area, Y2020).items()}


def _set_kept(batch: ImportBatch, change: Any) -> None:
    batch.refresh_from_db()
    change(batch.check_figures["figures"])
    batch.save(update_fields=["check_figures"])


def test_the_check_keeps_its_counts_and_the_stored_figures_equal_a_recount(
    area: Area, tmp_path: Path
) -> None:
    batch = _import(area, _episodes(tmp_path))
    kept = batch.check_figures["figures"]
    assert kept["rules_version"] == figures.RULES_VERSION
    assert kept["years"]["2020"] == {
        "children_in_care_at_31_march": 3,  # C1, C2, C4
        "care_started": 2,  # C2, C3 (C4's P is not a new period of care)
        "care_ceased": 1,  # C3
    }
    assert batch.check_figures["kinds"] == {RecordKind.CARE_EPISODE: 4}  # the store's counts too

    services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    stored = dict(
        StoredFigure.objects.filter(area=area, year_start=2020, quarter=0).values_list(
            "key", "value"
        )
    )
    _set_kept(batch, lambda kept: kept.clear())  # no kept counts: everything counted again
    recount = _values(area)

    assert {key: stored[key] for key in kept["years"]["2020"]} == kept["years"]["2020"]
    assert stored == recount


def test_the_kept_counts_are_what_putting_in_use_reads(area: Area, tmp_path: Path) -> None:
    batch = _import(area, _episodes(tmp_path))
    services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)

    _set_kept(batch, lambda kept: kept["years"]["2020"].update(care_started=999))
    assert _values(area)["care_started"] == 999  # taken up, not counted again

    _set_kept(batch, lambda kept: kept.update(rules_version=figures.RULES_VERSION - 1))
    assert _values(area)["care_started"] == 2  # other rules: counted again


def test_a_family_short_of_a_kept_figure_is_counted_again(area: Area, tmp_path: Path) -> None:
    batch = _import(area, _episodes(tmp_path))
    services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)

    def drop_one(kept: dict[str, Any]) -> None:
        kept["years"]["2020"]["care_started"] = 999
        del kept["years"]["2020"]["care_ceased"]

    _set_kept(batch, drop_one)
    assert _values(area)["care_started"] == 2


def test_re_referrals_are_never_taken_from_one_import_alone(area: Area, tmp_path: Path) -> None:
    """Re-referrals look back across the area's imports, so the referral family is always
    counted; the other census families are taken up."""
    path = cin_xml(
        tmp_path / "cin.xml",
        cin_child("R1", _REFERRAL.format(day="2020-05-01") + _REFERRAL.format(day="2020-09-01"))
        + cin_child("R2", _REFERRAL.format(day="2020-06-01")),
    )
    batch = _import(area, path)
    assert batch.check_figures["figures"]["years"]["2020"]["referrals"] == 3
    services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)

    def tamper(kept: dict[str, Any]) -> None:
        kept["years"]["2020"].update(referrals=999, re_referrals=999, cp_plans_started=999)

    _set_kept(batch, tamper)
    values = _values(area)

    assert values["referrals"] == 3
    assert values["re_referrals"] == 1  # R1's second referral
    assert values["cp_plans_started"] == 999  # a family of this import's own: taken up
