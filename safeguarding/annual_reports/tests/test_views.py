"""Every edition page: happy path, outsider 404, read-only 403 on writes, wrong method 405;
the public pages answer anyone, signed in or not."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.annual_reports import verbs
from safeguarding.annual_reports.models import PublishedVersion, ReportEdition
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db
Status = ReportEdition.Status


def _url(name: str, *args: object) -> str:
    return reverse(f"annual_reports:{name}", args=args)


def test_index_lists_editions(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    matrix = ViewMatrix(client, _url("report_index"))
    response = matrix.allowed(member_readonly)
    assert edition.title.encode() in response.content
    assert b"Start a yearly report" not in response.content
    assert b"Start a yearly report" in matrix.allowed(officer).content
    matrix.outsider(outsider)


def test_edition_create(
    client: Client, officer: User, member_readonly: User, outsider: User
) -> None:
    matrix = ViewMatrix(client, _url("edition_create"))
    matrix.allowed(officer)
    response = matrix.allowed(officer, method="post", data={"year": "2021-22"}, status=302)
    edition = ReportEdition.objects.get(year_label="2021-22")
    assert response["Location"] == _url("edition_detail", edition.pk)
    response = matrix.allowed(officer, method="post", data={"year": "2021"})
    assert b"is not a reporting year" in response.content
    matrix.read_only_write(member_readonly, data={"year": "2022-23"})
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "put")


def test_edition_detail_and_preview_and_figures(
    client: Client, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    for name in ("edition_detail", "edition_preview", "figure_list"):
        matrix = ViewMatrix(client, _url(name, edition.pk))
        response = matrix.allowed(member_readonly)
        matrix.outsider(outsider)
        matrix.wrong_method(member_readonly, "post")
    assert b"child_deaths.notified" in response.content


def test_edition_update(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    matrix = ViewMatrix(client, _url("edition_update", edition.pk))
    matrix.allowed(officer)
    data = {
        "title": "Our year",
        "young_people_summary": "We trained {{ training.attended }} people.",
        "version": edition.version,
    }
    matrix.allowed(officer, method="post", data=data, status=302)
    edition.refresh_from_db()
    assert edition.title == "Our year"
    bad = {**data, "young_people_summary": "{{ nope.nope }}", "version": edition.version}
    assert (
        b"is not a figure in the catalogue"
        in matrix.allowed(officer, method="post", data=bad).content
    )
    matrix.read_only_write(member_readonly, data=data)
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")


def _section_data(section_version: int | None = None, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Foreword",
        "module_section": "",
        "body": "Deaths: {{ child_deaths.notified }}.",
    }
    if section_version is not None:
        data["version"] = section_version
    data.update(overrides)
    return data


def test_section_update_preview_does_not_save(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    section = edition.sections.get(key="foreword")
    matrix = ViewMatrix(client, _url("section_update", section.pk))
    matrix.allowed(officer)
    preview = matrix.allowed(
        officer, method="post", data=_section_data(section.version, preview="1")
    )
    assert b"Preview (not saved)" in preview.content
    assert b"Deaths: 0." in preview.content
    section.refresh_from_db()
    assert section.body == ""
    unknown = matrix.allowed(
        officer, method="post", data=_section_data(section.version, body="{{ x.y }}", preview="1")
    )
    assert b"unknown figures" in unknown.content
    refused = matrix.allowed(
        officer, method="post", data=_section_data(section.version, body="{{ x.y }}")
    )
    assert b"is not a figure in the catalogue" in refused.content
    matrix.allowed(officer, method="post", data=_section_data(section.version), status=302)
    section.refresh_from_db()
    assert section.body == "Deaths: {{ child_deaths.notified }}."
    matrix.read_only_write(member_readonly, data=_section_data(section.version))
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")


def test_section_create_and_move(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    matrix = ViewMatrix(client, _url("section_create", edition.pk))
    matrix.allowed(officer)
    matrix.allowed(officer, method="post", data=_section_data(title="Voice"), status=302)
    added = edition.sections.get(key="voice")
    matrix.read_only_write(member_readonly, data=_section_data(title="X"))
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")
    matrix = ViewMatrix(client, _url("section_move", added.pk))
    matrix.allowed(officer, method="post", data={"direction": "up"}, status=302)
    added.refresh_from_db()
    assert added.position == len(edition.sections.all()) - 1
    matrix.read_only_write(member_readonly)
    matrix.outsider(outsider, method="post")
    matrix.wrong_method(officer, "get")


def test_workflow_pages_from_draft_to_published(
    client: Client,
    officer: User,
    member_readonly: User,
    outsider: User,
    edition: ReportEdition,
    signers: dict[str, User],
    partners: dict[str, Agency],
) -> None:
    submit = ViewMatrix(client, _url("edition_submit", edition.pk))
    submit.action_checks(officer, outsider=outsider, read_only=[member_readonly])
    edition.refresh_from_db()
    assert edition.status == Status.IN_REVIEW

    sign = ViewMatrix(client, _url("edition_sign_off", edition.pk))
    sign.outsider(outsider)
    sign.read_only_write(member_readonly, data={"agency": partners["police"].pk})
    # Staff record a partner's sign-off instead: the day it was given is required.
    recorded = sign.allowed(officer, method="post", data={"agency": partners["police"].pk})
    assert b"govuk-error-summary" in recorded.content
    sign.wrong_method(signers["police"], "delete")
    for role, user in signers.items():
        assert b"Sign off the report" in sign.allowed(user).content
        sign.allowed(user, method="post", data={"agency": partners[role].pk}, status=302)
    edition.refresh_from_db()
    assert edition.status == Status.SIGNED_OFF

    publish = ViewMatrix(client, _url("edition_publish", edition.pk))
    publish.form_checks(officer, read_only=member_readonly, outsider=outsider)
    publish.allowed(officer, method="post", data={}, status=302)
    edition.refresh_from_db()
    assert edition.status == Status.PUBLISHED

    follow = ViewMatrix(client, _url("edition_follow_up", edition.pk))
    follow.allowed(officer)
    data = {
        **date_data("sent_to_panel_on", "2020-12-01"),
        "sent_to_foundations_on": "",
        "version": edition.version,
    }
    follow.allowed(officer, method="post", data=data, status=302)
    follow.read_only_write(member_readonly, data=data)
    follow.outsider(outsider)
    follow.wrong_method(officer, "delete")

    reopen = ViewMatrix(client, _url("edition_reopen", edition.pk))
    reopen.action_checks(officer, outsider=outsider, read_only=[member_readonly])
    edition.refresh_from_db()
    assert edition.status == Status.DRAFT
    assert edition.draft_number == 2


def test_return_for_changes(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    client.force_login(officer)
    client.post(_url("edition_submit", edition.pk))
    matrix = ViewMatrix(client, _url("edition_return", edition.pk))
    matrix.allowed(officer)
    matrix.read_only_write(member_readonly, data={"reason": "x"})
    matrix.outsider(outsider)
    matrix.wrong_method(officer, "delete")
    matrix.allowed(officer, method="post", data={"reason": "Fix the foreword"}, status=302)
    edition.refresh_from_db()
    assert edition.status == Status.DRAFT


def test_edition_page_shows_figures_changed_since_publication(
    client: Client, member_readonly: User, published: PublishedVersion
) -> None:
    from datetime import date

    from safeguarding.child_deaths.tests.factories import notification_make

    for _ in range(6):
        notification_make(date_of_death=date(2020, 6, 1))
    client.force_login(member_readonly)
    response = client.get(_url("edition_detail", published.edition.pk))
    assert b"Figures that now differ from version 1" in response.content
    assert b"child_deaths.notified" in response.content


# --- public pages --------------------------------------------------------------------------


def test_public_pages_need_no_sign_in(client: Client, published: PublishedVersion) -> None:
    client.logout()
    listing = client.get(reverse("published_reports:published_list"))
    assert published.title.encode() in listing.content
    latest = client.get(reverse("published_reports:published_latest", args=["2020-21"]))
    assert latest.status_code == 200
    assert b"Deaths notified: 0." in latest.content
    assert b"Contents" in latest.content
    assert b"1 April 2020 to 31 March 2021. Published" in latest.content
    page = client.get(reverse("published_reports:published_version", args=["2020-21", 1]))
    assert page.status_code == 200
    assert (
        client.get(reverse("published_reports:published_version", args=["2020-21", 9])).status_code
        == 404
    )
    assert (
        client.get(reverse("published_reports:published_latest", args=["2019-20"])).status_code
        == 404
    )


def test_draft_is_never_public(client: Client, edition: ReportEdition) -> None:
    client.logout()
    assert (
        client.get(reverse("published_reports:published_latest", args=["2020-21"])).status_code
        == 404
    )


def test_public_pdf_is_tagged_with_language_title_and_text(
    client: Client, published: PublishedVersion
) -> None:
    client.logout()
    response = client.get(reverse("published_reports:published_pdf", args=["2020-21", 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.root_object
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == published.title
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Contents" in text
    assert "Deaths notified: 0." in text
    assert "Page 2 of" in text


def test_young_people_summary_is_published_beside_the_report(
    client: Client,
    officer: User,
    edition: ReportEdition,
    sign_all: Callable[[ReportEdition], None],
) -> None:
    from safeguarding.annual_reports import services

    services.report_edition_update(
        actor=officer,
        edition=edition,
        expected_version=edition.version,
        title=edition.title,
        young_people_summary="We trained **{{ training.attended }}** people.",
    )
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    services.report_edition_publish(actor=officer, edition=edition)
    client.logout()
    url = reverse("published_reports:published_young_people", args=["2020-21", 1])
    response = client.get(url)
    assert b"We trained <strong>0</strong> people." in response.content
    page = client.get(reverse("published_reports:published_version", args=["2020-21", 1]))
    assert url.encode() in page.content


def test_public_pages_are_get_only(client: Client, published: PublishedVersion) -> None:
    assert (
        client.post(reverse("published_reports:published_latest", args=["2020-21"])).status_code
        == 405
    )


def test_every_write_is_logged(client: Client, officer: User, edition: ReportEdition) -> None:
    client.force_login(officer)
    client.post(_url("edition_submit", edition.pk))
    assert ActivityEvent.objects.filter(verb=verbs.EDITION_SUBMITTED, actor=officer).exists()


def test_editor_lists_the_figure_tokens(
    client: Client, officer: User, edition: ReportEdition
) -> None:
    client.force_login(officer)
    section = edition.sections.get(key="foreword")
    response = client.get(_url("section_update", section.pk))
    assert b"<code>{{ child_deaths.notified }}</code>" in response.content


def test_public_page_hides_small_counts_in_module_sections(
    client: Client,
    officer: User,
    member_readonly: User,
    edition: ReportEdition,
    sign_all: Callable[[ReportEdition], None],
) -> None:
    from datetime import date

    from safeguarding.annual_reports import services
    from safeguarding.child_deaths.tests.factories import notification_make

    notification_make(date_of_death=date(2020, 6, 1))
    section = edition.sections.get(key="child_deaths")
    assert section.module_section == "child_deaths"
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    version = services.report_edition_publish(actor=officer, edition=edition)
    published_html = next(s["module"] for s in version.sections if s["key"] == "child_deaths")
    assert "Child deaths notified" in published_html
    assert ">c</td>" in published_html
    assert ">1</td>" not in published_html
    client.logout()
    page = client.get(reverse("published_reports:published_latest", args=["2020-21"]))
    assert b">c</td>" in page.content
    client.force_login(member_readonly)
    internal = client.get(reverse("annual_reports:report_detail", args=["2020-21"]))
    assert b"the deaths of 1 child were notified" in internal.content
