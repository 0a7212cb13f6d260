"""training: the public course and briefing pages; staff manage; leads validate their agency's
training; everyone signed in has their own bookings and certificates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from safeguarding.core.tests.matrix.spec import (
    FORBIDDEN,
    LEAD,
    NOT_FOUND,
    OK,
    PRACTITIONER,
    READ_ONLY,
    READERS_AND_LEAD,
    STAFF,
    STAFF_AND_LEAD,
    STAFF_AND_READERS,
    STAFF_READ,
    STAFF_WRITE,
    STAFF_WRITE_LEAD_REFUSED,
    Case,
    Expectations,
    Filler,
    action,
    expect,
    form,
    pk,
    public_page,
    read_page,
    same,
)

session = pk("session")
course = pk("course")
# The practitioner's own booking.
booking_own = pk("booking_own")
# Another person's (agency B's practitioner's) booking.
booking_other = pk("booking_other")
certificate_other = pk("certificate_other")
agency_a = pk("agency_a")
agency_b = pk("agency_b")

# The learner's own booking: they act; staff may look (403 on the write).
OWN_BOOKING = expect(NOT_FOUND, (PRACTITIONER, OK), (STAFF, FORBIDDEN))
# Another person's booking: staff may look (403 on the write); everyone else 404.
OTHERS_BOOKING = expect(NOT_FOUND, (STAFF, FORBIDDEN))
# The agency lead's write: staff and the read-only roles may look (403).
LEAD_WRITE = expect(NOT_FOUND, (LEAD, OK), (STAFF | READ_ONLY, FORBIDDEN))


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


def _own_and_other(make: Callable[[str, Expectations, Filler], Case] = same) -> tuple[Case, ...]:
    """The practitioner's own booking and another person's, by a form (or an action)."""
    return (
        make("the practitioner's own booking", OWN_BOOKING, booking_own),
        make("another person's booking", OTHERS_BOOKING, booking_other),
    )


ENTRIES: dict[str, tuple[Case, ...]] = {
    "training:briefing_detail": (
        public_page("a public briefing", lambda w: {"pk": w.briefing.pk}),
    ),
    "training:briefing_complete": (
        same(
            "a public briefing",
            expect(OK, (READ_ONLY, FORBIDDEN)),
            lambda w: {"pk": w.briefing.pk},
        ),
    ),
    # "Do not approve" is a confirmation page (GET); the POST without "approve" refuses.
    "training:booking_approve": (
        same(
            "a booking waiting for approval in agency A",
            STAFF_AND_LEAD,
            lambda w: {"pk": w.pending_a.pk},
        ),
        same(
            "a booking waiting for approval in agency B",
            STAFF_READ,
            lambda w: {"pk": w.pending_b.pk},
        ),
    ),
    "training:register_mark_all": (action("session", STAFF_READ, session),),
    "training:approval_list": (read_page("no object", STAFF_AND_LEAD),),
    "training:booking_list": (read_page("no object", expect(OK)),),
    "training:briefing_create": (same("no object", STAFF_WRITE),),
    "training:briefing_list": (public_page("no object"),),
    "training:certificate_list": (read_page("no object", expect(OK)),),
    "training:certificate_verify": (public_page("no object"),),
    "training:course_create": (same("no object", STAFF_WRITE),),
    "training:course_list": (public_page("no object"),),
    "training:manage": (read_page("no object", STAFF_AND_READERS),),
    "training:needs_survey_create": (same("no object", STAFF_WRITE),),
    "training:needs_survey_list": (read_page("no object", STAFF_AND_READERS),),
    "training:session_add": (same("no object", STAFF_WRITE),),
    "training:statement_list": (read_page("no object", STAFF_AND_LEAD),),
    "training:validation_create": (same("no object", LEAD_WRITE),),
    "training:validation_list": (read_page("no object", READERS_AND_LEAD),),
    "training:agency_training": (
        read_page("agency A", STAFF_AND_LEAD, agency_a),
        read_page("agency B", STAFF_READ, agency_b),
    ),
    "training:booking_calendar": (
        read_page(
            "the practitioner's own booking",
            expect(NOT_FOUND, (STAFF | {PRACTITIONER}, OK)),
            booking_own,
        ),
        read_page("another person's booking", STAFF_READ, booking_other),
    ),
    "training:booking_cancel": _own_and_other(),
    # Read-only roles see de-identified material only (docs/roles.md): another person's
    # certificate, a register, other people's bookings and statements name people (404).
    "training:certificate_download": (
        read_page("another person's certificate", STAFF_READ, certificate_other),
    ),
    "training:agency_statement": (
        read_page("agency A", STAFF_AND_LEAD, agency_a),
        read_page("agency B (agency A's lead may not see it)", STAFF_READ, agency_b),
    ),
    "training:certificate_verify_code": (
        public_page(
            "another person's certificate's code", lambda w: {"code": w.certificate_other.code}
        ),
    ),
    "training:impact_report": (
        read_page("a reporting year", STAFF_AND_READERS, lambda w: {"year": "2020-21"}),
    ),
    # Leaving the waiting list: a confirmation page; a booking not waiting (these are
    # confirmed) sends its owner back with a message (OK). Staff may look, not change.
    "training:waitlist_leave": _own_and_other(),
    "training:offer_accept": _own_and_other(action),
    "training:certificate_revoke": (
        same("another person's certificate", STAFF_READ, certificate_other),
    ),
    "training:course_detail": (public_page("course", course),),
    "training:course_update": (same("course", STAFF_WRITE, course),),
    "training:evaluation_create": _own_and_other(),
    "training:session_book": (action("session", expect(OK, (READ_ONLY, FORBIDDEN)), session),),
    "training:session_cancel": (same("session", STAFF_WRITE, session),),
    "training:session_create": (same("course", STAFF_WRITE, course),),
    "training:session_detail": (public_page("session", session),),
    "training:session_register": (same("session", STAFF_READ, session),),
    "training:session_update": (same("session", STAFF_WRITE, session),),
}


# Leads (agency A's), staff and the read-only roles see the needs survey and validations; the
# validation review is staff's; sending a course again and answering the survey are the
# agency lead's (staff and read-only roles may look at the validation, 403 on the write).
ENTRIES.update(
    {
        "training:needs_survey_detail": (
            read_page("the open needs survey", READERS_AND_LEAD, pk("needs_survey")),
        ),
        # Answering is a write on GET too: staff and read-only roles see the survey, 403 here.
        "training:needs_response_create": (
            same("the open needs survey", LEAD_WRITE, pk("needs_survey")),
        ),
        "training:validation_detail": (
            Case(
                "agency A's validation",
                get=READERS_AND_LEAD,
                post=STAFF_WRITE_LEAD_REFUSED,
                fill=pk("validation_a"),
            ),
            form(
                "agency B's validation (agency A's lead may not see it)",
                STAFF_AND_READERS,
                pk("validation_b"),
            ),
        ),
        "training:validation_resubmit": (
            Case(
                "agency A's validation, changes asked for",
                get=READERS_AND_LEAD,
                post=LEAD_WRITE,
                fill=pk("validation_a"),
            ),
            Case(
                "agency B's validation (agency A's lead may not see it)",
                get=STAFF_AND_READERS,
                post=expect(NOT_FOUND, (STAFF | READ_ONLY, FORBIDDEN)),
                fill=pk("validation_b"),
            ),
        ),
        # The learner's own answers: a write on GET too, so whoever may only look (staff, the
        # booking agency's lead) gets 403; read-only roles never see bookings (404).
        "training:impact_response_create": (
            same("the practitioner's own booking", OWN_BOOKING, booking_own),
            same(
                "another person's booking with agency A",
                expect(NOT_FOUND, (STAFF | {LEAD}, FORBIDDEN)),
                pk("pending_a"),
            ),
            same("another person's booking with agency B", OTHERS_BOOKING, booking_other),
        ),
    }
)

MISSING: frozenset[str] = frozenset()
