"""Partners' contributions: request with a deadline, the agency's lead writes and submits, the
business unit accepts or returns with comments; every submission is kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.annual_reports import cards, selectors, services, verbs
from safeguarding.annual_reports.models import PartnerContribution, ReportEdition
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db
Status = PartnerContribution.Status


def _request(
    officer: User, edition: ReportEdition, agency: Agency, title: str, brief: str, due_on: date
) -> PartnerContribution:
    """`officer` asks `agency` for a contribution to the edition's contributions section."""
    return services.contribution_request(
        actor=officer,
        edition=edition,
        section=edition.sections.get(key="contributions"),
        agency=agency,
        title=title,
        brief=brief,
        due_on=due_on,
    )


@pytest.fixture
def contribution(
    officer: User, edition: ReportEdition, partners: dict[str, Agency]
) -> PartnerContribution:
    return _request(
        officer,
        edition,
        partners["police"],
        "The police's year",
        "Your safeguarding work in 2020-21.",
        timezone.localdate() + timedelta(days=14),
    )


def _write(author: User, contribution: PartnerContribution, body: str) -> None:
    contribution.refresh_from_db()
    services.contribution_update(
        actor=author, contribution=contribution, expected_version=contribution.version, body=body
    )


def test_request_write_submit_accept_puts_it_in_its_section(
    officer: User, signers: dict[str, User], contribution: PartnerContribution
) -> None:
    police = signers["police"]
    _write(police, contribution, "We trained {{ training.attended }} officers.")
    revision = services.contribution_submit(actor=police, contribution=contribution)
    assert revision.number == 1
    assert contribution.status == Status.SUBMITTED
    services.contribution_accept(actor=officer, contribution=contribution)
    view = selectors.edition_view(edition=contribution.edition)
    section = next(s for s in view.sections if s.section.key == "contributions")
    assert '<h3 class="govuk-heading-m">Test police partner</h3>' in section.narrative_html
    assert "We trained 0 officers." in section.narrative_html
    for verb in (
        verbs.CONTRIBUTION_REQUESTED,
        verbs.CONTRIBUTION_UPDATED,
        verbs.CONTRIBUTION_SUBMITTED,
        verbs.CONTRIBUTION_ACCEPTED,
    ):
        assert ActivityEvent.objects.filter(verb=verb).count() == 1


def test_return_with_comments_then_resubmit_keeps_every_version(
    officer: User, signers: dict[str, User], contribution: PartnerContribution
) -> None:
    police = signers["police"]
    _write(police, contribution, "First draft.")
    services.contribution_submit(actor=police, contribution=contribution)
    with pytest.raises(ValidationError):
        services.contribution_return(actor=officer, contribution=contribution, comments=" ")
    services.contribution_return(
        actor=officer, contribution=contribution, comments="Add the training figure."
    )
    assert contribution.status == Status.RETURNED
    _write(police, contribution, "Second draft: {{ training.attended }}.")
    services.contribution_submit(actor=police, contribution=contribution)
    assert [r.body for r in contribution.revisions.all()] == [
        "Second draft: {{ training.attended }}.",
        "First draft.",
    ]
    view = selectors.edition_view(edition=contribution.edition)
    section = next(s for s in view.sections if s.section.key == "contributions")
    assert "Second draft" not in section.narrative_html  # not accepted yet


def test_only_the_agency_lead_writes_and_not_after_submitting(
    officer: User, signers: dict[str, User], contribution: PartnerContribution
) -> None:
    with pytest.raises(ValidationError, match="safeguarding lead"):
        _write(signers["health"], contribution, "Not ours.")
    with pytest.raises(ValidationError, match="safeguarding lead"):
        _write(officer, contribution, "Staff cannot write it for them.")
    _write(signers["police"], contribution, "Ours.")
    services.contribution_submit(actor=signers["police"], contribution=contribution)
    with pytest.raises(ValidationError, match="submitted"):
        _write(signers["police"], contribution, "Changed after submitting.")


def test_contribution_refuses_unknown_tokens_and_empty_submissions(
    signers: dict[str, User], contribution: PartnerContribution
) -> None:
    with pytest.raises(ValidationError, match="not a figure"):
        _write(signers["police"], contribution, "{{ police.arrests }}")
    with pytest.raises(ValidationError, match="Write the contribution"):
        services.contribution_submit(actor=signers["police"], contribution=contribution)


def test_request_refuses_a_past_deadline_and_a_second_request(
    officer: User,
    edition: ReportEdition,
    partners: dict[str, Agency],
    contribution: PartnerContribution,
) -> None:
    with pytest.raises(ValidationError, match="already been asked"):
        _request(officer, edition, partners["police"], "Again", "", date(2099, 1, 1))
    with pytest.raises(ValidationError, match="past"):
        _request(officer, edition, partners["health"], "Late", "", date(2000, 1, 1))


def test_card_lists_contributions_to_write_and_its_count_matches(
    officer: User, signers: dict[str, User], contribution: PartnerContribution
) -> None:
    card = cards.contribution_card(signers["police"])
    assert card is not None
    assert card.count == len(card.items) == 1
    assert cards.contribution_card(signers["health"]) is None
    assert cards.contribution_card(officer) is None
    _write(signers["police"], contribution, "Done.")
    services.contribution_submit(actor=signers["police"], contribution=contribution)
    assert cards.contribution_card(signers["police"]) is None


def test_contribution_pages(
    client: Client,
    officer: User,
    member_readonly: User,
    outsider: User,
    signers: dict[str, User],
    partners: dict[str, Agency],
    edition: ReportEdition,
    contribution: PartnerContribution,
) -> None:
    police = signers["police"]
    listing = ViewMatrix(client, reverse("annual_reports:contribution_list", args=[edition.pk]))
    assert b"The police" in listing.allowed(member_readonly).content
    listing.outsider(outsider)
    listing.wrong_method(member_readonly, "post")

    ask = ViewMatrix(client, reverse("annual_reports:contribution_request", args=[edition.pk]))
    ask.allowed(officer)
    data = {
        "section": edition.sections.get(key="contributions").pk,
        "agency": partners["health"].pk,
        "title": "Health's year",
        "brief": "",
        **date_data("due_on", "2099-01-01"),
    }
    ask.allowed(officer, method="post", data=data, status=302)
    ask.read_only_write(member_readonly, data=data)
    ask.read_only_write(police, data=data)
    ask.outsider(outsider)
    ask.wrong_method(officer, "delete")

    detail = ViewMatrix(
        client, reverse("annual_reports:contribution_detail", args=[contribution.pk])
    )
    assert b"Write the contribution" in detail.allowed(police).content
    detail.outsider(outsider)
    detail.wrong_method(police, "post")

    edit = ViewMatrix(
        client, reverse("annual_reports:contribution_update", args=[contribution.pk])
    )
    edit.allowed(police)
    preview = edit.allowed(
        police,
        method="post",
        data={
            "body": "{{ training.attended }} trained",
            "version": contribution.version,
            "preview": "1",
        },
    )
    assert b"0 trained" in preview.content
    edit.allowed(
        police,
        method="post",
        data={"body": "Our year.", "version": contribution.version},
        status=302,
    )
    edit.read_only_write(officer, data={"body": "x", "version": 1})
    edit.read_only_write(member_readonly, data={"body": "x", "version": 1})
    edit.outsider(outsider)
    edit.wrong_method(police, "delete")

    submit = ViewMatrix(
        client, reverse("annual_reports:contribution_submit", args=[contribution.pk])
    )
    submit.action_checks(police, outsider=outsider, read_only=[officer])
    contribution.refresh_from_db()
    assert contribution.status == Status.SUBMITTED

    back = ViewMatrix(
        client, reverse("annual_reports:contribution_return", args=[contribution.pk])
    )
    back.allowed(officer)
    back.read_only_write(police, data={"comments": "x"})
    back.read_only_write(member_readonly, data={"comments": "x"})
    back.outsider(outsider)
    back.wrong_method(officer, "delete")

    accept = ViewMatrix(
        client, reverse("annual_reports:contribution_accept", args=[contribution.pk])
    )
    accept.action_checks(officer, outsider=outsider, read_only=[police, member_readonly])
    contribution.refresh_from_db()
    assert contribution.status == Status.ACCEPTED


def test_published_version_includes_accepted_contributions(
    officer: User,
    signers: dict[str, User],
    contribution: PartnerContribution,
    sign_all: Callable[[ReportEdition], None],
) -> None:
    _write(signers["police"], contribution, "Our year in safeguarding.")
    services.contribution_submit(actor=signers["police"], contribution=contribution)
    services.contribution_accept(actor=officer, contribution=contribution)
    edition = contribution.edition
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    version = services.report_edition_publish(actor=officer, edition=edition)
    section = next(s for s in version.sections if s["key"] == "contributions")
    assert "Our year in safeguarding." in section["narrative"]
