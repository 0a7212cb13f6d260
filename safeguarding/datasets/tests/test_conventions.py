"""The DfE symbols and rounding conventions, with hand-worked values at every boundary."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from safeguarding.datasets import conventions, disclosure


def test_percentages_are_whole_numbers_rounded_half_up() -> None:
    assert conventions.percent(1, 8) == 13  # 12.5 -> 13 (not banker's 12)
    assert conventions.percent(3, 8) == 38  # 37.5 -> 38
    assert conventions.percent(1, 3) == 33
    assert conventions.percent(2, 3) == 67
    assert conventions.percent(0, 10) == 0
    assert conventions.percent(5, 0) is None
    assert conventions.percent(None, 10) is None


def test_rates_per_10k_have_one_decimal_half_up() -> None:
    assert conventions.rate_per_10k(1, 80_000) == Decimal("0.1")  # 0.125 -> 0.1
    assert conventions.rate_per_10k(3, 80_000) == Decimal("0.4")  # 0.375 -> 0.4
    assert conventions.rate_per_10k(452, 100_000) == Decimal("45.2")
    assert conventions.rate_per_10k(1, 0) is None


def test_national_counts_round_to_the_nearest_ten_half_up() -> None:
    assert conventions.nearest_ten(14) == 10
    assert conventions.nearest_ten(15) == 20
    assert conventions.nearest_ten(404_305) == 404_310
    assert conventions.nearest_ten(0) == 0
    assert conventions.nearest_ten(None) is None


def test_published_counts_use_the_departments_symbols() -> None:
    assert conventions.CONFIDENTIAL == disclosure.SUPPRESSED
    assert conventions.published_count(0) == "0"  # true zeros stay
    assert conventions.published_count(1) == "c"
    assert conventions.published_count(5) == "c"
    assert conventions.published_count(6) == "6"
    assert conventions.published_count(1234) == "1,234"
    assert conventions.published_count(None) == "x"
    assert conventions.published_count(7, applicable=False) == "z"
    assert conventions.published_count(12, low_reliability=True) == "12 u"


def test_published_percentages_and_rates() -> None:
    assert conventions.published_percent(3, 10) == "c"  # its count is suppressed
    assert conventions.published_percent(6, 10) == "60%"
    assert conventions.published_percent(6, 2_000) == "k"  # 0.3% rounds to 0
    assert conventions.published_percent(0, 10) == "0%"
    assert conventions.published_percent(0, 0) == "z"
    assert conventions.published_percent(None, 10) == "x"
    assert conventions.published_rate(6, 200_000) == "0.3"
    assert conventions.published_rate(6, 2_000_000) == "k"  # 0.03 rounds to 0.0
    assert conventions.published_rate(2, 1_000) == "c"
    assert conventions.published_rate(10, None) == "x"


def test_the_symbols_key_lists_every_symbol_or_those_used() -> None:
    assert [e.symbol for e in conventions.symbol_key()] == ["c", "z", "k", "x", "u"]
    assert [e.symbol for e in conventions.symbol_key({"c", "x"})] == ["c", "x"]
    html = render_to_string("datasets/_symbols_key.html", {"symbol_key": conventions.symbol_key()})
    assert "Key to symbols" in html
    for symbol, meaning in conventions.SYMBOLS.items():
        assert f"<code>{symbol}</code>" in html
        assert meaning.split(":")[0] in html


def test_published_tables_carry_the_symbols_key(client, make_user) -> None:
    """The dashboard's table shows x for a figure not available and the key to c and x."""
    from django.urls import reverse

    from safeguarding.accounts.roles import Role
    from safeguarding.partnership.tests.factories import AreaFactory

    AreaFactory.create()
    client.force_login(make_user(Role.BOARD_MEMBER))
    html = client.get(reverse("datasets:dashboard")).content.decode()
    if "govuk-table" in html:  # a year with figures: the key sits under its tables
        assert 'aria-label="Key to symbols"' in html
    from django.template import Context, Template

    key = Template("{% load datasets_tags %}{% symbols_key %}").render(Context())
    assert "<code>c</code>" in key
    assert "<code>x</code>" in key
    assert "not available" in key


@pytest.mark.parametrize(
    ("column", "identifying"),
    [
        ("Child Unique ID", True),
        ("LAchildID", True),
        ("CHILD", True),
        ("Date of birth", True),
        ("PersonBirthDate", True),
        ("DOB", True),
        ("UPN", True),
        ("Postcode", True),
        ("Referral date", False),
        ("PL", False),
        ("Placement provider", False),
        ("Number of previous child protection plans", True),  # says "child": kept out, safely
    ],
)
def test_import_problems_never_keep_an_identifying_value(column: str, identifying: bool) -> None:
    from safeguarding.datasets.parsers.common import RowProblem

    kept = RowProblem("List 1", 7, column, "SECRET-VALUE", "is not a date").as_dict()
    assert (kept["value"] == "") is identifying
    assert kept["row"] == 7
    assert kept["column"] == column
