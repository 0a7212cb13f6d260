"""Demo child death records (synthetic: invented pseudonyms and 999-prefixed test NHS numbers).

The records are built so that the 2020-21 annual report section states what the partnership's
2020-21 report said, from the records:

* 34 deaths notified in 2020-21 and 41 in 2019-20 (seven fewer);
* 25 children lived in Cambridgeshire, 8 in Peterborough and 1 outside the partnership (the
  seed's own parts sum to 33: the 34th died in a local hospital, lived in another area and is
  reviewed by its home area's panel);
* 17 of the 34 were under one (50%: the seed's 49% cannot come from 34 whole deaths);
* 4 suicides (category 2, reviews awaiting inquests);
* 40 reviews completed in 2020-21 (deaths notified from 2018), 11 with modifiable factors and
  29 without; 9 within 6 months (23%), 25 in 6 to 12 months (63%), 6 over 12 months (15%);
* the national comparator "63% of deaths were under one", entered with its source.

Idempotent: each child is looked up by the keyed hash of pseudonym and date of birth first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

from safeguarding.accounts.models import User
from safeguarding.child_deaths import identity, services
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    DeathCategory,
    NationalComparator,
    PanelReview,
    ReviewMeeting,
)
from safeguarding.core.dates import add_months
from safeguarding.core.demo import say
from safeguarding.core.fields import keyed_hash
from safeguarding.learning.models import Theme
from safeguarding.partnership.models import Agency, Area

FIRST = [
    "Ash", "Bryn", "Cove", "Dale", "Elm", "Fern", "Glen", "Hazel", "Ivo", "Jory", "Kit",
    "Lark", "Moss", "Nell", "Oak", "Pip", "Quill", "Rue", "Sage", "Tam", "Umber", "Vale",
    "Wren", "Yew", "Zeph", "Alder", "Birch", "Cedar", "Dune", "Ember",
]  # fmt: skip
LAST = ["Demo-Brook", "Demo-Field", "Demo-Hill"]

# Ages at death (days) for the 34 deaths notified in 2020-21: 10 at 0-27 days, 7 at 28-364 days,
# 5 at 1-4 years, 3 at 5-9, 4 at 10-14 and 5 at 15-17.
AGES_2020 = [
    0, 1, 2, 3, 5, 7, 10, 14, 20, 27,
    28, 45, 60, 90, 150, 200, 300,
    400, 700, 1000, 1400, 1700,
    2000, 2800, 3400,
    3800, 4300, 4800, 5300,
    5600, 5900, 6100, 6300, 6450,
]  # fmt: skip
SUICIDES_2020 = {27, 29, 30, 33}
PETERBOROUGH_2020 = {1, 5, 9, 13, 17, 21, 25, 29}
OUTSIDE_2020 = 20
HOME_AREA_OUTSIDE = "Suffolk"
CATEGORIES_NOT_MODIFIABLE = [8, 7, 9, 6, 5, 4, 8, 7]
CATEGORIES_MODIFIABLE = [10, 3, 1, 5]
COMPARATOR_SOURCE = "UK national average as quoted in the partnership's 2020-21 annual report"


@dataclass(frozen=True)
class DemoDeath:
    index: int
    died: date
    age_days: int
    area: str  # "Cambridgeshire", "Peterborough" or "" (outside)
    completed: date | None
    modifiable: str
    category: int | None
    delay: str = ""


def _nhs_number(serial: int) -> str:
    while True:
        first_nine = f"999{serial:06d}"
        check = identity.nhs_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"
        serial += 1_000


def _deaths() -> list[DemoDeath]:
    deaths: list[DemoDeath] = []
    # 2018-19: 6 deaths reviewed in 2020-21, over 12 months after the death.
    for k in range(6):
        died = date(2018, 10, 5) + timedelta(days=25 * k)
        deaths.append(
            DemoDeath(
                index=len(deaths),
                died=died,
                age_days=200 + 700 * k,
                area="Peterborough" if k % 3 == 0 else "Cambridgeshire",
                completed=date(2020, 5, 1) + timedelta(days=20 * k),
                modifiable=PanelReview.Modifiable.YES if k < 2 else PanelReview.Modifiable.NO,
                category=CATEGORIES_MODIFIABLE[k] if k < 2 else CATEGORIES_NOT_MODIFIABLE[k],
            )
        )
    # 2019-20: 41 deaths; 16 reviewed within 2019-20, 25 reviewed in 2020-21 in 6-12 months.
    for k in range(41):
        died = date(2019, 4, 3) + timedelta(days=8 * k)
        in_2020_21 = k >= 16
        yes = in_2020_21 and k < 23
        deaths.append(
            DemoDeath(
                index=len(deaths),
                died=died,
                age_days=(30 + 211 * k) % 6400,
                area="Peterborough" if k % 4 == 0 else "Cambridgeshire",
                completed=add_months(died, 9) if in_2020_21 else died + timedelta(150),
                modifiable=PanelReview.Modifiable.YES if yes else PanelReview.Modifiable.NO,
                category=(CATEGORIES_MODIFIABLE if yes else CATEGORIES_NOT_MODIFIABLE)[k % 4],
            )
        )
    # 2020-21: 34 deaths; 9 reviewed within 6 months, 4 suicides awaiting inquests, rest open.
    for k in range(34):
        died = date(2020, 4, 4) + timedelta(days=10 * k)
        reviewed = k < 9
        area = "Peterborough" if k in PETERBOROUGH_2020 else "Cambridgeshire"
        if k == OUTSIDE_2020:
            area = ""
        deaths.append(
            DemoDeath(
                index=len(deaths),
                died=died,
                age_days=AGES_2020[k],
                area=area,
                completed=died + timedelta(days=120) if reviewed else None,
                modifiable=(PanelReview.Modifiable.YES if k < 2 else PanelReview.Modifiable.NO)
                if reviewed
                else "",
                category=(
                    DeathCategory.SUICIDE
                    if k in SUICIDES_2020
                    else (CATEGORIES_MODIFIABLE[k] if k < 2 else CATEGORIES_NOT_MODIFIABLE[k % 8])
                    if reviewed
                    else None
                ),
                delay=(
                    ChildDeathNotification.DelayReason.INQUEST
                    if k in SUICIDES_2020
                    else (
                        ChildDeathNotification.DelayReason.POST_MORTEM
                        if k % 5 == 0 and not reviewed
                        else ""
                    )
                ),
            )
        )
    return deaths


def seed(*, stdout: TextIO | None = None) -> None:
    areas = {a.name: a for a in Area.objects.filter(name__in=["Cambridgeshire", "Peterborough"])}
    if len(areas) < 2:
        say(
            stdout, "Child deaths: the demo areas are missing (run the partnership seed); skipped."
        )
        return
    categories = {c.number: c for c in DeathCategory.objects.all()}
    if len(categories) < 10:
        say(stdout, "Child deaths: the categories of death are missing (run migrations); skipped.")
        return
    created = 0
    cases: list[ChildDeathNotification] = []
    for death in _deaths():
        case, is_new = _seed_death(death, areas, categories)
        created += int(is_new)
        cases.append(case)
    _seed_comparator()
    _seed_meetings(cases)
    _seed_requests(cases)
    _seed_learning_and_actions(cases)
    say(stdout, f"Child deaths: {created} demo notifications added ({len(cases)} in all).")


def _seed_death(
    death: DemoDeath, areas: dict[str, Area], categories: dict[int, DeathCategory]
) -> tuple[ChildDeathNotification, bool]:
    name = f"{FIRST[death.index % len(FIRST)]} {LAST[death.index // len(FIRST)]}"
    born = death.died - timedelta(days=death.age_days)
    key = keyed_hash(
        f"{identity.name_normalise(name)}|{born.isoformat()}", purpose="child_death_name_dob"
    )
    existing = ChildDeathNotification.objects.filter(name_dob_hash=key).first()
    if existing is not None:
        return existing, False
    outside = death.area == ""
    case = services.notification_create(
        actor=None,
        child_name=name,
        date_of_birth=born,
        nhs_number=_nhs_number(100 + death.index),
        sex=ChildDeathNotification.Sex.FEMALE
        if death.index % 2 == 0
        else ChildDeathNotification.Sex.MALE,
        ethnicity="Not stated",
        address="",
        date_of_death=death.died,
        place_of_death=ChildDeathNotification.PlaceOfDeath.HOSPITAL
        if death.index % 3
        else ChildDeathNotification.PlaceOfDeath.HOME,
        expectation=(
            ChildDeathNotification.Expectation.UNEXPECTED
            if death.category in (DeathCategory.SUICIDE, 10, 3, 1) or death.index % 4 == 0
            else ChildDeathNotification.Expectation.EXPECTED
        ),
        joint_agency_response=death.category in (DeathCategory.SUICIDE, 10, 3, 1),
        residence_area=None if outside else areas[death.area],
        home_area_name=HOME_AREA_OUTSIDE if outside else "",
        reviewed_by_this_panel=not outside,
        notified_on=death.died + timedelta(days=1),
        notified_by="Designated doctor for child deaths (demo)",
    )
    if death.delay:
        services.notification_delay_update(
            actor=None,
            notification=case,
            expected_version=None,
            delay_reason=death.delay,
            delay_note="",
        )
    if death.category is not None or death.completed is not None:
        services.panel_review_save(
            actor=None,
            notification=case,
            expected_version=None,
            category=categories.get(death.category) if death.category else None,
            modifiable=death.modifiable,
            modifiable_factors=(
                "Unsafe sleeping arrangements; service engagement"
                if death.modifiable == PanelReview.Modifiable.YES
                else ""
            ),
            completed_on=death.completed,
            factors={
                "child": services.DomainFactor("1"),
                "family": services.DomainFactor(
                    "2" if death.modifiable == PanelReview.Modifiable.YES else "1"
                ),
                "environment": services.DomainFactor("1"),
                "services": services.DomainFactor("1"),
            }
            if death.completed
            else None,
        )
    return case, True


def _seed_comparator() -> None:
    if not NationalComparator.objects.filter(
        reporting_year="2020-21", measure=NationalComparator.Measure.UNDER_ONE
    ).exists():
        services.comparator_save(
            actor=None,
            reporting_year="2020-21",
            measure=NationalComparator.Measure.UNDER_ONE,
            percent=63,
            source=COMPARATOR_SOURCE,
        )


def _seed_meetings(cases: list[ChildDeathNotification]) -> None:
    title = "CDOP panel meeting, March 2021 (demo)"
    if ReviewMeeting.objects.filter(title=title).exists():
        return
    panel = list(User.objects.filter(email__in=["cdop.panel@demo.partnership.example"]))
    agenda = list(cases[47 + 9 : 47 + 15])  # six open 2020-21 cases
    services.meeting_create(
        actor=None,
        kind=ReviewMeeting.Kind.PANEL,
        held_on=date(2021, 3, 18),
        title=title,
        members=panel,
        cases=agenda,
        papers="Agenda, case summaries and draft analysis forms (demo).",
    )


def _seed_requests(cases: list[ChildDeathNotification]) -> None:
    police = Agency.objects.filter(name="Cambridgeshire Constabulary").first()
    health = Agency.objects.filter(name="Cambridgeshire and Peterborough Foundation Trust").first()
    if police is None or health is None:
        return
    for case in cases[47 + 9 : 47 + 13]:
        for agency, contact in ((police, "Demo Police Contact"), (health, "Demo Health Contact")):
            if not case.requests.filter(agency=agency).exists():
                services.information_request_create(
                    actor=None,
                    notification=case,
                    agency=agency,
                    contact_name=contact,
                    contact_email=f"{contact.lower().replace(' ', '.')}@agency.example",
                )


def _seed_learning_and_actions(cases: list[ChildDeathNotification]) -> None:
    review = PanelReview.objects.filter(
        notification=cases[47], modifiable=PanelReview.Modifiable.YES, completed_on__isnull=False
    ).first()
    if review is None:
        return
    title = "Repeat safer sleeping advice at every contact with new parents"
    from safeguarding.learning.selectors import learning_point_list_for_source

    if not learning_point_list_for_source(source=review).filter(title=title).exists():
        themes = list(Theme.objects.filter(name="Safer sleeping", retired_on__isnull=True))
        if themes:
            services.review_learning_record(
                actor=None,
                review=review,
                title=title,
                summary=(
                    "The panel found that safer sleeping advice was given once, at birth. "
                    "Health visitors and midwives should repeat it at every contact and check "
                    "the sleeping arrangements when visiting."
                ),
                themes=themes,
                recorded_on=review.completed_on or date(2020, 8, 1),
                is_published=True,
            )
    from safeguarding.actions.selectors import action_list_for_source

    health = Agency.objects.filter(name="Cambridgeshire and Peterborough Foundation Trust").first()
    if health is not None and not action_list_for_source(source=review).exists():
        services.panel_review_action_add(
            actor=None,
            review=review,
            description="Refresh the safer sleeping campaign with the child safeguarding board.",
            owner_agency=health,
            due_date=date(2021, 6, 30),
        )
