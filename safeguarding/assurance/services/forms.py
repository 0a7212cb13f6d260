"""The small form engine: templates, versions, sections, questions and responses.

A version is frozen once it has a response (or a Section 11 cycle uses it). Any edit through
these services to a frozen version first copies it into the next version, so every response
keeps the exact questions it answered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from safeguarding.activity_log.services import event_record
from safeguarding.assurance import verbs
from safeguarding.assurance.models import (
    Answer,
    FormSection,
    FormTemplate,
    FormVersion,
    Question,
    Response,
    Survey,
)
from safeguarding.assurance.selectors import form_version_latest
from safeguarding.core.concurrency import bump_version

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".odt", ".txt", ".png", ".jpg", ".jpeg")


@transaction.atomic
def form_template_create(
    *, actor: User | None, name: str, purpose: str, description: str = ""
) -> FormTemplate:
    """A new form with an empty first version."""
    template = FormTemplate(
        name=name.strip(), purpose=purpose, description=description.strip(), created_by=actor
    )
    template.full_clean()
    template.save()
    FormVersion.objects.create(template=template, number=1)
    event_record(actor=actor, verb=verbs.FORM_CREATED, target=template, data={"purpose": purpose})
    return template


@transaction.atomic
def form_version_freeze(*, version: FormVersion) -> None:
    if version.frozen_at is None:
        FormVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(
            frozen_at=timezone.now()
        )
        version.refresh_from_db(fields=["frozen_at"])


@transaction.atomic
def form_version_editable(*, actor: User | None, template: FormTemplate) -> FormVersion:
    """The version edits go to: the latest one, or (when it is frozen) a copy of it numbered
    next. The copy keeps every section and question, including their keys."""
    FormTemplate.objects.select_for_update().filter(pk=template.pk).first()
    latest = form_version_latest(template=template)
    if not latest.is_frozen:
        return latest
    number = (template.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    new = FormVersion.objects.create(template=template, number=number)
    for section in latest.sections.prefetch_related("questions"):
        copy = FormSection.objects.create(
            form_version=new, order=section.order, title=section.title, help_text=section.help_text
        )
        Question.objects.bulk_create(
            Question(
                section=copy,
                order=q.order,
                key=q.key,
                text=q.text,
                help_text=q.help_text,
                kind=q.kind,
                required=q.required,
                choices=list(q.choices or []),
                report_label=q.report_label,
            )
            for q in section.questions.all()
        )
    event_record(
        actor=actor,
        verb=verbs.FORM_VERSION_CREATED,
        target=template,
        data={"from_version": latest.number, "version": number},
    )
    return new


@transaction.atomic
def form_section_add(
    *, actor: User | None, template: FormTemplate, title: str, help_text: str = ""
) -> FormSection:
    version = form_version_editable(actor=actor, template=template)
    order = (version.sections.aggregate(n=Max("order"))["n"] or 0) + 1
    section = FormSection(
        form_version=version, order=order, title=title.strip(), help_text=help_text
    )
    section.full_clean()
    section.save()
    event_record(
        actor=actor,
        verb=verbs.FORM_SECTION_ADDED,
        target=template,
        data={"version": version.number, "section": section.title},
    )
    return section


@transaction.atomic
def form_question_add(
    *,
    actor: User | None,
    section: FormSection,
    key: str,
    text: str,
    kind: str,
    required: bool = True,
    help_text: str = "",
    choices: list[str] | None = None,
    report_label: str = "",
) -> Question:
    """Add a question to `section`. When its version is frozen, the question goes to the same
    section of a new version instead."""
    template = section.form_version.template
    version = form_version_editable(actor=actor, template=template)
    if version.pk != section.form_version_id:
        section = version.sections.get(order=section.order)
    if kind == Question.Kind.EVIDENCE and template.purpose == FormTemplate.Purpose.SURVEY:
        raise ValidationError(
            {"kind": "Surveys are anonymous, so they cannot ask for files: choose another type."}
        )
    if Question.objects.filter(section__form_version=version, key=key).exists():
        raise ValidationError({"key": "Another question in this form already has this name."})
    order = (section.questions.aggregate(n=Max("order"))["n"] or 0) + 1
    question = Question(
        section=section,
        order=order,
        key=key,
        text=text.strip(),
        kind=kind,
        required=required,
        help_text=help_text.strip(),
        choices=[c.strip() for c in (choices or []) if c.strip()],
        report_label=report_label.strip(),
    )
    question.full_clean()
    question.save()
    event_record(
        actor=actor,
        verb=verbs.FORM_QUESTION_ADDED,
        target=template,
        data={"version": version.number, "key": key, "kind": kind},
    )
    return question


def _editable_question(*, actor: User | None, question: Question) -> Question:
    """The same question (by key) in the version edits go to (a new one if frozen)."""
    template = question.section.form_version.template
    version = form_version_editable(actor=actor, template=template)
    if version.pk == question.section.form_version_id:
        return question
    return Question.objects.get(section__form_version=version, key=question.key)


@transaction.atomic
def form_question_update(
    *,
    actor: User | None,
    question: Question,
    text: str,
    required: bool,
    help_text: str = "",
    choices: list[str] | None = None,
    report_label: str = "",
) -> Question:
    """Change a question's wording, options or whether it is required. Its key and type stay:
    a different kind of answer is a different question. On a frozen version the change goes to
    the same question in a new version; answers already given keep the old wording."""
    target = _editable_question(actor=actor, question=question)
    before = {"text": target.text, "required": target.required, "choices": target.choices}
    target.text = text.strip()
    target.required = required
    target.help_text = help_text.strip()
    target.choices = [c.strip() for c in (choices or []) if c.strip()]
    target.report_label = report_label.strip()
    target.full_clean()
    bump_version(target)
    target.save()
    event_record(
        actor=actor,
        verb=verbs.FORM_QUESTION_CHANGED,
        target=target.section.form_version.template,
        data={
            "version": target.section.form_version.number,
            "key": target.key,
            "before": before,
        },
    )
    return target


@transaction.atomic
def form_question_remove(*, actor: User | None, question: Question) -> FormVersion:
    """Take a question out of the form. On a frozen version it is left out of a new version;
    answers already given to it are kept with the version they answered."""
    target = _editable_question(actor=actor, question=question)
    version = target.section.form_version
    key = target.key
    target.delete()
    event_record(
        actor=actor,
        verb=verbs.FORM_QUESTION_REMOVED,
        target=version.template,
        data={"version": version.number, "key": key},
    )
    return version


# --- answers ---------------------------------------------------------------------------


def _clean_value(question: Question, raw: Any) -> str:
    value = "" if raw is None else str(raw).strip()
    if not value:
        return ""
    if question.has_options:
        if value not in question.options:
            raise ValidationError("Choose one of the options.")
    elif question.kind == Question.Kind.NUMBER:
        try:
            Decimal(value)
        except InvalidOperation as exc:
            raise ValidationError("Enter a number, like 3 or 12.5.") from exc
    elif question.kind == Question.Kind.DATE:
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValidationError("Enter a real date.") from exc
    return value


def _check_evidence(upload: UploadedFile) -> None:
    name = (upload.name or "").lower()
    if not name.endswith(EVIDENCE_EXTENSIONS):
        raise ValidationError("The file must be a PDF, Word, Excel, text or image file.")
    if (upload.size or 0) > EVIDENCE_MAX_BYTES:
        raise ValidationError("The file must be smaller than 10MB.")


def _clean_upload(
    question: Question,
    upload: UploadedFile | None,
    cleaned: dict[str, Any],
    errors: dict[str, str],
) -> None:
    if upload is None:
        if question.required:
            errors[question.key] = "Upload a file."
        return
    try:
        _check_evidence(upload)
    except ValidationError as exc:
        errors[question.key] = exc.messages[0]
    else:
        cleaned[question.key] = upload


def answers_clean(
    *,
    version: FormVersion,
    answers: Mapping[str, Any],
    files: Mapping[str, UploadedFile] | None = None,
) -> dict[str, Any]:
    """Check answers (keyed by question key) against the version's questions. Raises a
    ValidationError keyed by question key, one message per question."""
    files = files or {}
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for question in Question.objects.filter(section__form_version=version):
        if question.kind == Question.Kind.EVIDENCE:
            _clean_upload(question, files.get(question.key), cleaned, errors)
            continue
        try:
            value = _clean_value(question, answers.get(question.key))
        except ValidationError as exc:
            errors[question.key] = exc.messages[0]
            continue
        if not value and question.required:
            errors[question.key] = (
                "Choose an answer." if question.has_options else "Answer this question."
            )
            continue
        if value:
            cleaned[question.key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def response_record(
    *,
    version: FormVersion,
    answers: Mapping[str, Any],
    files: Mapping[str, UploadedFile] | None = None,
    survey: Survey | None = None,
    on: dt.date | None = None,
    received_hour: dt.datetime | None = None,
) -> Response:
    """Store one completed form against the version it answered, and freeze that version.

    Records no actor, address or identifier: callers record their own activity event (surveys
    record one without an address)."""
    cleaned = answers_clean(version=version, answers=answers, files=files)
    form_version_freeze(version=version)
    response = Response.objects.create(
        form_version=version,
        survey=survey,
        submitted_on=on or timezone.localdate(),
        received_hour=received_hour,
    )
    questions = {q.key: q for q in Question.objects.filter(section__form_version=version)}
    rows = []
    for key, value in cleaned.items():
        if isinstance(value, UploadedFile):
            answer = Answer(response=response, question=questions[key])
            answer.evidence.save(value.name or "evidence", value, save=False)
            rows.append(answer)
        else:
            rows.append(Answer(response=response, question=questions[key], value=value))
    Answer.objects.bulk_create(rows)
    return response
