"""After the session: the evaluation, the certificate (released only once the evaluation is done),
its verification and revocation, and the follow-up impact survey."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.activity_log.services import event_record
from safeguarding.core.concurrency import bump_version
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.training import verbs
from safeguarding.training.codes import certificate_code_new
from safeguarding.training.models import (
    BriefingCompletion,
    Certificate,
    Evaluation,
    ImpactResponse,
    TrainingBooking,
)


def verification_url(code: str) -> str:
    return absolute_reverse("training:certificate_verify_code", code)


@transaction.atomic
def evaluation_submit(
    *,
    actor: User,
    booking: TrainingBooking,
    met_needs: bool,
    delivery_right: bool,
    rating: int,
    comments: str = "",
    answers: dict[str, str] | None = None,
) -> Evaluation:
    """The learner evaluates a session they attended; their certificate is then issued."""
    booking = TrainingBooking.objects.select_for_update().get(pk=booking.pk)
    if booking.learner_id != actor.pk:
        raise ValidationError("Only the person who attended can evaluate the session.")
    if booking.attendance != TrainingBooking.Attendance.ATTENDED:
        raise ValidationError("You can evaluate a session once your attendance is recorded.")
    if Evaluation.objects.filter(booking=booking).exists():
        raise ValidationError("You have already evaluated this session.")
    evaluation = Evaluation(
        booking=booking,
        met_needs=met_needs,
        delivery_right=delivery_right,
        rating=rating,
        comments=comments.strip(),
        answers=answers or {},
        submitted_at=timezone.now(),
    )
    evaluation.full_clean()
    evaluation.save()
    event_record(actor=actor, verb=verbs.EVALUATION_SUBMITTED, target=evaluation)
    certificate_issue(
        actor=actor,
        learner=actor,
        booking=booking,
        title=booking.session.course.title,
        completed_on=timezone.localtime(booking.session.starts_at).date(),
    )
    return evaluation


def certificate_issue(
    *,
    actor: User,
    learner: User,
    title: str,
    completed_on: date,
    booking: TrainingBooking | None = None,
    completion: BriefingCompletion | None = None,
) -> Certificate:
    certificate = Certificate(
        booking=booking,
        briefing_completion=completion,
        learner=learner,
        code=certificate_code_new(),
        title=title,
        completed_on=completed_on,
        issued_at=timezone.now(),
    )
    certificate.full_clean()
    certificate.save()
    event_record(actor=actor, verb=verbs.CERTIFICATE_ISSUED, target=certificate)
    return certificate


@transaction.atomic
def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    if certificate.is_revoked:
        raise ValidationError("This certificate is already revoked.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the certificate is revoked."})
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason.strip()
    certificate.save(
        update_fields=["revoked_at", "revoked_reason", "updated_at", *bump_version(certificate)]
    )
    event_record(
        actor=actor,
        verb=verbs.CERTIFICATE_REVOKED,
        target=certificate,
        data={"reason": reason},
    )
    return certificate


def certificate_html(*, certificate: Certificate, verify_url: str = "") -> str:
    """The certificate's printable page: name, course, date, verification code and address."""
    return render_to_string(
        "training/certificate_pdf.html",
        {
            "certificate": certificate,
            "learner_name": certificate.learner.display_name,
            "verify_url": verify_url or verification_url(certificate.code),
            "is_briefing": certificate.briefing_completion_id is not None,
            "partnership_name": settings.PARTNERSHIP_NAME,
        },
    )


def certificate_pdf(*, certificate: Certificate, verify_url: str = "") -> bytes:
    """The certificate as a PDF (WeasyPrint)."""
    from weasyprint import HTML

    html = certificate_html(certificate=certificate, verify_url=verify_url)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


@transaction.atomic
def impact_surveys_send() -> int:
    """Send the follow-up impact survey TRAINING_IMPACT_SURVEY_DAYS after each attended
    session. Safe to run twice: each booking is asked once."""
    cutoff = timezone.now() - timedelta(days=settings.TRAINING_IMPACT_SURVEY_DAYS)
    due = TrainingBooking.objects.select_for_update().filter(
        attendance=TrainingBooking.Attendance.ATTENDED,
        impact_survey_sent_at__isnull=True,
        learner__isnull=False,
        session__starts_at__lte=cutoff,
    )
    sent = 0
    for booking in due.select_related("session__course", "learner"):
        booking.impact_survey_sent_at = timezone.now()
        booking.save(update_fields=["impact_survey_sent_at", "updated_at"])
        assert booking.learner is not None
        email_send(
            template="training_impact_survey",
            to=[booking.learner.email],
            context={
                "course": booking.session.course.title,
                "survey_url": absolute_reverse("training:impact_response_create", booking.pk),
            },
        )
        sent += 1
    return sent


@transaction.atomic
def impact_response_submit(
    *, actor: User, booking: TrainingBooking, practice_changed: bool, how: str, examples: str
) -> ImpactResponse:
    if booking.learner_id != actor.pk:
        raise ValidationError("Only the person who attended can answer the survey.")
    if booking.attendance != TrainingBooking.Attendance.ATTENDED:
        raise ValidationError("The impact survey is for sessions you attended.")
    if ImpactResponse.objects.filter(booking=booking).exists():
        raise ValidationError("You have already answered the impact survey for this session.")
    if practice_changed and not how.strip():
        raise ValidationError({"how": "Say how your practice has changed."})
    response = ImpactResponse(
        booking=booking,
        practice_changed=practice_changed,
        how=how.strip(),
        examples=examples.strip(),
        submitted_at=timezone.now(),
    )
    response.full_clean()
    response.save()
    event_record(actor=actor, verb=verbs.IMPACT_RESPONSE_SUBMITTED, target=response)
    return response
