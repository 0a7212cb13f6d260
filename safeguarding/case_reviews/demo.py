"""Demo case reviews (synthetic), shaped so the 2020-21 annual report section states what the
seed report states: 5 CSPRs ongoing from 2019-20 (one of them "Oliver", signed off and published
in the year), 4 CSPRs commissioned in the year, 1 ongoing SAR, 9 rapid reviews decided in the
year (criteria met 1, not met 8) and rapid review learning on professional curiosity, child
sexual abuse, mental ill health and moving between local authorities.

"Oliver" is the pseudonym the partnership's public report already uses; every other pseudonym,
date and text is invented. No child here has identifying details: the identity panels are empty.

Idempotent: notifications are looked up by area, date and summary; reviews by kind and title.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TextIO

from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions import services as action_services
from safeguarding.case_reviews import services
from safeguarding.case_reviews.models import (
    AgencyRequest,
    IncidentNotification,
    PracticeReview,
    RapidReview,
)
from safeguarding.core.demo import say
from safeguarding.learning import selectors as learning_selectors
from safeguarding.learning.models import Theme
from safeguarding.partnership.demo import demo_email
from safeguarding.partnership.models import Agency, Area

OLIVER_SUMMARY = (
    "A baby under one year old was seriously injured when attacked by the family's pet dogs, "
    "and later died of these injuries."
)
OLIVER_KEY_MESSAGE = (
    "never leave a baby or young child unsupervised with a dog, even for a moment, no matter "
    "how well you know that dog"
)
# (title, summary, themes)
OLIVER_FINDINGS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "Follow the pre-birth protocol and complete a full pre-birth assessment",
        "Adherence to the Safeguarding Pre-birth Protocol, undertaking a full pre-birth "
        "assessment and support from the unborn panel will ensure that there is a coherent "
        "multi-agency approach to supporting and protecting the unborn and newly born child.",
        ("Pre-birth assessment",),
    ),
    (
        "Shared responsibility: challenge drift in completing actions",
        "Within the partnership there is shared responsibility for safeguarding and the "
        "completion of actions, where there is apparent drift, failure to complete this should "
        "be appropriately challenged and addressed.",
        ("Escalation and challenge",),
    ),
    (
        "Explore the risks of domestic abuse and coercion",
        "Professionals should take every opportunity to explore the risks of domestic abuse in a "
        "relationship, considering how coercion can be applied. Safe, open conversations about "
        "previous domestic abuse should not be avoided.",
        ("Domestic abuse", "Professional curiosity"),
    ),
    (
        "Consider disclosure under Clare's Law",
        "Where there are concerns regarding previous domestic abuse, consideration should be "
        "given to how much the current partner is aware of and whether consideration of "
        "disclosure under Clare's Law is appropriate.",
        ("Domestic abuse", "Information sharing"),
    ),
]
OLIVER_AGENCIES = (
    "Cambridgeshire Constabulary",
    "Cambridgeshire Community Services",
    "Cambridgeshire County Council",
)
OLIVER_MILESTONES = [
    ("Agency chronologies merged", date(2019, 9, 2), date(2019, 9, 6)),
    ("Practitioner learning event", date(2020, 1, 20), date(2020, 3, 2)),
]
OLIVER_RECOMMENDATIONS = (
    "The partnership reissues the pre-birth protocol and checks, through audit, that unborn "
    "babies with identified risk are referred to the unborn panel.",
    "Partners produce guidance and a resource pack for practitioners and families on the risks "
    "dogs pose to babies and young children.",
)
OLIVER_ACTION = (
    "Develop “dangerous dog” guidance and a resource pack for practitioners and families."
)

# CSPRs ongoing on 1 April 2020: (title, area, decided, commissioned)
EARLIER_CSPRS: list[tuple[str, str, date, date]] = [
    ("Willow", "Cambridgeshire", date(2019, 7, 2), date(2019, 8, 1)),
    ("Jasper", "Peterborough", date(2019, 9, 10), date(2019, 10, 14)),
    ("Indigo", "Cambridgeshire", date(2019, 11, 5), date(2019, 12, 2)),
    ("Marlowe", "Peterborough", date(2020, 1, 14), date(2020, 2, 10)),
]
# CSPRs commissioned in 2020-21 from rapid reviews decided in 2019-20:
# (title, area, aware, commissioned): each rapid review met the criteria in Feb or Mar 2020
CARRIED_CSPRS: list[tuple[str, str, date, date]] = [
    ("Bramble", "Cambridgeshire", date(2020, 1, 27), date(2020, 4, 20)),
    ("Finch", "Peterborough", date(2020, 2, 10), date(2020, 5, 11)),
    ("Juniper", "Cambridgeshire", date(2020, 2, 24), date(2020, 6, 8)),
]
# Rapid reviews decided in 2020-21: (area, aware, decision, learning title, summary, themes)
RAPID_REVIEWS: list[tuple[str, date, str, str, str, tuple[str, ...]]] = [
    (
        "Cambridgeshire",
        date(2020, 5, 4),
        RapidReview.Decision.NOT_MET,
        "Look beyond the presenting concern",
        "Practitioners accepted explanations for missed appointments without checking them. "
        "Ask, check and record what you have verified.",
        ("Professional curiosity",),
    ),
    (
        "Peterborough",
        date(2020, 6, 15),
        RapidReview.Decision.NOT_MET,
        "Recognise the signs of child sexual abuse within the family",
        "Changes in behaviour at school were not connected to possible abuse at home. Use the "
        "partnership's sexual abuse practice guidance when behaviour changes.",
        ("Child sexual abuse",),
    ),
    (
        "Cambridgeshire",
        date(2020, 7, 20),
        RapidReview.Decision.NOT_MET,
        "Consider the impact of a parent's mental ill health on the children",
        "Adult services and children's services held different parts of the picture. Ask about "
        "children at every adult mental health assessment.",
        ("Mental ill health",),
    ),
    (
        "Peterborough",
        date(2020, 8, 24),
        RapidReview.Decision.MET,
        "Pass on what is known when a family moves area",
        "Records did not follow the family when it moved between local authorities. Transfer "
        "plans and speak to the receiving area before the case closes.",
        ("Moving between local authorities",),
    ),
    ("Cambridgeshire", date(2020, 9, 28), RapidReview.Decision.NOT_MET, "", "", ()),
    ("Peterborough", date(2020, 11, 2), RapidReview.Decision.NOT_MET, "", "", ()),
    ("Cambridgeshire", date(2020, 12, 7), RapidReview.Decision.NOT_MET, "", "", ()),
    ("Peterborough", date(2021, 1, 18), RapidReview.Decision.NOT_MET, "", "", ()),
    ("Cambridgeshire", date(2021, 2, 22), RapidReview.Decision.NOT_MET, "", "", ()),
]
IN_YEAR_CSPR = ("Sky", date(2020, 10, 19))  # from the rapid review whose criteria were met
SAR = ("Hazel", "Cambridgeshire", date(2020, 9, 1), date(2020, 10, 5))
EARLIER_SCR = ("Poppy", "Peterborough", date(2018, 3, 5), date(2018, 4, 9))
EARLIER_SCR_FINDING = (
    "See the child, not only the adults",
    "Visits focused on the parents' needs; the child was rarely seen alone. Every visit should "
    "include time with the child and a record of what they said and how they seemed.",
    ("The voice of the child", "Neglect"),
)
CURRENT_SUMMARY = "Demo: a current notification awaiting agency chronologies."


def _themes(names: tuple[str, ...]) -> list[Theme]:
    return list(Theme.objects.filter(name__in=names))


def _notification(
    actor: User, area: Area, aware: date, summary: str, notified: date | None
) -> tuple[IncidentNotification, bool]:
    found = IncidentNotification.objects.filter(area=area, summary=summary).first()
    if found is not None:
        return found, False
    notification = services.incident_notification_create(
        actor=actor,
        area=area,
        incident_type=IncidentNotification.IncidentType.SERIOUS_HARM,
        aware_on=aware,
        notified_on=notified,
        summary=summary,
    )
    return notification, True


def _rapid_review(
    actor: User, area: Area, aware: date, decision: str, summary: str
) -> tuple[RapidReview, bool]:
    notified = aware + timedelta(days=3)
    notification, created = _notification(actor, area, aware, summary, notified)
    rapid = RapidReview.objects.get(notification=notification)
    if created:
        decided = notified + timedelta(days=19)
        services.rapid_review_update(
            actor=actor,
            rapid_review=rapid,
            expected_version=None,
            meeting_on=decided,
            decision=decision,
            decision_reasons=(
                "The criteria for a local review are met: there is learning about how agencies "
                "worked together."
                if decision == RapidReview.Decision.MET
                else "The learning is already being addressed through single-agency reviews."
            ),
            decided_on=decided,
            sent_to_panel_on=decided + timedelta(days=1),
            panel_response=RapidReview.PanelResponse.AGREES,
            panel_response_on=decided + timedelta(days=20),
        )
    return rapid, created


def _review(
    actor: User,
    kind: str,
    title: str,
    area: Area | None,
    decided: date,
    commissioned: date,
    rapid: RapidReview | None = None,
) -> tuple[PracticeReview, bool]:
    found = PracticeReview.objects.filter(kind=kind, title=title).first()
    if found is not None:
        return found, False
    review = services.practice_review_commission(
        actor=actor,
        kind=kind,
        title=title,
        decided_on=decided,
        commissioned_on=commissioned,
        rapid_review=rapid,
        area=area,
        reviewer="Independent reviewer (demo)",
        methodology="Systems methodology with practitioner events",
        terms_of_reference="Synthetic terms of reference for the demo.",
    )
    services.practice_review_stage_set(
        actor=actor,
        review=review,
        status=PracticeReview.Status.IN_PROGRESS,
        on=commissioned,
        expected_version=None,
    )
    return review, True


def _oliver(actor: User, areas: dict[str, Area]) -> None:
    review, created = _review(
        actor,
        PracticeReview.Kind.CSPR,
        "Oliver",
        areas["Cambridgeshire"],
        date(2019, 5, 7),
        date(2019, 6, 3),
    )
    if not created:
        return
    services.practice_review_update(
        actor=actor,
        review=review,
        expected_version=None,
        summary=OLIVER_SUMMARY,
        key_message=OLIVER_KEY_MESSAGE,
    )
    services.practice_review_agencies_set(
        actor=actor, review=review, agencies=Agency.objects.filter(name__in=OLIVER_AGENCIES)
    )
    for title, due, done in OLIVER_MILESTONES:
        milestone = services.milestone_add(actor=actor, review=review, title=title, due_on=due)
        services.milestone_complete(actor=actor, milestone=milestone, on=done)
    for text in OLIVER_RECOMMENDATIONS:
        services.recommendation_add(actor=actor, review=review, text=text)
    services.practice_review_target_revise(
        actor=actor,
        review=review,
        new_target_on=date(2020, 9, 30),
        reason="Criminal proceedings had to conclude before family members could contribute.",
    )
    for status, on in (
        (PracticeReview.Status.REPORT_RECEIVED, date(2020, 9, 14)),
        (PracticeReview.Status.SIGNED_OFF, date(2020, 11, 12)),
    ):
        services.practice_review_stage_set(
            actor=actor, review=review, status=status, on=on, expected_version=None
        )
    for title, summary, themes in OLIVER_FINDINGS:
        services.finding_record(
            actor=actor,
            review=review,
            title=title,
            summary=summary,
            themes=_themes(themes),
            recorded_on=date(2020, 11, 12),
        )
    services.practice_review_advance_copy_record(actor=actor, review=review, on=date(2021, 1, 25))
    services.practice_review_stage_set(
        actor=actor,
        review=review,
        status=PracticeReview.Status.PUBLISHED,
        on=date(2021, 2, 8),
        expected_version=None,
        publication_url="https://www.example.org/case-reviews/oliver",
    )
    police = Agency.objects.filter(name="Cambridgeshire Constabulary").first()
    if police is not None:
        lead = User.objects.filter(email=demo_email("agency.lead")).first()
        action = services.practice_review_action_add(
            actor=actor,
            review=review,
            description=OLIVER_ACTION,
            owner_agency=police,
            owner_person=lead,
            due_date=date(2021, 6, 30),
            success_measure="The pack is published on the partnership website.",
        )
        action_services.action_progress_add(
            actor=lead or actor,
            action=action,
            note="Draft guidance shared with the dog legislation officer for comment.",
            status="on_track",
        )
    for kind, title, held_on, reach in (
        ("briefing", "Oliver: learning for every practitioner", date(2021, 2, 15), 240),
        ("workshop", "Learning workshop: babies and dogs", date(2021, 3, 10), 65),
    ):
        services.dissemination_add(
            actor=actor, review=review, kind=kind, title=title, held_on=held_on, reach=reach
        )


def _earlier_scr(actor: User, areas: dict[str, Area]) -> None:
    """A serious case review from before the CSPR system, kept for the learning history."""
    title, area, decided, commissioned = EARLIER_SCR
    review, created = _review(
        actor, PracticeReview.Kind.SCR, title, areas[area], decided, commissioned
    )
    if not created:
        return
    for status, on in (
        (PracticeReview.Status.REPORT_RECEIVED, date(2019, 2, 4)),
        (PracticeReview.Status.SIGNED_OFF, date(2019, 3, 11)),
    ):
        services.practice_review_stage_set(
            actor=actor, review=review, status=status, on=on, expected_version=None
        )
    finding_title, summary, themes = EARLIER_SCR_FINDING
    services.finding_record(
        actor=actor,
        review=review,
        title=finding_title,
        summary=summary,
        themes=_themes(themes),
        recorded_on=date(2019, 3, 11),
    )
    services.practice_review_stage_set(
        actor=actor,
        review=review,
        status=PracticeReview.Status.PUBLISHED,
        on=date(2019, 6, 3),
        expected_version=None,
        publication_url="https://www.example.org/case-reviews/poppy",
    )


def _current(actor: User, areas: dict[str, Area]) -> None:
    today = timezone.localdate()
    notification, created = _notification(
        actor, areas["Peterborough"], today - timedelta(days=2), CURRENT_SUMMARY, None
    )
    if not created:
        return
    police = Agency.objects.filter(name="Cambridgeshire Constabulary").first()
    if police is not None:
        services.agency_request_create(
            actor=actor,
            rapid_review=notification.rapid_review,
            agency=police,
            due_on=today + timedelta(days=7),
            kind=AgencyRequest.Kind.CHRONOLOGY,
            context="Your contacts with the family over the last 12 months, and anything known "
            "about the home.",
        )
    services.child_add(actor=actor, notification=notification, pseudonym="Robin")


def seed(*, stdout: TextIO | None = None) -> None:
    actor = User.objects.filter(email=demo_email("officer")).first()
    areas = {a.name: a for a in Area.objects.filter(name__in=["Cambridgeshire", "Peterborough"])}
    if actor is None or len(areas) < 2:
        say(stdout, "Case reviews: run the partnership seed first; skipped.")
        return
    if not Theme.objects.exists():
        say(stdout, "Case reviews: the national themes are missing (run migrations); skipped.")
        return
    _oliver(actor, areas)
    for title, area, decided, commissioned in EARLIER_CSPRS:
        _review(actor, PracticeReview.Kind.CSPR, title, areas[area], decided, commissioned)
    for title, area, aware, commissioned in CARRIED_CSPRS:
        rapid, _ = _rapid_review(
            actor, areas[area], aware, RapidReview.Decision.MET, f"Demo incident for {title}."
        )
        _review(
            actor,
            PracticeReview.Kind.CSPR,
            title,
            areas[area],
            rapid.decided_on or aware,
            commissioned,
            rapid,
        )
    for n, (area, aware, decision, title, summary, themes) in enumerate(RAPID_REVIEWS, 1):
        rapid, created = _rapid_review(
            actor, areas[area], aware, decision, f"Demo rapid review {n} of 2020-21."
        )
        if created and title:
            services.rapid_review_learning_record(
                actor=actor,
                rapid_review=rapid,
                title=title,
                summary=summary,
                themes=_themes(themes),
                is_published=True,
            )
        if decision == RapidReview.Decision.MET:
            _review(
                actor,
                PracticeReview.Kind.CSPR,
                IN_YEAR_CSPR[0],
                areas[area],
                rapid.decided_on or aware,
                IN_YEAR_CSPR[1],
                rapid,
            )
    _review(actor, PracticeReview.Kind.SAR, SAR[0], areas[SAR[1]], SAR[2], SAR[3])
    _earlier_scr(actor, areas)
    _current(actor, areas)
    oliver = PracticeReview.objects.get(kind=PracticeReview.Kind.CSPR, title="Oliver")
    points = learning_selectors.learning_point_list_for_source(source=oliver).count()
    say(stdout, f"Case reviews: demo reviews ready (Oliver has {points} findings).")
