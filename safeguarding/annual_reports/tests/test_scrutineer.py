"""The scrutineer's report in parts: one per scrutiny theme assessed in the year (with its
judgement) and a conclusion, shown in the "scrutineer" section."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.annual_reports import selectors, services, verbs
from safeguarding.annual_reports.models import ReportEdition
from safeguarding.assurance.models import ScrutinyAssessment, ScrutinyTheme
from safeguarding.core.testing import ViewMatrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed() -> None:
    for number, title, judgement in (
        (1, "Leadership and accountability", ScrutinyAssessment.Judgement.STRONG),
        (2, "Learning from reviews", ScrutinyAssessment.Judgement.REASONABLE),
    ):
        theme, _ = ScrutinyTheme.objects.get_or_create(number=number, defaults={"title": title})
        ScrutinyAssessment.objects.create(
            theme=theme,
            assessed_on=date(2021, 2, 1),
            evidence_reviewed="Minutes (test)",
            judgement=judgement,
        )


def test_parts_are_set_up_from_the_years_themes_then_a_conclusion(
    officer: User, edition: ReportEdition, assessed: None
) -> None:
    parts = services.scrutineer_parts_create(actor=officer, edition=edition)
    assert [p.judgement for p in parts] == ["Strong assurance", "Reasonable assurance", ""]
    assert parts[-1].title == "Conclusion"
    assert ActivityEvent.objects.filter(verb=verbs.SCRUTINEER_PARTS_CREATED).count() == 1
    with pytest.raises(ValidationError, match="already"):
        services.scrutineer_parts_create(actor=officer, edition=edition)


def test_parts_show_in_the_scrutineer_section_in_order(
    officer: User, edition: ReportEdition, assessed: None
) -> None:
    parts = services.scrutineer_parts_create(actor=officer, edition=edition)
    services.scrutineer_part_update(
        actor=officer,
        part=parts[-1],
        expected_version=parts[-1].version,
        title="Conclusion",
        body="The arrangements comply with Working Together.",
    )
    view = selectors.edition_view(edition=edition)
    html = next(s for s in view.sections if s.section.key == "scrutineer").narrative_html
    first = html.index(escape(str(ScrutinyTheme.objects.get(number=1))))
    assert first < html.index("Judgement: Strong assurance") < html.index("Conclusion")
    assert "The arrangements comply with Working Together." in html


def test_part_refuses_an_unknown_token(officer: User, edition: ReportEdition) -> None:
    (part,) = services.scrutineer_parts_create(actor=officer, edition=edition)
    with pytest.raises(ValidationError, match="not a figure"):
        services.scrutineer_part_update(
            actor=officer,
            part=part,
            expected_version=part.version,
            title="Conclusion",
            body="{{ scrutiny.stars }}",
        )


def test_scrutineer_pages(
    client: Client, officer: User, member_readonly: User, outsider: User, edition: ReportEdition
) -> None:
    listing = ViewMatrix(client, reverse("annual_reports:scrutineer_part_list", args=[edition.pk]))
    listing.allowed(member_readonly)
    listing.outsider(outsider)
    listing.wrong_method(member_readonly, "post")

    setup = ViewMatrix(
        client, reverse("annual_reports:scrutineer_parts_create", args=[edition.pk])
    )
    setup.action_checks(officer, outsider=outsider, read_only=[member_readonly])
    part = edition.scrutineer_parts.get()

    edit = ViewMatrix(client, reverse("annual_reports:scrutineer_part_update", args=[part.pk]))
    edit.allowed(officer)
    data = {"title": "Conclusion", "body": "Compliant.", "version": part.version}
    preview = edit.allowed(officer, method="post", data={**data, "preview": "1"})
    assert b"Preview (not saved)" in preview.content
    edit.allowed(officer, method="post", data=data, status=302)
    part.refresh_from_db()
    assert part.body == "Compliant."
    edit.read_only_write(member_readonly, data=data)
    edit.outsider(outsider)
    edit.wrong_method(officer, "delete")
