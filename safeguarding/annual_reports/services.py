"""Every write to the annual report: editions, sections, the sign-off workflow, publication
and the statutory follow-up. Each writes its activity-log event in the same transaction.

Workflow: draft -> in review -> signed off (all three lead partners) -> published. Returning a
draft from review starts a new round of sign-offs; reopening a published edition makes a draft of
its next version (a correction), published with a note of what changed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.annual_reports import catalogue, context_import, rules, selectors, text, verbs
from safeguarding.annual_reports.models import (
    DEFAULT_SECTIONS,
    ContextFigure,
    ContributionRevision,
    EditionSection,
    EditionSignOff,
    PartnerContribution,
    PublishedVersion,
    ReportEdition,
    ScrutineerPart,
)
from safeguarding.core.concurrency import bump_version
from safeguarding.core.dates import require_not_future
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency, Area

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

Status = ReportEdition.Status


def _require_status(edition: ReportEdition, *allowed: str, doing: str) -> None:
    """Lock the edition's row for this transaction and check its state: two people moving the
    same report on at once (two publications, a sign-off during a return) cannot both win."""
    current = (
        ReportEdition.objects.select_for_update(of=("self",))
        .filter(pk=edition.pk)
        .values_list("status", "draft_number", "review_round")
        .first()
    )
    if current is not None and current != (
        edition.status,
        edition.draft_number,
        edition.review_round,
    ):
        raise ValidationError(
            "Someone else has moved this report on since you opened it: reload the page."
        )
    if edition.status not in allowed:
        raise ValidationError(
            f"The report is {edition.get_status_display().lower()}: it cannot be {doing} now."
        )


def _check_tokens(body: str, *, edition: ReportEdition, field: str) -> None:
    known = catalogue.figure_values(selectors.edition_year(edition)).keys()
    errors = text.token_errors(body, known)
    if errors:
        raise ValidationError({field: errors})


# --- editions ---------------------------------------------------------------------------------


@transaction.atomic
def report_edition_create(*, actor: User, year: ReportingYear, title: str = "") -> ReportEdition:
    """A new edition for a reporting year, with the default sections in the default order."""
    if ReportEdition.objects.filter(year_label=year.label).exists():
        raise ValidationError({"year": f"There is already a report for {year.label}."})
    edition = tracked_create(
        actor=actor,
        model=ReportEdition,
        data={"year_label": year.label, "title": title or f"Annual report {year.label}"},
        verb=verbs.EDITION_CREATED,
    )
    for position, (key, section_title, module) in enumerate(DEFAULT_SECTIONS, start=1):
        EditionSection.objects.create(
            edition=edition, key=key, title=section_title, module_section=module, position=position
        )
    return edition


@transaction.atomic
def report_edition_update(
    *,
    actor: User,
    edition: ReportEdition,
    expected_version: int | None,
    title: str,
    young_people_summary: str,
) -> ReportEdition:
    _require_status(edition, Status.DRAFT, doing="changed")
    _check_tokens(young_people_summary, edition=edition, field="young_people_summary")
    tracked_update(
        actor=actor,
        obj=edition,
        data={"title": title, "young_people_summary": young_people_summary},
        verb=verbs.EDITION_UPDATED,
        expected_version=expected_version,
    )
    return edition


# --- sections ---------------------------------------------------------------------------------


@transaction.atomic
def report_section_create(
    *,
    actor: User,
    edition: ReportEdition,
    title: str,
    module_section: str = "",
    hidden: bool = False,
    body: str = "",
) -> EditionSection:
    _require_status(edition, Status.DRAFT, doing="changed")
    _check_tokens(body, edition=edition, field="body")
    base = slugify(title)[:30].replace("-", "_") or "section"
    key, n = base, 1
    while edition.sections.filter(key=key).exists():
        n += 1
        key = f"{base}_{n}"
    last = edition.sections.aggregate(m=Max("position"))["m"] or 0
    return tracked_create(
        actor=actor,
        model=EditionSection,
        data={
            "edition": edition,
            "key": key,
            "title": title,
            "module_section": module_section,
            "hidden": hidden,
            "body": body,
            "position": last + 1,
        },
        verb=verbs.SECTION_CREATED,
    )


@transaction.atomic
def report_section_update(
    *,
    actor: User,
    section: EditionSection,
    expected_version: int | None,
    title: str,
    module_section: str,
    hidden: bool,
    body: str,
) -> EditionSection:
    _require_status(section.edition, Status.DRAFT, doing="changed")
    _check_tokens(body, edition=section.edition, field="body")
    tracked_update(
        actor=actor,
        obj=section,
        data={"title": title, "module_section": module_section, "hidden": hidden, "body": body},
        verb=verbs.SECTION_UPDATED,
        expected_version=expected_version,
    )
    return section


@transaction.atomic
def report_section_move(*, actor: User, section: EditionSection, up: bool) -> EditionSection:
    """Swap a section with the one before (up) or after it."""
    edition = section.edition
    _require_status(edition, Status.DRAFT, doing="changed")
    ordered = selectors.section_list(edition=edition)
    # Renumber first so positions are distinct, then swap.
    index = next(i for i, s in enumerate(ordered) if s.pk == section.pk)
    other = index - 1 if up else index + 1
    if other < 0 or other >= len(ordered):
        return section
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position", "updated_at", *bump_version(item)])
    section.refresh_from_db()
    event_record(
        actor=actor,
        verb=verbs.SECTION_MOVED,
        target=section,
        data={"direction": "up" if up else "down", "position": section.position},
    )
    return section


# --- workflow ---------------------------------------------------------------------------------


def _move(
    edition: ReportEdition,
    status: str,
    *extra: str,
    actor: User,
    verb: str,
    data: dict[str, Any] | None = None,
) -> None:
    """Move the edition to `status` (saving the `extra` fields changed with it) and record
    `verb` in the activity log."""
    edition.status = status
    edition.save(update_fields=["status", *extra, "updated_at", *bump_version(edition)])
    event_record(actor=actor, verb=verb, target=edition, data=data)


@transaction.atomic
def report_edition_submit(*, actor: User, edition: ReportEdition) -> ReportEdition:
    """Send a draft to the lead partners for review. Every figure token must be known."""
    _require_status(edition, Status.DRAFT, doing="sent for review")
    view = selectors.edition_view(edition=edition, include_hidden=True)
    if view.errors:
        raise ValidationError(view.errors)
    _move(
        edition,
        Status.IN_REVIEW,
        actor=actor,
        verb=verbs.EDITION_SUBMITTED,
        data={"draft": edition.draft_number, "round": edition.review_round},
    )
    return edition


@transaction.atomic
def report_edition_return(*, actor: User, edition: ReportEdition, reason: str) -> ReportEdition:
    """Back to editing: sign-offs given so far no longer count (a new round starts)."""
    _require_status(edition, Status.IN_REVIEW, Status.SIGNED_OFF, doing="returned for changes")
    edition.review_round += 1
    _move(
        edition,
        Status.DRAFT,
        "review_round",
        actor=actor,
        verb=verbs.EDITION_RETURNED,
        data={"reason": reason, "round": edition.review_round},
    )
    return edition


@transaction.atomic
def report_sign_off_record(
    *,
    actor: User,
    edition: ReportEdition,
    agency: Agency,
    signed_on: date | None = None,
    by_delegate: bool | None = None,
) -> EditionSignOff:
    """A lead partner's sign-off of the draft (rules.py has the rule). With `signed_on`,
    partnership staff record a sign-off given on that day by the seat's holder (or delegate);
    without it, the actor signs today for themselves. When all three have signed, the edition
    is signed off."""
    _require_status(edition, Status.IN_REVIEW, doing="signed off")
    recording_for = signed_on is not None
    today = timezone.localdate()
    if recording_for:
        if not actor.is_partnership_staff:
            raise ValidationError(
                "Only the business unit can record a sign-off given on another day."
            )
        if not rules.lead_partner_agencies().filter(pk=agency.pk).exists():
            raise ValidationError(f"{agency} is not a lead safeguarding partner.")
        assert signed_on is not None
        if signed_on > today:
            raise ValidationError({"signed_on": "The day it was signed cannot be in the future."})
    elif not rules.sign_off_agencies_for(actor).filter(pk=agency.pk).exists():
        raise ValidationError(
            "Only the safeguarding lead of a statutory partner agency can sign off for it."
        )
    day = signed_on or today
    try:
        appointment = rules.sign_off_appointment(
            user=actor,
            agency=agency,
            day=day,
            by_delegate=by_delegate,
            recording_for=recording_for,
        )
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    role = agency.statutory_role
    already = edition.sign_offs.filter(
        draft_number=edition.draft_number, round=edition.review_round, statutory_role=role
    ).first()
    if already is not None:
        raise ValidationError(
            f"{agency.get_statutory_role_display()} has already signed off this draft "
            f"({already.appointment.holder_name if already.appointment else already.signed_by})."
        )
    sign_off = EditionSignOff.objects.create(
        edition=edition,
        draft_number=edition.draft_number,
        round=edition.review_round,
        statutory_role=role,
        agency=agency,
        signed_by=actor,
        signed_at=timezone.now(),
        appointment=appointment,
        signed_on=day,
        by_delegate=appointment.role == appointment.Role.DELEGATED_PARTNER,
    )
    event_record(
        actor=actor,
        verb=verbs.SIGN_OFF_RECORDED,
        target=edition,
        data={
            "role": role,
            "agency": agency.pk,
            "draft": edition.draft_number,
            "appointment": appointment.pk,
            "signed_on": day.isoformat(),
            "by_delegate": sign_off.by_delegate,
        },
    )
    signed = set(
        edition.sign_offs.filter(
            draft_number=edition.draft_number, round=edition.review_round
        ).values_list("statutory_role", flat=True)
    )
    if signed >= set(rules.LEAD_ROLE_CODES):
        _move(edition, Status.SIGNED_OFF, actor=actor, verb=verbs.EDITION_SIGNED_OFF)
    return sign_off


def _signer_name(sign_off: EditionSignOff) -> str:
    """ "Name, job title" of who signed (the appointment), "for the lead" when a delegate did."""
    appointment = sign_off.appointment
    if appointment is None:
        return sign_off.signed_by.display_name
    name = appointment.holder_name
    if appointment.job_title:
        name += f", {appointment.job_title}"
    if sign_off.by_delegate:
        name += " (delegated safeguarding partner, for the lead partner)"
    return name


def _figure_snapshot(view: selectors.EditionView) -> dict[str, dict[str, Any]]:
    return {
        key: {
            "label": item.figure.label,
            "unit": item.figure.unit,
            "definition": item.figure.definition,
            "module": item.figure.module,
            "value": catalogue.json_value(item.value),
            "shown": catalogue.json_value(view.shown[key]),
            "text": catalogue.format_value(view.shown[key], item.figure.unit),
            "computed_at": item.computed_at.isoformat(),
        }
        for key, item in view.values.items()
    }


@transaction.atomic
def report_edition_publish(
    *, actor: User, edition: ReportEdition, correction_note: str = ""
) -> PublishedVersion:
    """Freeze the signed-off draft as a published version: its rendered sections, the
    children and young people's summary and a snapshot of every figure."""
    _require_status(edition, Status.SIGNED_OFF, doing="published")
    if edition.draft_number > 1 and not correction_note.strip():
        raise ValidationError(
            {"correction_note": "Say what this correction changes: readers see the note."}
        )
    view = selectors.edition_view(edition=edition)
    if view.errors:
        raise ValidationError(view.errors)
    status = selectors.sign_off_status(edition=edition)
    version = PublishedVersion.objects.create(
        edition=edition,
        number=edition.draft_number,
        title=edition.title,
        published_at=timezone.now(),
        published_by=actor,
        correction_note=correction_note.strip(),
        sections=view.published_sections(),
        footnotes=view.published_footnotes(),
        young_people_html=view.young_people.html,
        figures=_figure_snapshot(view),
        sign_offs=[
            {
                "role": p.label,
                "agency": str(p.sign_off.agency),
                "signed_by": _signer_name(p.sign_off),
                "signed_at": p.sign_off.signed_at.isoformat(),
                "signed_on": (p.sign_off.signed_on or p.sign_off.signed_at.date()).isoformat(),
                "recorded_by": p.sign_off.signed_by.display_name,
            }
            for p in status
            if p.sign_off is not None
        ],
    )
    _move(
        edition,
        Status.PUBLISHED,
        actor=actor,
        verb=verbs.EDITION_PUBLISHED,
        data={"version": version.number, "correction_note": version.correction_note},
    )
    return version


@transaction.atomic
def report_edition_reopen(*, actor: User, edition: ReportEdition) -> ReportEdition:
    """Start a correction: a draft of the next version (the published one never changes)."""
    _require_status(edition, Status.PUBLISHED, doing="reopened for a correction")
    edition.draft_number += 1
    edition.review_round = 1
    _move(
        edition,
        Status.DRAFT,
        "draft_number",
        "review_round",
        actor=actor,
        verb=verbs.EDITION_REOPENED,
        data={"draft": edition.draft_number},
    )
    return edition


@transaction.atomic
def report_follow_up_record(
    *,
    actor: User,
    edition: ReportEdition,
    expected_version: int | None,
    sent_to_panel_on: date | None,
    sent_to_foundations_on: date | None,
) -> ReportEdition:
    """Record when the published report was sent to the national Panel and to Foundations."""
    if not edition.versions.exists():
        raise ValidationError("Publish the report before recording where it was sent.")
    require_not_future(sent_to_panel_on, field="sent_to_panel_on")
    require_not_future(sent_to_foundations_on, field="sent_to_foundations_on")
    tracked_update(
        actor=actor,
        obj=edition,
        data={
            "sent_to_panel_on": sent_to_panel_on,
            "sent_to_foundations_on": sent_to_foundations_on,
        },
        verb=verbs.EDITION_FOLLOW_UP_RECORDED,
        expected_version=expected_version,
    )
    return edition


# --- context figures --------------------------------------------------------------------------


def _check_context_key(edition: ReportEdition, key: str, *, exclude: int | None = None) -> None:
    problem = context_import.key_error(key)
    if problem:
        raise ValidationError({"key": f"For the key, {problem}."})
    clash = edition.context_figures.filter(key=key)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError({"key": f"There is already a context figure “{key}”."})


@transaction.atomic
def context_figure_create(
    *,
    actor: User,
    edition: ReportEdition,
    key: str,
    label: str,
    area: Area | None,
    period: str,
    value: Decimal,
    unit: str,
    source_title: str,
    source_publisher: str,
    source_url: str,
    accessed_on: date,
) -> ContextFigure:
    _require_status(edition, Status.DRAFT, doing="changed")
    _check_context_key(edition, key)
    return tracked_create(
        actor=actor,
        model=ContextFigure,
        data={
            "edition": edition,
            "key": key,
            "label": label,
            "area": area,
            "period": period,
            "value": value,
            "unit": unit,
            "source_title": source_title,
            "source_publisher": source_publisher,
            "source_url": source_url,
            "accessed_on": accessed_on,
        },
        verb=verbs.CONTEXT_FIGURE_CREATED,
    )


@transaction.atomic
def context_figure_update(
    *,
    actor: User,
    figure: ContextFigure,
    expected_version: int | None,
    key: str,
    label: str,
    area: Area | None,
    period: str,
    value: Decimal,
    unit: str,
    source_title: str,
    source_publisher: str,
    source_url: str,
    accessed_on: date,
) -> ContextFigure:
    _require_status(figure.edition, Status.DRAFT, doing="changed")
    _check_context_key(figure.edition, key, exclude=figure.pk)
    if key != figure.key:
        used = [
            s.title
            for s in figure.edition.sections.all()
            if f"context.{figure.key}" in text.tokens_in(s.body)
        ]
        if used:
            raise ValidationError(
                {"key": f"The key is used in: {', '.join(used)}. Change those narratives first."}
            )
    tracked_update(
        actor=actor,
        obj=figure,
        data={
            "key": key,
            "label": label,
            "area": area,
            "period": period,
            "value": value,
            "unit": unit,
            "source_title": source_title,
            "source_publisher": source_publisher,
            "source_url": source_url,
            "accessed_on": accessed_on,
        },
        verb=verbs.CONTEXT_FIGURE_UPDATED,
        expected_version=expected_version,
    )
    return figure


@transaction.atomic
def context_figures_import(*, actor: User, edition: ReportEdition, content: bytes) -> int:
    """Add or replace context figures from a CSV file, all or nothing: any error in any row
    (reported by row and column) and nothing is saved. Returns the number of rows."""
    _require_status(edition, Status.DRAFT, doing="changed")
    rows = context_import.context_rows_parse(content)
    created = updated = 0
    for row in rows:
        fields = {
            "label": row.label,
            "area": row.area,
            "period": row.period,
            "value": row.value,
            "unit": row.unit,
            "source_title": row.source_title,
            "source_publisher": row.source_publisher,
            "source_url": row.source_url,
            "accessed_on": row.accessed_on,
        }
        existing = edition.context_figures.filter(key=row.key).first()
        if existing is None:
            item = ContextFigure(edition=edition, key=row.key, **fields)
            item.full_clean()
            item.save()
            created += 1
        else:
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.full_clean()
            existing.save()
            updated += 1
    event_record(
        actor=actor,
        verb=verbs.CONTEXT_FIGURES_IMPORTED,
        target=edition,
        data={"rows": len(rows), "created": created, "updated": updated},
    )
    return len(rows)


# --- partners' contributions -----------------------------------------------------------------


@transaction.atomic
def contribution_request(
    *,
    actor: User,
    edition: ReportEdition,
    section: EditionSection,
    agency: Agency,
    title: str,
    brief: str,
    due_on: date,
) -> PartnerContribution:
    """Ask a partner agency's safeguarding lead to write part of a section by a deadline."""
    _require_status(edition, Status.DRAFT, doing="changed")
    if section.edition_id != edition.pk:
        raise ValidationError({"section": "Choose a section of this report."})
    if edition.contributions.filter(section=section, agency=agency).exists():
        raise ValidationError({"agency": f"{agency} has already been asked for this section."})
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": "The deadline cannot be in the past."})
    return tracked_create(
        actor=actor,
        model=PartnerContribution,
        data={
            "edition": edition,
            "section": section,
            "agency": agency,
            "title": title,
            "brief": brief,
            "due_on": due_on,
        },
        verb=verbs.CONTRIBUTION_REQUESTED,
    )


def _require_author(actor: User, contribution: PartnerContribution) -> None:
    if not rules.can_write_contribution(actor, contribution):
        raise ValidationError(
            "Only the safeguarding lead of the agency asked can write this contribution."
        )
    if not contribution.is_with_author:
        raise ValidationError("The contribution has been submitted: it cannot change now.")
    _require_status(contribution.edition, Status.DRAFT, doing="changed")


@transaction.atomic
def contribution_update(
    *, actor: User, contribution: PartnerContribution, expected_version: int | None, body: str
) -> PartnerContribution:
    _require_author(actor, contribution)
    _check_tokens(body, edition=contribution.edition, field="body")
    tracked_update(
        actor=actor,
        obj=contribution,
        data={"body": body},
        verb=verbs.CONTRIBUTION_UPDATED,
        expected_version=expected_version,
    )
    return contribution


@transaction.atomic
def contribution_submit(*, actor: User, contribution: PartnerContribution) -> ContributionRevision:
    """Submit the text for review; it is kept as the next revision."""
    _require_author(actor, contribution)
    if not contribution.body.strip():
        raise ValidationError("Write the contribution before submitting it.")
    _check_tokens(contribution.body, edition=contribution.edition, field="body")
    number = (contribution.revisions.aggregate(m=Max("number"))["m"] or 0) + 1
    revision = ContributionRevision.objects.create(
        contribution=contribution,
        number=number,
        body=contribution.body,
        submitted_at=timezone.now(),
        submitted_by=actor,
    )
    contribution.status = PartnerContribution.Status.SUBMITTED
    contribution.save(update_fields=["status", "updated_at", *bump_version(contribution)])
    event_record(
        actor=actor,
        verb=verbs.CONTRIBUTION_SUBMITTED,
        target=contribution,
        data={"revision": number},
    )
    return revision


def _review(
    actor: User, contribution: PartnerContribution, status: str, verb: str, comments: str
) -> PartnerContribution:
    if contribution.status != PartnerContribution.Status.SUBMITTED:
        raise ValidationError("Only a submitted contribution can be accepted or returned.")
    _require_status(contribution.edition, Status.DRAFT, doing="changed")
    contribution.status = status
    contribution.comments = comments
    contribution.save(
        update_fields=["status", "comments", "updated_at", *bump_version(contribution)]
    )
    event_record(actor=actor, verb=verb, target=contribution, data={"comments": comments})
    return contribution


@transaction.atomic
def contribution_accept(
    *, actor: User, contribution: PartnerContribution, comments: str = ""
) -> PartnerContribution:
    """Accept the submitted text: it appears in its section from now on."""
    return _review(
        actor,
        contribution,
        PartnerContribution.Status.ACCEPTED,
        verbs.CONTRIBUTION_ACCEPTED,
        comments,
    )


@transaction.atomic
def contribution_return(
    *, actor: User, contribution: PartnerContribution, comments: str
) -> PartnerContribution:
    """Send it back to the author with comments."""
    if not comments.strip():
        raise ValidationError({"comments": "Say what needs to change."})
    return _review(
        actor,
        contribution,
        PartnerContribution.Status.RETURNED,
        verbs.CONTRIBUTION_RETURNED,
        comments,
    )


# --- the independent scrutineer's report -----------------------------------------------------

SCRUTINEER_CONCLUSION = "Conclusion"


@transaction.atomic
def scrutineer_parts_create(*, actor: User, edition: ReportEdition) -> list[ScrutineerPart]:
    """Set up the scrutineer's report: one part per scrutiny theme assessed in the year (with
    its judgement, from assurance's reporting figures), then a conclusion."""
    _require_status(edition, Status.DRAFT, doing="changed")
    if edition.scrutineer_parts.exists():
        raise ValidationError("The scrutineer's report has its parts already.")
    year = selectors.edition_year(edition)
    assurance = catalogue.module_sections(year).get("assurance")
    themes: list[tuple[str, str]] = (
        list(getattr(assurance.figures, "scrutiny", []) or []) if assurance else []
    )
    parts = [
        ScrutineerPart(edition=edition, position=n, title=theme, judgement=judgement)
        for n, (theme, judgement) in enumerate(themes, start=1)
    ]
    parts.append(
        ScrutineerPart(edition=edition, position=len(parts) + 1, title=SCRUTINEER_CONCLUSION)
    )
    for part in parts:
        part.full_clean()
        part.save()
    event_record(
        actor=actor,
        verb=verbs.SCRUTINEER_PARTS_CREATED,
        target=edition,
        data={"parts": len(parts)},
    )
    return parts


@transaction.atomic
def scrutineer_part_update(
    *,
    actor: User,
    part: ScrutineerPart,
    expected_version: int | None,
    title: str,
    body: str,
) -> ScrutineerPart:
    _require_status(part.edition, Status.DRAFT, doing="changed")
    _check_tokens(body, edition=part.edition, field="body")
    tracked_update(
        actor=actor,
        obj=part,
        data={"title": title, "body": body},
        verb=verbs.SCRUTINEER_PART_UPDATED,
        expected_version=expected_version,
    )
    return part
