"""Demo training records (synthetic), stating the seed report's 2020-21 figures from records:

* 18 live webinar sessions between September 2020 and March 2021, with places growing from 20 to
  40 to 100, attended by 573 people (attendance rows recorded from registers, without accounts);
* feedback from 274 attendees: all said the training met their needs, 271 (99%) that the delivery
  was right for them;
* virtual briefings viewed 10,753 times between April 2020 and March 2021 (per-day view counts);
* 9 single-agency courses validated for the police, Early Years Peterborough, Early Help
  Cambridgeshire and Peterborough and the NHS foundation trust;
* a training needs survey and follow-up impact answers.

Every person, comment and course outline is invented. Idempotent: records are looked up by natural
keys (course title, session start, briefing title, agency and course title) before creation.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.services import event_record
from safeguarding.core.demo import aware_at, say
from safeguarding.partnership import services as partnership_services
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training import rules, services, verbs
from safeguarding.training.models import (
    Briefing,
    BriefingDailyViews,
    Course,
    CourseValidation,
    Evaluation,
    ImpactResponse,
    TrainingBooking,
    TrainingNeedsSurvey,
    TrainingSession,
)

WEBINAR_ATTENDED = 573
BRIEFING_VIEWS_2020_21 = 10_753

NEW_AGENCIES: list[tuple[str, str, str | None, str | None]] = [
    # (name, sector, area, parent)
    ("Early Years Peterborough", Agency.Sector.LOCAL_AUTHORITY, "Peterborough", None),
    ("Early Help Cambridgeshire and Peterborough", Agency.Sector.LOCAL_AUTHORITY, None, None),
]
POLICE = "Cambridgeshire Constabulary"
HEALTH_TRUST = "Cambridgeshire and Peterborough Foundation Trust"

COURSES: dict[str, tuple[str, str, int | None]] = {
    # title: (summary, audience, linked priority number)
    "Child Neglect": (
        "Recognising and responding to neglect, with the partnership's neglect strategy and the "
        "countywide neglect assessment tool.",
        "Everyone who works with children and families",
        1,
    ),
    "Child Sexual Abuse: an introduction": (
        "Signs of child sexual abuse, how children tell, and what to do next.",
        "Practitioners in all agencies",
        2,
    ),
    "Sexual Assault Referral Centre (SARC)": (
        "What the SARC offers children and how to refer.",
        "Practitioners in all agencies",
        2,
    ),
    "Child Criminal Exploitation: an introduction": (
        "County lines, the exploitation risk assessment tool and the referral pathway.",
        "Practitioners in all agencies",
        3,
    ),
    "Termly safeguarding workshop": (
        "The latest local and national safeguarding messages, including learning from reviews.",
        "Designated safeguarding leads and managers",
        4,
    ),
}

# (date, course, capacity, attended): the 18 webinars of 2020-21.
WEBINARS: list[tuple[date, str, int, int]] = [
    (date(2020, 9, 10), "Child Neglect", 20, 18),
    (date(2020, 9, 24), "Child Criminal Exploitation: an introduction", 20, 19),
    (date(2020, 10, 8), "Termly safeguarding workshop", 20, 20),
    (date(2020, 10, 22), "Child Neglect", 20, 17),
    (date(2020, 11, 5), "Child Sexual Abuse: an introduction", 40, 38),
    (date(2020, 11, 19), "Sexual Assault Referral Centre (SARC)", 40, 40),
    (date(2020, 12, 3), "Child Criminal Exploitation: an introduction", 40, 35),
    (date(2020, 12, 17), "Child Neglect", 40, 39),
    (date(2021, 1, 7), "Termly safeguarding workshop", 40, 36),
    (date(2021, 1, 21), "Child Criminal Exploitation: an introduction", 40, 37),
    (date(2021, 2, 4), "Child Neglect", 100, 30),
    (date(2021, 2, 11), "Child Neglect", 100, 35),
    (date(2021, 2, 18), "Child Sexual Abuse: an introduction", 100, 40),
    (date(2021, 2, 25), "Child Criminal Exploitation: an introduction", 100, 32),
    (date(2021, 3, 4), "Child Neglect", 100, 36),
    (date(2021, 3, 11), "Termly safeguarding workshop", 100, 34),
    (date(2021, 3, 18), "Child Criminal Exploitation: an introduction", 100, 33),
    (date(2021, 3, 25), "Child Neglect", 100, 34),
]
# Feedback forms came in once places reached 100: every attendee of those sessions answered.
FEEDBACK_FROM_CAPACITY = 100
DELIVERY_NOT_RIGHT = 3  # of 274: 271/274 rounds to 99%

ATTENDEE_AGENCIES = [
    "Children Social Care",
    POLICE,
    "Primary School",
    "Secondary School",
    "Cambridgeshire Community Services",
    HEALTH_TRUST,
    "North West Anglia Hospitals",
    "Early Help Cambridgeshire and Peterborough",
    "Early Years Peterborough",
    "Voluntary sector representatives",
    "Cross Keys Homes – representing Housing",
    "Further Education",
]

COMMENTS = [
    "Really helpful subject, and good to be able to join from home.",
    "Clear and well paced, with links to further reading.",
    "Kept me engaged throughout; the case examples helped.",
    "Good use of the chat to ask questions.",
]
IMPACT_ANSWERS = [
    "I now use the neglect assessment tool before every referral.",
    "I record the child's own words in my assessments.",
    "I raise concerns with other agencies sooner and follow the escalation policy.",
    "I check the exploitation risk assessment tool when a child goes missing.",
]

BRIEFINGS: list[tuple[str, date, str, int]] = [
    # (title, published, summary, share of the year's views in thousandths)
    (
        "Safeguarding for community volunteers",
        date(2020, 4, 3),
        "What every new volunteer needs to know about safeguarding children during Covid.",
        220,
    ),
    (
        "Safeguarding from online abuse",
        date(2020, 4, 17),
        "Online risks to children during lockdown and how to respond.",
        200,
    ),
    (
        "Safeguarding during Covid",
        date(2020, 5, 15),
        "Keeping children visible when services move online.",
        150,
    ),
    (
        "Online harms: exploitation and sexual abuse",
        date(2020, 7, 10),
        "Child sexual and criminal exploitation online.",
        140,
    ),
    (
        "The lived experience of the child",
        date(2020, 9, 4),
        "Putting the child's daily life at the centre of assessments.",
        120,
    ),
    (
        "Resolving professional differences",
        date(2020, 10, 2),
        "The partnership's escalation policy, renamed and explained.",
        100,
    ),
    (
        "Child neglect and the assessment tool",
        date(2021, 3, 1),
        "The countywide neglect assessment tool, from the February 2021 workshops.",
        70,
    ),
]
CHECK_QUESTIONS = [
    {
        "question": "Who should you tell if you are worried about a child?",
        "options": ["Nobody", "Your safeguarding lead or the front door", "The child's friends"],
        "answer": "Your safeguarding lead or the front door",
    },
    {
        "question": "Should you promise a child to keep a secret?",
        "options": ["Yes", "No"],
        "answer": "No",
    },
]

VALIDATIONS: list[tuple[str, str, date]] = [
    (POLICE, "Safeguarding children for response officers", date(2020, 6, 12)),
    (POLICE, "Child exploitation for neighbourhood teams", date(2020, 9, 18)),
    (POLICE, "Domestic abuse and the child's experience", date(2021, 1, 15)),
    ("Early Years Peterborough", "Safeguarding in early years settings", date(2020, 7, 3)),
    ("Early Years Peterborough", "Designated lead refresher for nurseries", date(2021, 2, 5)),
    ("Early Help Cambridgeshire and Peterborough", "Early help and neglect", date(2020, 10, 9)),
    (
        "Early Help Cambridgeshire and Peterborough",
        "Working with families: consent and information sharing",
        date(2021, 3, 12),
    ),
    (HEALTH_TRUST, "Safeguarding children level 3 for mental health staff", date(2020, 8, 14)),
    (HEALTH_TRUST, "Think family: adult services and children", date(2020, 12, 4)),
]


def _agency(name: str) -> Agency | None:
    return Agency.objects.filter(name=name).first()


def _agencies() -> None:
    for name, sector, area_name, parent_name in NEW_AGENCIES:
        if _agency(name):
            continue
        from safeguarding.partnership.models import Area

        partnership_services.agency_create(
            actor=None,
            name=name,
            sector=sector,
            area=Area.objects.filter(name=area_name).first() if area_name else None,
            parent=_agency(parent_name) if parent_name else None,
            on_board=False,
            name_since=date(2019, 4, 1),
        )
    if not _agency(HEALTH_TRUST):
        partnership_services.agency_create(
            actor=None, name=HEALTH_TRUST, sector=Agency.Sector.HEALTH, on_board=False
        )
    if not _agency(POLICE):
        partnership_services.agency_create(
            actor=None, name=POLICE, sector=Agency.Sector.POLICE, on_board=False
        )


def _courses() -> dict[str, Course]:
    courses = {}
    for title, (summary, audience, number) in COURSES.items():
        course = Course.objects.filter(title=title).first()
        if course is None:
            priority = (
                Priority.objects.filter(number=number).order_by("-period_start").first()
                if number
                else None
            )
            course = services.course_create(
                actor=None,
                title=title,
                summary=summary,
                audience=audience,
                format=Course.Format.LIVE_WEBINAR,
                level=Course.Level.CORE,
                priority=priority,
                evaluation_questions=["What will you do differently after this training?"],
            )
        courses[title] = course
    return courses


def _webinars(courses: dict[str, Course]) -> None:
    attendee_agencies = [a for a in (_agency(n) for n in ATTENDEE_AGENCIES) if a is not None]
    counter = 0
    for day, title, capacity, attended in WEBINARS:
        starts_at = aware_at(day)
        session = TrainingSession.objects.filter(
            course=courses[title], starts_at=starts_at
        ).first()
        if session is None:
            session = services.session_create(
                actor=None,
                course=courses[title],
                starts_at=starts_at,
                duration_minutes=90,
                joining_link="https://meet.example/partnership-webinar",
                trainer_name="Independent Safeguarding Partnership Service",
                capacity=capacity,
                allow_past=True,  # the 2020-21 webinars, recorded from paper registers
            )
        if session.bookings.exists():
            counter += attended
            continue
        bookings = [
            TrainingBooking(
                session=session,
                learner=None,
                agency=attendee_agencies[(counter + i) % len(attendee_agencies)],
                status=TrainingBooking.Status.CONFIRMED,
                attendance=TrainingBooking.Attendance.ATTENDED,
            )
            for i in range(attended)
        ]
        counter += attended
        TrainingBooking.objects.bulk_create(bookings)
        event_record(
            actor=None,
            verb=verbs.ATTENDANCE_IMPORTED,
            target=session,
            data={"attended": attended, "source": "paper register (demo)"},
        )
        if capacity >= FEEDBACK_FROM_CAPACITY:
            _feedback(session)


def _feedback(session: TrainingSession) -> None:
    already = Evaluation.objects.filter(booking__session__capacity__gte=FEEDBACK_FROM_CAPACITY)
    not_right_so_far = already.filter(delivery_right=False).count()
    evaluations = []
    for i, booking in enumerate(session.bookings.order_by("id")):
        delivery_right = not (not_right_so_far < DELIVERY_NOT_RIGHT and i == 0)
        if not delivery_right:
            not_right_so_far += 1
        evaluations.append(
            Evaluation(
                booking=booking,
                met_needs=True,
                delivery_right=delivery_right,
                rating=5 if i % 3 else 4,
                comments=COMMENTS[i % len(COMMENTS)] if i % 5 == 0 else "",
                submitted_at=session.starts_at + timedelta(hours=2),
            )
        )
    Evaluation.objects.bulk_create(evaluations)


def _impact() -> None:
    if ImpactResponse.objects.exists():
        return
    bookings = TrainingBooking.objects.filter(
        session__starts_at__date__lte=date(2021, 1, 31),
        attendance=TrainingBooking.Attendance.ATTENDED,
    ).order_by("id")[:40:2]
    responses = []
    for i, booking in enumerate(bookings):
        changed = i % 5 != 4
        responses.append(
            ImpactResponse(
                booking=booking,
                practice_changed=changed,
                how=IMPACT_ANSWERS[i % len(IMPACT_ANSWERS)] if changed else "",
                submitted_at=booking.session.starts_at + timedelta(days=91),
            )
        )
    ImpactResponse.objects.bulk_create(responses)


def _briefings() -> None:
    year_end = date(2021, 3, 31)
    weights = [share for *_rest, share in BRIEFINGS]
    remaining = BRIEFING_VIEWS_2020_21
    for index, (title, published, summary, share) in enumerate(BRIEFINGS):
        briefing = Briefing.objects.filter(title=title).first()
        if briefing is None:
            briefing = services.briefing_create(
                actor=None,
                title=title,
                summary=summary,
                content_url="https://sway.example/partnership-briefing",
                published_on=published,
                check_questions=CHECK_QUESTIONS,
            )
        if briefing.daily_views.exists():
            remaining -= sum(briefing.daily_views.values_list("views", flat=True))
            continue
        last = index == len(BRIEFINGS) - 1
        total = remaining if last else BRIEFING_VIEWS_2020_21 * share // sum(weights)
        remaining -= total
        days = [published + timedelta(days=d) for d in range(0, (year_end - published).days + 1)]
        per_day, extra = divmod(total, len(days))
        BriefingDailyViews.objects.bulk_create(
            BriefingDailyViews(briefing=briefing, day=day, views=per_day + (1 if i < extra else 0))
            for i, day in enumerate(days)
        )


def _validations() -> None:
    for agency_name, title, validated_on in VALIDATIONS:
        agency = _agency(agency_name)
        if agency is None or CourseValidation.objects.filter(agency=agency, title=title).exists():
            continue
        validation = services.validation_submit(
            actor=None,
            agency=agency,
            title=title,
            content_outline="Recognising concerns; responding; recording; referring; "
            "the partnership's procedures and tools.",
            materials="Slides built on the partnership's toolkit; handouts.",
            trainer="The agency's safeguarding trainer",
            audience="The agency's front-line staff",
            submitted_on=validated_on - timedelta(days=21),
        )
        services.validation_review(
            actor=None,
            validation=validation,
            checklist={key: True for key, _label in rules.VALIDATION_CHECKLIST},
            notes="Meets the partnership's standards.",
            decision=CourseValidation.Status.VALIDATED,
            expires_on=validated_on.replace(year=validated_on.year + 2),
            validated_on=validated_on,
            expected_version=None,
        )


def _needs_survey() -> None:
    survey = TrainingNeedsSurvey.objects.filter(year_label="2020-21").first()
    if survey is None:
        survey = services.needs_survey_create(
            actor=None,
            year_label="2020-21",
            opens_on=date(2020, 6, 1),
            closes_on=date(2020, 7, 31),
        )
    priorities = list(
        Priority.objects.filter(
            period_start__lte=date(2020, 6, 1), period_end__gte=date(2020, 6, 1)
        )
    )
    answers = [
        (POLICE, "Mandatory e-learning and a face-to-face day for response officers."),
        (HEALTH_TRUST, "Level 3 safeguarding children training for all clinical staff."),
        ("Early Years Peterborough", "Designated lead training and an annual refresher."),
    ]
    for index, (agency_name, offered) in enumerate(answers):
        agency = _agency(agency_name)
        if agency is None or survey.responses.filter(agency=agency).exists():
            continue
        services.needs_response_submit(
            actor=None,
            survey=survey,
            agency=agency,
            training_offered=offered,
            gaps=[
                (
                    p,
                    (p.number + index) % 3 != 0,
                    "" if (p.number + index) % 3 else "Not covered yet.",
                )
                for p in priorities
            ],
        )


def _upcoming(courses: dict[str, Course]) -> None:
    """A coming date for each course, so the live catalogue has something to book."""
    now = timezone.now()
    for offset, course in enumerate(courses.values()):
        if course.sessions.filter(starts_at__gt=now).exists():
            continue
        day = timezone.localdate() + timedelta(days=21 + 7 * offset)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        services.session_create(
            actor=None,
            course=course,
            starts_at=aware_at(day),
            duration_minutes=90,
            joining_link="https://meet.example/partnership-webinar",
            trainer_name="Independent Safeguarding Partnership Service",
            capacity=100,
        )


@transaction.atomic
def seed(*, stdout: TextIO | None = None) -> None:
    _agencies()
    courses = _courses()
    _webinars(courses)
    _impact()
    _briefings()
    _validations()
    _needs_survey()
    _upcoming(courses)
    say(
        stdout,
        f"Training: {TrainingSession.objects.count()} sessions, "
        f"{TrainingBooking.objects.count()} attendance and booking records, "
        f"{Briefing.objects.count()} briefings, {CourseValidation.objects.count()} validations.",
    )
