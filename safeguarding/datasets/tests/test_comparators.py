"""Comparators: entered one at a time, imported from a CSV all or nothing (problems named by row
and column), and shown beside the area's figure with their source."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, page_query_counts
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import comparators, services, verbs
from safeguarding.datasets.models import Comparator
from safeguarding.partnership.models import Area

pytestmark = pytest.mark.django_db

SOURCE = "DfE Children in need 2025-26 table C1 (synthetic test value)"
GOOD = (
    "figure,year,geography,la_number,value,source\n"
    f"referrals,2025-26,England,,41.4,{SOURCE}\n"
    f"referrals,202526,Neighbours,873,47.0,{SOURCE}\n"
    f"referrals,2025,Region,873,44.04,{SOURCE}\n"
)


def test_a_good_csv_stores_every_row(area: Area) -> None:
    assert services.comparators_import(actor=None, text=GOOD, areas=[area]) == 3
    stored = {(c.geography, c.area_id, c.year_start): c.value for c in Comparator.objects.all()}
    assert stored == {
        ("england", None, 2025): Decimal("41.4"),
        ("neighbours", area.pk, 2025): Decimal("47.0"),
        ("region", area.pk, 2025): Decimal("44.0"),
    }
    assert ActivityEvent.objects.filter(verb=verbs.COMPARATORS_IMPORTED).count() == 1


def test_a_csv_with_any_problem_stores_nothing_and_names_row_and_column(area: Area) -> None:
    text = GOOD + (
        "no_such_figure,2025-26,England,,1,x\n"  # row 5
        "referrals,2025-27,Region,999,lots,\n"  # row 6: four problems
        f"referrals,2025-26,England,,41.5,{SOURCE}\n"  # row 7 repeats row 2
    )
    with pytest.raises(ValidationError) as caught:
        services.comparators_import(actor=None, text=text, areas=[area])
    assert caught.value.messages == [
        "Row 5, column 'figure': 'no_such_figure' is not a figure",
        "Row 6, column 'year': '2025-27' is not a year (2025-26)",
        "Row 6, column 'la_number': '999' is not an area's LA number",
        "Row 6, column 'value': 'lots' is not a number",
        "Row 6, column 'source': is blank: say where it was published",
        "Row 7, column 'figure': repeats row 2",
    ]
    assert not Comparator.objects.exists()


def test_a_csv_without_a_column_is_refused(area: Area) -> None:
    with pytest.raises(ValidationError) as caught:
        services.comparators_import(actor=None, text="figure,year,value\n", areas=[area])
    assert caught.value.messages[0] == "Row 1, column 'geography': is missing from the header row"


def test_a_comparator_is_entered_and_then_corrected(area: Area) -> None:
    year = ReportingYear(2025)
    first = services.comparator_set(
        actor=None, area=None, geography="england", figure="referrals", year=year,
        value=Decimal("41.44"), source=SOURCE,
    )  # fmt: skip
    again = services.comparator_set(
        actor=None, area=None, geography="england", figure="referrals", year=year,
        value=Decimal("41.5"), source=SOURCE,
    )  # fmt: skip
    assert again.pk == first.pk
    assert Comparator.objects.get().value == Decimal("41.5")
    with pytest.raises(ValidationError) as caught:
        services.comparator_set(
            actor=None, area=None, geography="region", figure="referrals", year=year,
            value=Decimal(1), source="",
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"area", "source"}


def test_the_comparison_reads_area_england_neighbours_with_sources(area: Area) -> None:
    services.comparators_import(actor=None, text=GOOD, areas=[area])
    shown = comparators.comparison(
        "Peterborough", Decimal("45.2"), list(Comparator.objects.exclude(geography="region"))
    )
    assert comparators.comparison_text(shown) == "Peterborough 45.2, England 41.4, neighbours 47.0"
    assert [item.source for item in shown] == ["", SOURCE, SOURCE]
    assert comparators.comparison_text(comparators.comparison("Northshire", None, [])) == (
        "Northshire x"
    )


# --- pages ------------------------------------------------------------------------------------


def test_the_comparator_pages_enter_and_import(client: Client, owner: User, area: Area) -> None:
    client.force_login(owner)
    page = client.get(reverse("datasets:comparator_list"))
    assert page.status_code == 200
    assert "Key to symbols" in page.content.decode()
    response = client.post(
        reverse("datasets:comparator_list"),
        {
            "figure": "referrals",
            "year": "2025-26",
            "geography": "england",
            "area": "",
            "value": "41.4",
            "source": SOURCE,
        },
    )
    assert response.status_code == 302
    upload = SimpleUploadedFile("comparators.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(reverse("datasets:comparator_import"), {"comparators_file": upload})
    assert response.status_code == 302
    assert Comparator.objects.count() == 3
    bad = SimpleUploadedFile(
        "comparators.csv", (GOOD + "nope,2025-26,England,,1,x\n").encode(), content_type="text/csv"
    )
    response = client.post(reverse("datasets:comparator_import"), {"comparators_file": bad})
    assert response.status_code == 200
    assert "Row 5, column &#x27;figure&#x27;" in response.content.decode()


def test_the_comparator_list_is_paged_in_the_same_queries_at_any_size(
    client: Client, owner: User, area: Area
) -> None:
    url = reverse("datasets:comparator_list")

    def add(count: int) -> None:
        start = Comparator.objects.count()
        for n in range(count):
            Comparator.objects.create(
                geography="england",
                figure="referrals",
                year_start=1950 + start + n,
                value=Decimal("41.4"),
                source=SOURCE,
            )

    add(3)
    small = page_query_counts(client, owner, [url])
    add(57)  # 60: a page of 50 and a second of 10
    assert page_query_counts(client, owner, [url]) == small

    first = client.get(url).content.decode()
    second = client.get(url, {"page": "2"}).content.decode()
    assert first.count('<td class="govuk-table__cell">referrals</td>') == 50
    assert second.count('<td class="govuk-table__cell">referrals</td>') == 10
    assert 'aria-label="Pagination"' in first
    assert "1950-51" not in first  # the newest year first
    assert "1950-51" in second


def test_the_comparator_pages_refuse_outsiders(client: Client, outsider: User) -> None:
    ViewMatrix(client, reverse("datasets:comparator_list")).outsider(outsider)
