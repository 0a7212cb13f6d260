"""training: the public course and briefing pages; staff manage; leads validate their agency's
training; everyone signed in has their own bookings and certificates."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANONYMOUS,
    BOARD_MEMBER,
    BUSINESS_UNIT,
    FORBIDDEN,
    LEAD,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PRACTITIONER,
    READ_ONLY,
    SCRUTINEER,
    STAFF,
    Case,
    Expectations,
    expect,
    no_object,
    read_page,
)


def session(w: Any) -> dict[str, Any]:
    return {"pk": w.session.pk}


def course(w: Any) -> dict[str, Any]:
    return {"pk": w.course.pk}


def booking_own(w: Any) -> dict[str, Any]:
    """The practitioner's own booking."""
    return {"pk": w.booking_own.pk}


def booking_other(w: Any) -> dict[str, Any]:
    """Another person's (agency B's practitioner's) booking."""
    return {"pk": w.booking_other.pk}


def certificate_other(w: Any) -> dict[str, Any]:
    return {"pk": w.certificate_other.pk}


def agency_a(w: Any) -> dict[str, Any]:
    return {"pk": w.agency_a.pk}


def agency_b(w: Any) -> dict[str, Any]:
    return {"pk": w.agency_b.pk}


def build(world: Any) -> None:
    """A public briefing; a booking waiting for approval in agency A and one in agency B; a
    course validation of agency A's and one of agency B's, both sent back for changes; an open
    training needs survey."""
    import datetime as dt

    from safeguarding.training.models import (
        CourseValidation,
        TrainingBooking,
        TrainingNeedsSurvey,
    )
    from safeguarding.training.tests.factories import (
        BriefingFactory,
        CourseValidationFactory,
        TrainingBookingFactory,
    )

    records = world.records
    records["briefing"] = BriefingFactory.create(is_public=True)
    for name, agency in (("pending_a", records["agency_a"]), ("pending_b", records["agency_b"])):
        records[name] = TrainingBookingFactory.create(
            agency=agency,
            learner=records["person_b"],
            status=TrainingBooking.Status.PENDING_APPROVAL,
        )
    for name, agency in (
        ("validation_a", records["agency_a"]),
        ("validation_b", records["agency_b"]),
    ):
        records[name] = CourseValidationFactory.create(
            agency=agency,
            status=CourseValidation.Status.CHANGES_REQUESTED,
            reviewer_notes="Add the local escalation route.",
        )
    records["needs_survey"] = TrainingNeedsSurvey.objects.create(
        year_label="2019-20", opens_on=dt.date(2019, 4, 1), closes_on=dt.date(2030, 3, 31)
    )


ENTRIES: dict[str, tuple[Case, ...]] = {
    "training:briefing_detail": (
        Case(
            "a public briefing",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=lambda w: {"pk": w.briefing.pk},
        ),
    ),
    "training:briefing_complete": (
        Case(
            "a public briefing",
            get=expect(OK, ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)),
            post=expect(OK, ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)),
            fill=lambda w: {"pk": w.briefing.pk},
        ),
    ),
    # "Do not approve" is a confirmation page (GET); the POST without "approve" refuses.
    "training:booking_approve": (
        Case(
            "a booking waiting for approval in agency A",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD}, OK)),
            fill=lambda w: {"pk": w.pending_a.pk},
        ),
        Case(
            "a booking waiting for approval in agency B",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            fill=lambda w: {"pk": w.pending_b.pk},
        ),
    ),
    "training:register_mark_all": (
        Case(
            "session",
            get=expect(NOT_ALLOWED),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            fill=session,
        ),
    ),
    "training:approval_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:booking_list": (
        Case(
            "no object",
            get=expect(OK),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:briefing_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "training:briefing_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "training:certificate_list": (
        Case(
            "no object",
            get=expect(OK),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:certificate_verify": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "training:course_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "training:course_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "training:manage": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:needs_survey_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "training:needs_survey_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:session_add": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "training:statement_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:validation_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
                ({LEAD}, OK),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
                ({LEAD}, OK),
            ),
            fill=no_object,
        ),
    ),
    "training:validation_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:agency_training": (
        Case(
            "agency A",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD}, OK)),
            post=expect(NOT_ALLOWED),
            fill=agency_a,
        ),
        Case(
            "agency B",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_ALLOWED),
            fill=agency_b,
        ),
    ),
    "training:booking_calendar": (
        Case(
            "the practitioner's own booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, PRACTITIONER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=booking_own,
        ),
        Case(
            "another person's booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_ALLOWED),
            fill=booking_other,
        ),
    ),
    "training:booking_cancel": (
        Case(
            "the practitioner's own booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            fill=booking_own,
        ),
        Case(
            "another person's booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            fill=booking_other,
        ),
    ),
    # Read-only roles see de-identified material only (docs/roles.md): another person's
    # certificate, a register, other people's bookings and statements name people (404).
    "training:certificate_download": (
        Case(
            "another person's certificate",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_ALLOWED),
            fill=certificate_other,
        ),
    ),
    "training:agency_statement": (
        Case(
            "agency A",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD}, OK)),
            post=expect(NOT_ALLOWED),
            fill=agency_a,
        ),
        Case(
            "agency B (agency A's lead may not see it)",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_ALLOWED),
            fill=agency_b,
        ),
    ),
    "training:certificate_verify_code": (
        Case(
            "another person's certificate's code",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=lambda w: {"code": w.certificate_other.code},
        ),
    ),
    "training:impact_report": (
        Case(
            "a reporting year",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=lambda w: {"year": "2020-21"},
        ),
    ),
    # Leaving the waiting list: a confirmation page; a booking not waiting (these are
    # confirmed) sends its owner back with a message (OK). Staff may look, not change.
    "training:waitlist_leave": (
        Case(
            "the practitioner's own booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            fill=booking_own,
        ),
        Case(
            "another person's booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            fill=booking_other,
        ),
    ),
    "training:offer_accept": (
        Case(
            "the practitioner's own booking",
            get=expect(NOT_ALLOWED),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            fill=booking_own,
        ),
        Case(
            "another person's booking",
            get=expect(NOT_ALLOWED),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            fill=booking_other,
        ),
    ),
    "training:certificate_revoke": (
        Case(
            "another person's certificate",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            fill=certificate_other,
        ),
    ),
    "training:course_detail": (
        Case(
            "course",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=course,
        ),
    ),
    "training:course_update": (
        Case(
            "course",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=course,
        ),
    ),
    "training:evaluation_create": (
        Case(
            "the practitioner's own booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN), ({PRACTITIONER}, OK)),
            fill=booking_own,
        ),
        Case(
            "another person's booking",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, FORBIDDEN)),
            fill=booking_other,
        ),
    ),
    "training:session_book": (
        Case(
            "session",
            get=expect(NOT_ALLOWED),
            post=expect(OK, ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)),
            fill=session,
        ),
    ),
    "training:session_cancel": (
        Case(
            "session",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=session,
        ),
    ),
    "training:session_create": (
        Case(
            "course",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=course,
        ),
    ),
    "training:session_detail": (
        Case(
            "session",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=session,
        ),
    ),
    "training:session_register": (
        Case(
            "session",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK)),
            fill=session,
        ),
    ),
    "training:session_update": (
        Case(
            "session",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=session,
        ),
    ),
}


def _both(label: str, answers: Expectations, fill: Any) -> Case:
    return Case(label, get=answers, post=answers, fill=fill)


def _pk(name: str) -> Any:
    return lambda w: {"pk": w.records[name].pk}


# Leads (agency A's), staff and the read-only roles see the needs survey and validations; the
# validation review is staff's; sending a course again and answering the survey are the
# agency lead's (staff and read-only roles may look at the validation, 403 on the write).
MANAGEMENT = STAFF | READ_ONLY
ENTRIES.update(
    {
        "training:needs_survey_detail": (
            read_page(
                "the open needs survey",
                expect(NOT_FOUND, (MANAGEMENT | {LEAD}, OK)),
                fill=_pk("needs_survey"),
            ),
        ),
        # Answering is a write on GET too: staff and read-only roles see the survey, 403 here.
        "training:needs_response_create": (
            _both(
                "the open needs survey",
                expect(NOT_FOUND, (MANAGEMENT, FORBIDDEN), (LEAD, OK)),
                _pk("needs_survey"),
            ),
        ),
        "training:validation_detail": (
            Case(
                "agency A's validation",
                get=expect(NOT_FOUND, (MANAGEMENT | {LEAD}, OK)),
                post=expect(NOT_FOUND, (STAFF, OK), (READ_ONLY | {LEAD}, FORBIDDEN)),
                fill=_pk("validation_a"),
            ),
            Case(
                "agency B's validation (agency A's lead may not see it)",
                get=expect(NOT_FOUND, (MANAGEMENT, OK)),
                post=expect(NOT_FOUND, (STAFF, OK), (READ_ONLY, FORBIDDEN)),
                fill=_pk("validation_b"),
            ),
        ),
        "training:validation_resubmit": (
            Case(
                "agency A's validation, changes asked for",
                get=expect(NOT_FOUND, (MANAGEMENT | {LEAD}, OK)),
                post=expect(NOT_FOUND, (MANAGEMENT, FORBIDDEN), (LEAD, OK)),
                fill=_pk("validation_a"),
            ),
            Case(
                "agency B's validation (agency A's lead may not see it)",
                get=expect(NOT_FOUND, (MANAGEMENT, OK)),
                post=expect(NOT_FOUND, (MANAGEMENT, FORBIDDEN)),
                fill=_pk("validation_b"),
            ),
        ),
        # The learner's own answers: a write on GET too, so whoever may only look (staff, the
        # booking agency's lead) gets 403; read-only roles never see bookings (404).
        "training:impact_response_create": (
            _both(
                "the practitioner's own booking",
                expect(NOT_FOUND, (STAFF, FORBIDDEN), (PRACTITIONER, OK)),
                booking_own,
            ),
            _both(
                "another person's booking with agency A",
                expect(NOT_FOUND, (STAFF | {LEAD}, FORBIDDEN)),
                _pk("pending_a"),
            ),
            _both(
                "another person's booking with agency B",
                expect(NOT_FOUND, (STAFF, FORBIDDEN)),
                booking_other,
            ),
        ),
    }
)

MISSING: frozenset[str] = frozenset()
