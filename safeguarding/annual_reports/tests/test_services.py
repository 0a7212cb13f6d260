from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.annual_reports import cards, selectors, services, verbs
from safeguarding.annual_reports.models import (
    DEFAULT_SECTIONS,
    PublishedVersion,
    PublishedVersionFrozenError,
    ReportEdition,
)
from safeguarding.child_deaths.tests.factories import notification_make
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db
Status = ReportEdition.Status


# --- editions and sections ---------------------------------------------------------------------


def test_new_edition_has_the_default_sections_in_the_seed_order(edition: ReportEdition) -> None:
    sections = selectors.section_list(edition=edition)
    assert [s.key for s in sections] == [key for key, _t, _m in DEFAULT_SECTIONS]
    assert sections[0].title == "Foreword"
    assert sections[-1].title == "Sources"
    assert edition.sections.get(key="child_deaths").module_section == "child_deaths"
    assert ActivityEvent.objects.filter(verb=verbs.EDITION_CREATED).count() == 1


def test_second_edition_for_a_year_is_refused(officer: User, edition: ReportEdition) -> None:
    with pytest.raises(ValidationError, match="already a report"):
        services.report_edition_create(actor=officer, year=ReportingYear(2020))


def test_section_can_be_added_renamed_hidden_and_moved(
    officer: User, edition: ReportEdition
) -> None:
    added = services.report_section_create(
        actor=officer, edition=edition, title="Voice of the child", body="Hello."
    )
    assert added.key == "voice_of_the_child"
    assert selectors.section_list(edition=edition)[-1] == added
    services.report_section_move(actor=officer, section=added, up=True)
    assert selectors.section_list(edition=edition)[-2] == added
    services.report_section_update(
        actor=officer,
        section=added,
        expected_version=added.version,
        title="What children told us",
        module_section="",
        hidden=True,
        body="Hello.",
    )
    assert [s.title for s in selectors.section_list(edition=edition, include_hidden=False)][
        -1
    ] == "Sources"
    assert ActivityEvent.objects.filter(verb=verbs.SECTION_MOVED).count() == 1
    assert ActivityEvent.objects.filter(verb=verbs.SECTION_UPDATED).count() == 1


def test_section_save_refuses_an_unknown_token(
    officer: User, edition: ReportEdition, write_section: Callable[..., Any]
) -> None:
    with pytest.raises(ValidationError) as caught:
        write_section(edition, "foreword", "We had {{ child_deaths.notifed }} deaths.")
    assert "body" in caught.value.message_dict
    assert edition.sections.get(key="foreword").body == ""


def test_section_save_accepts_a_known_token(
    officer: User, edition: ReportEdition, write_section: Callable[..., Any]
) -> None:
    write_section(edition, "foreword", "We had {{ child_deaths.notified }} deaths.")
    view = selectors.edition_view(edition=edition)
    assert view.sections[0].narrative.html == '<p class="govuk-body">We had 0 deaths.</p>\n'


def test_sections_cannot_change_outside_draft(
    officer: User, edition: ReportEdition, write_section: Callable[..., Any]
) -> None:
    services.report_edition_submit(actor=officer, edition=edition)
    with pytest.raises(ValidationError, match="in review"):
        write_section(edition, "foreword", "Late change.")


# --- sign-off ------------------------------------------------------------------------------------


def test_publication_waits_for_all_three_lead_partners(
    officer: User, in_review: ReportEdition, signers: dict[str, User], partners: dict[str, Agency]
) -> None:
    for role in ("local_authority", "police"):
        services.report_sign_off_record(
            actor=signers[role], edition=in_review, agency=partners[role]
        )
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW
    with pytest.raises(ValidationError, match="in review"):
        services.report_edition_publish(actor=officer, edition=in_review)
    services.report_sign_off_record(
        actor=signers["health"], edition=in_review, agency=partners["health"]
    )
    in_review.refresh_from_db()
    assert in_review.status == Status.SIGNED_OFF
    status = selectors.sign_off_status(edition=in_review)
    assert [p.sign_off.signed_by for p in status if p.sign_off] == [
        signers["local_authority"],
        signers["police"],
        signers["health"],
    ]
    assert ActivityEvent.objects.filter(verb=verbs.SIGN_OFF_RECORDED).count() == 3
    assert ActivityEvent.objects.filter(verb=verbs.EDITION_SIGNED_OFF).count() == 1


def test_sign_off_refused_for_someone_elses_agency(
    in_review: ReportEdition, signers: dict[str, User], partners: dict[str, Agency]
) -> None:
    with pytest.raises(ValidationError, match="safeguarding lead"):
        services.report_sign_off_record(
            actor=signers["police"], edition=in_review, agency=partners["health"]
        )


def test_sign_off_refused_for_staff_and_non_statutory_agencies(
    officer: User, in_review: ReportEdition, make_user: Callable[..., User]
) -> None:
    from safeguarding.partnership.tests.factories import AgencyFactory

    school = AgencyFactory.create(name="A school")
    lead = make_user((Role.AGENCY_LEAD, school))
    with pytest.raises(ValidationError):
        services.report_sign_off_record(actor=lead, edition=in_review, agency=school)
    with pytest.raises(ValidationError):
        services.report_sign_off_record(actor=officer, edition=in_review, agency=school)


def test_partner_cannot_sign_twice(
    in_review: ReportEdition, signers: dict[str, User], partners: dict[str, Agency]
) -> None:
    services.report_sign_off_record(
        actor=signers["police"], edition=in_review, agency=partners["police"]
    )
    with pytest.raises(ValidationError, match="already signed off"):
        services.report_sign_off_record(
            actor=signers["police"], edition=in_review, agency=partners["police"]
        )


def test_returning_for_changes_starts_a_new_round_of_sign_offs(
    officer: User, edition: ReportEdition, sign_all: Callable[[ReportEdition], None]
) -> None:
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    services.report_edition_return(actor=officer, edition=edition, reason="Typo")
    assert edition.status == Status.DRAFT
    assert all(p.sign_off is None for p in selectors.sign_off_status(edition=edition))
    assert ActivityEvent.objects.filter(verb=verbs.EDITION_RETURNED).count() == 1


def test_submit_refused_while_a_token_is_unknown(officer: User, edition: ReportEdition) -> None:
    section = edition.sections.get(key="foreword")
    section.body = "{{ no.such }}"  # written before the catalogue lost the key
    section.save()
    with pytest.raises(ValidationError, match="no.such"):
        services.report_edition_submit(actor=officer, edition=edition)


# --- publication and versions --------------------------------------------------------------------


def test_publish_freezes_text_and_a_snapshot_of_every_figure(
    published: PublishedVersion,
) -> None:
    assert published.number == 1
    assert published.edition.status == Status.PUBLISHED
    child = next(s for s in published.sections if s["key"] == "child_deaths")
    assert child["narrative"] == '<p class="govuk-body">Deaths notified: 0.</p>\n'
    snap = published.figures["child_deaths.notified"]
    assert snap["value"] == 0
    assert snap["shown"] == 0
    assert snap["definition"].startswith("Deaths of children")
    assert snap["computed_at"]
    assert len(published.sign_offs) == 3
    assert ActivityEvent.objects.filter(verb=verbs.EDITION_PUBLISHED).count() == 1


def test_published_version_refuses_changes_in_the_model(published: PublishedVersion) -> None:
    published.correction_note = "sneaky"
    with pytest.raises(PublishedVersionFrozenError):
        published.save()


def test_published_version_refuses_changes_in_the_database(
    published: PublishedVersion,
) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        PublishedVersion.objects.filter(pk=published.pk).update(correction_note="sneaky")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT correction_note FROM annual_reports_publishedversion WHERE id = %s",
            [published.pk],
        )
        assert cursor.fetchone() == ("",)


def test_later_corrections_show_as_changed_figures_not_in_the_version(
    published: PublishedVersion,
) -> None:
    for _ in range(7):
        notification_make(date_of_death=date(2020, 6, 1))
    published.refresh_from_db()
    assert published.figures["child_deaths.notified"]["shown"] == 0
    _values, shown = selectors.edition_figures(year=ReportingYear(2020))
    changed = selectors.figures_changed_since(version=published, shown=shown)
    by_key = {c.key: c for c in changed}
    assert by_key["child_deaths.notified"].published == 0
    assert by_key["child_deaths.notified"].now == 7


def test_correction_is_a_new_version_with_a_note(
    officer: User, published: PublishedVersion, sign_all: Callable[[ReportEdition], None]
) -> None:
    edition = published.edition
    services.report_edition_reopen(actor=officer, edition=edition)
    assert edition.status == Status.DRAFT
    assert edition.draft_number == 2
    services.report_edition_submit(actor=officer, edition=edition)
    sign_all(edition)
    with pytest.raises(ValidationError, match="correction"):
        services.report_edition_publish(actor=officer, edition=edition)
    second = services.report_edition_publish(
        actor=officer, edition=edition, correction_note="Child death figures corrected."
    )
    assert second.number == 2
    assert second.correction_note == "Child death figures corrected."
    assert list(selectors.version_list(edition=edition)) == [second, published]
    assert selectors.published_version_get(year_label="2020-21") == second


# --- statutory follow-up ---------------------------------------------------------------------


def _follow_up(officer: User, edition: ReportEdition, to_foundations_on: date | None) -> None:
    """The officer records the edition sent to the panel today, and to Foundations on the day
    given (None: not yet)."""
    services.report_follow_up_record(
        actor=officer,
        edition=edition,
        expected_version=edition.version,
        sent_to_panel_on=timezone.localdate(),
        sent_to_foundations_on=to_foundations_on,
    )


def test_follow_up_card_until_both_dates_are_recorded(
    officer: User, published: PublishedVersion
) -> None:
    card = cards.follow_up_card(officer)
    assert card is not None
    assert card.count == len(card.items) == 1
    assert "Panel and Foundations" in card.items[0].text
    due = selectors.follow_up_due_list()[0]
    assert due.due_on == timezone.localdate(published.published_at) + timedelta(days=7)
    edition = published.edition
    edition.refresh_from_db()
    _follow_up(officer, edition, None)
    card = cards.follow_up_card(officer)
    assert card is not None
    assert card.count == len(card.items) == 1
    assert card.items[0].text.endswith("to Foundations")
    _follow_up(officer, edition, timezone.localdate())
    assert cards.follow_up_card(officer) is None
    assert ActivityEvent.objects.filter(verb=verbs.EDITION_FOLLOW_UP_RECORDED).count() == 2


def test_follow_up_card_is_overdue_after_seven_days(
    officer: User, published: PublishedVersion
) -> None:
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        card = cards.follow_up_card(officer)
    assert card is not None
    assert card.items[0].tag == "Overdue"


def test_follow_up_card_only_for_staff(member_readonly: User, published: PublishedVersion) -> None:
    assert cards.follow_up_card(member_readonly) is None


def test_follow_up_refused_before_publication(officer: User, edition: ReportEdition) -> None:
    with pytest.raises(ValidationError, match="Publish"):
        _follow_up(officer, edition, None)


def test_stale_copy_of_an_edition_cannot_move_it_on(officer: User, edition: ReportEdition) -> None:
    stale = ReportEdition.objects.get(pk=edition.pk)
    services.report_edition_submit(actor=officer, edition=edition)
    with pytest.raises(ValidationError, match="reload"):
        services.report_edition_submit(actor=officer, edition=stale)
