"""Context figures: form and CSV import (all or nothing), tokens, numbered source footnotes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.annual_reports import selectors, services, verbs
from safeguarding.annual_reports.models import ContextFigure, ReportEdition
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.partnership.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

HEADER = "key,label,area,period,value,unit,source_title,source_publisher,source_url,accessed_on\n"
GOOD = (
    HEADER
    + "homeless,Households assessed as homeless,,March 2021,961,count,Homelessness statistics,"
    "Test Ministry,https://example.org/homeless,2021-06-30\n"
    + "rough_sleepers,People sleeping rough,Testshire Import,autumn 2020,41,,Rough sleeping "
    "snapshot,Test Ministry,,30/06/2021\n"
)


@pytest.fixture
def area() -> object:
    return AreaFactory.create(name="Testshire Import")


def _create(
    officer: User, edition: ReportEdition, key: str = "population", **kw: object
) -> ContextFigure:
    data: dict[str, object] = {
        "label": "Population",
        "area": None,
        "period": "mid-2020",
        "value": Decimal("1234567"),
        "unit": ContextFigure.Unit.COUNT,
        "source_title": "Population estimates",
        "source_publisher": "Test Statistics Office",
        "source_url": "https://example.org/pop",
        "accessed_on": date(2021, 6, 1),
    }
    data.update(kw)
    return services.context_figure_create(actor=officer, edition=edition, key=key, **data)  # type: ignore[arg-type]


def test_import_adds_every_row(officer: User, edition: ReportEdition, area: object) -> None:
    assert (
        services.context_figures_import(actor=officer, edition=edition, content=GOOD.encode()) == 2
    )
    homeless = edition.context_figures.get(key="homeless")
    assert homeless.value == 961
    assert homeless.area is None
    assert edition.context_figures.get(key="rough_sleepers").area == area
    assert ActivityEvent.objects.filter(verb=verbs.CONTEXT_FIGURES_IMPORTED).count() == 1


def test_import_is_all_or_nothing_with_row_and_column_errors(
    officer: User, edition: ReportEdition, area: object
) -> None:
    bad = GOOD + "bad key,Label,Nowhere,2020,lots,widgets,T,P,ftp://x,31/31/2021\n"
    with pytest.raises(ValidationError) as caught:
        services.context_figures_import(actor=officer, edition=edition, content=bad.encode())
    messages = caught.value.messages
    assert (
        "Row 4, column “key”: use lower case letters, digits and _, starting with a letter."
        in messages
    )
    assert "Row 4, column “area”: “Nowhere” is not an area of the partnership." in messages
    assert "Row 4, column “value”: enter a number, like 1309 or 22.5." in messages
    assert "Row 4, column “unit”: use count, percent, rate or other." in messages
    assert "Row 4, column “source_url”: enter a web address starting https://." in messages
    assert "Row 4, column “accessed_on”: enter a date like 2021-06-30 or 30/06/2021." in messages
    assert not edition.context_figures.exists()


def test_import_refuses_missing_columns_and_duplicate_keys(
    officer: User, edition: ReportEdition, area: object
) -> None:
    with pytest.raises(ValidationError, match="no column “value”"):
        services.context_figures_import(
            actor=officer, edition=edition, content=b"key,label,period\nx,y,z\n"
        )
    twice = GOOD + GOOD.splitlines()[1] + "\n"
    with pytest.raises(ValidationError, match="Row 4, column “key”: “homeless” is on row 2 too"):
        services.context_figures_import(actor=officer, edition=edition, content=twice.encode())


def test_import_replaces_a_figure_with_the_same_key(
    officer: User, edition: ReportEdition, area: object
) -> None:
    _create(officer, edition, key="homeless", value=Decimal(1))
    services.context_figures_import(actor=officer, edition=edition, content=GOOD.encode())
    assert edition.context_figures.get(key="homeless").value == 961


def test_context_token_renders_with_a_numbered_footnote(
    officer: User, edition: ReportEdition, write_section: Callable[..., Any]
) -> None:
    _create(officer, edition)
    _create(
        officer,
        edition,
        key="rate",
        value=Decimal("22.5"),
        unit="percent",
        source_title="Another source",
        source_url="",
    )
    write_section(
        edition,
        "area",
        "Population {{ context.population }}, share {{ context.rate }}, again "
        "{{ context.population }}. Not a forged note \u27e69\u27e7.",
        module_section="",
        hidden=False,
    )
    view = selectors.edition_view(edition=edition)
    html = next(s for s in view.sections if s.section.key == "area").narrative.html
    assert (
        'Population 1,234,567<sup class="app-footnote-ref"><a class="govuk-link" href="#source-1"'
        in html
    )
    assert "share 22.5%" in html
    assert 'href="#source-2"' in html
    assert "#source-9" not in html
    notes = view.published_footnotes()
    assert [n["title"] for n in notes] == ["Population estimates", "Another source"]
    sources = next(s for s in view.published_sections() if s["key"] == "sources")
    assert sources["footnotes"] is True


def test_context_key_is_unique_and_well_formed(officer: User, edition: ReportEdition) -> None:
    _create(officer, edition)
    with pytest.raises(ValidationError, match="already"):
        _create(officer, edition)
    with pytest.raises(ValidationError, match="lower case"):
        _create(officer, edition, key="Bad-Key")


def test_renaming_a_key_in_use_is_refused(
    officer: User, edition: ReportEdition, write_section: Callable[..., Any]
) -> None:
    figure = _create(officer, edition)
    write_section(edition, "area", "{{ context.population }}", module_section="", hidden=False)
    with pytest.raises(ValidationError, match="The area"):
        services.context_figure_update(
            actor=officer,
            figure=figure,
            expected_version=figure.version,
            key="people",
            label=figure.label,
            area=None,
            period=figure.period,
            value=figure.value,
            unit=figure.unit,
            source_title=figure.source_title,
            source_publisher=figure.source_publisher,
            source_url=figure.source_url,
            accessed_on=figure.accessed_on,
        )


def test_published_version_keeps_its_footnotes(
    client: Client,
    officer: User,
    edition: ReportEdition,
    sign_all: Callable[[ReportEdition], None],
    write_section: Callable[..., Any],
) -> None:
    _create(officer, edition)
    write_section(
        edition, "area", "{{ context.population }} people.", module_section="", hidden=False
    )
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    version = services.report_edition_publish(actor=officer, edition=edition)
    assert version.footnotes[0]["title"] == "Population estimates"
    client.logout()
    page = client.get(reverse("published_reports:published_version", args=["2020-21", 1]))
    assert b'id="source-1"' in page.content
    assert (
        b"Population estimates</a>, Test Statistics Office (accessed 1 June 2021)" in page.content
    )


# --- views -------------------------------------------------------------------------------------


def test_context_pages(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    listing = ViewMatrix(client, reverse("annual_reports:context_figure_list", args=[edition.pk]))
    listing.allowed(member_readonly)
    listing.outsider(outsider)
    listing.wrong_method(member_readonly, "post")

    data = {
        "key": "population",
        "label": "Population",
        "area": "",
        "period": "mid-2020",
        "value": "1309",
        "unit": "count",
        "source_title": "Estimates",
        "source_publisher": "Test Office",
        "source_url": "",
        **date_data("accessed_on", "2021-06-01"),
    }
    add = ViewMatrix(client, reverse("annual_reports:context_figure_create", args=[edition.pk]))
    add.allowed(officer)
    add.allowed(officer, method="post", data=data, status=302)
    add.read_only_write(member_readonly, data=data)
    add.outsider(outsider)
    add.wrong_method(officer, "delete")
    figure = edition.context_figures.get()

    edit = ViewMatrix(client, reverse("annual_reports:context_figure_update", args=[figure.pk]))
    edit.allowed(officer)
    edit.allowed(
        officer,
        method="post",
        data={**data, "value": "1310", "version": figure.version},
        status=302,
    )
    figure.refresh_from_db()
    assert figure.value == 1310
    edit.read_only_write(member_readonly, data=data)
    edit.outsider(outsider)
    edit.wrong_method(officer, "delete")

    url = reverse("annual_reports:context_figure_import", args=[edition.pk])
    upload = ViewMatrix(client, url)
    upload.form_checks(officer, read_only=member_readonly, outsider=outsider)
    client.force_login(officer)
    bad = SimpleUploadedFile("f.csv", (HEADER + "x,L,,p,nan,count,T,P,,2021-01-01\n").encode())
    response = client.post(url, {"file": bad})
    assert "Row 2, column “value”: enter a number".encode() in response.content
    good = SimpleUploadedFile(
        "f.csv", (HEADER + "homeless,L,,p,961,count,T,P,,2021-01-01\n").encode()
    )
    assert client.post(url, {"file": good}).status_code == 302
    assert edition.context_figures.count() == 2
