"""The demo partnership's 2020-21 yearly report: written, signed off by the three lead
safeguarding partners and published (idempotent: nothing is added once the edition exists).

The narrative is written for the demo; figures come from the records through figure tokens.
The report is signed off for 2020-21 by the three safeguarding partners of the 2018
arrangements, as governance's demo appoints them (from 29 June 2019 to 30 September 2024): the
business unit records each sign-off with the day it was given (SIGNED_ON), and the sign-off
rule checks that each is the seat's holder on that day. Every name here is invented.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.annual_reports import services
from safeguarding.annual_reports.models import ContextFigure, ReportEdition
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.demo import demo_email
from safeguarding.partnership.models import Agency

YEAR = ReportingYear(2020)

# The day the three safeguarding partners signed the 2020-21 report off (recorded by the
# business unit): within their 2018 appointments in governance's demo.
SIGNED_ON = date(2021, 9, 27)
SIGNING_ROLES = ("local_authority", "health", "police")

NARRATIVE: dict[str, str] = {
    "foreword": (
        "This is the partnership's account of 2020-21, given on behalf of the three lead "
        "safeguarding partners: the local authorities, the police and health.\n\n"
        "It was a year shaped by the pandemic. Services moved online within days, and the "
        "partnership kept meeting, kept reviewing cases and kept training staff. The report "
        "sets out what we did against our priorities, what we learnt from reviews and from "
        "child deaths, and how we checked the quality of our work.\n\n"
        "We thank every practitioner and volunteer who kept children safe this year."
    ),
    "about": (
        "The partnership covers two local authority areas, an arrangement few partnerships "
        "share. It works through {{ about.board_agencies }} agencies represented on the board, "
        "led by {{ about.statutory_partners }} statutory partner agencies. The structure of "
        "boards and subgroups is shown below."
    ),
    "area": (
        "The area is a mix of a fast-growing city, market towns and wide rural districts, with "
        "one unitary authority and one county council with five district councils, covering "
        "{{ context.area_square_miles }} square miles.\n\n"
        "Children in the unitary area are more likely to speak English as an additional "
        "language, and the share of children in the population there is higher than the "
        "national figure.\n\n"
        "## Housing\n\n"
        "By the end of March 2021, {{ context.homeless_households }} households had been "
        "assessed as homeless or threatened with homelessness, and "
        "{{ context.children_in_temporary_accommodation }} children were living in temporary "
        "accommodation with their families."
    ),
    "data": (
        "The figures below come from the local authorities' statutory data returns. "
        "In Peterborough there were {{ datasets.referrals.peterborough }} referrals to "
        "children's social care and {{ datasets.contacts.peterborough }} contacts."
    ),
    "events": (
        "## The pandemic\n\n"
        "Within a week of the first lockdown the partnership published safeguarding guidance "
        "and short online training for new community volunteers. Partners met more often, "
        "online, to agree how to keep seeing the most vulnerable children.\n\n"
        "Messages about recognising and reporting abuse went out through partners and our own "
        "channels throughout the year."
    ),
    "priorities": (
        "Our priorities overlapping this year numbered {{ about.priorities }}. Each has a lead "
        "subgroup that reports its progress to the board; the commentaries are summarised in "
        "the scrutiny section.\n\n"
        "The board and its subgroups met {{ governance.meetings }} times, with "
        "{{ governance.attendance_percent }} of the expected members (or their deputies) "
        "attending, and recorded {{ governance.decisions }} decisions. Subgroups escalated "
        "{{ governance.escalations }} matters to the board. Partners agreed to contribute "
        "{{ governance.funding_agreed }} to the partnership's budget.\n\n"
        "On priority three, child criminal exploitation, {{ exploitation.people_trained }} "
        "people were trained on exploitation through the six-weekly virtual CCE sessions."
    ),
    "practice_reviews": (
        "The partnership held {{ case_reviews.rapid_reviews_held }} rapid reviews this year: "
        "{{ case_reviews.criteria_met }} met the criteria for a local practice review. "
        "{{ case_reviews.cspr_completed }} practice reviews were completed and "
        "{{ case_reviews.published }} published."
    ),
    "child_deaths": (
        "The child death overview panel was told of {{ child_deaths.notified }} deaths of "
        "children this year, against {{ child_deaths.notified_previous }} the year before. "
        "It completed {{ child_deaths.reviews_completed }} reviews; "
        "{{ child_deaths.with_modifiable_percent }} of them found factors that might be "
        "changed to prevent future deaths."
    ),
    "contributions": (
        "Each lead partner contributes to the partnership's budget and its work. Their own "
        "accounts of the year's safeguarding work are summarised here."
    ),
    "scrutiny": (
        "The partnership completed {{ assurance.audits_completed }} multi-agency audits this "
        "year and ran its Section 11 self-assessment, with "
        "{{ assurance.section11_submitted }} returns submitted."
    ),
    "scrutineer": (
        "The independent scrutineer examined the arrangements against six themes and found "
        "them compliant with statutory guidance. The judgements for each theme are in the "
        "scrutiny section."
    ),
    "training": (
        "Face-to-face training stopped in March 2020, so the partnership moved it online. "
        "{{ training.sessions_delivered }} sessions were delivered to "
        "{{ training.attended }} people, and the short virtual briefings were viewed "
        "{{ training.briefing_views }} times.\n\n"
        "Of the people who gave feedback, {{ training.met_needs_percent }} said the training "
        "met their needs."
    ),
    "communications": (
        "The partnership's website had {{ website.page_views }} page views in the year from "
        "{{ website.users }} users; {{ website.search_share }} of them arrived from a search "
        "engine and {{ website.mobile_share }} used a mobile phone. The training pages were "
        "the most visited after the home page.\n\n"
        "The COVID-19 campaign on social media reached {{ context.social_reach }} people. On "
        "Twitter the partnership posted {{ context.twitter_posts }} times, with "
        "{{ context.twitter_impressions }} impressions, {{ context.twitter_retweets }} retweets "
        "and {{ context.twitter_reactions }} reactions, ending the year with "
        "{{ context.twitter_followers }} followers. On Facebook and Instagram it shared "
        "{{ context.facebook_posts }} posts, reaching {{ context.facebook_reach }} people, with "
        "{{ context.facebook_reactions }} reactions, {{ context.facebook_comments }} comments "
        "and {{ context.facebook_shares }} shares; it had {{ context.facebook_followers }} "
        "followers on Facebook and {{ context.instagram_followers }} on Instagram."
    ),
    "agencies": (
        "The agencies represented on the board are listed in the section about the partnership."
    ),
    "sources": (
        "Figures about the area come from the published sources below; every other figure is "
        "counted from the partnership's own records."
    ),
}

# (key, label, period, value, source title, publisher, link): invented demo values are marked
# as such by their source; none of them is about a person.
CONTEXT = [
    ("area_square_miles", "Area of the county", "2021", 1309, "Standard area measurements",
     "Office for National Statistics", "https://www.ons.gov.uk/"),
    ("homeless_households", "Households assessed as homeless or threatened with homelessness",
     "at 31 March 2021", 961, "Statutory homelessness statistics",
     "Ministry of Housing, Communities and Local Government", "https://www.gov.uk/"),
    ("children_in_temporary_accommodation", "Children in temporary accommodation",
     "at 31 March 2021", 488, "Statutory homelessness statistics",
     "Ministry of Housing, Communities and Local Government", "https://www.gov.uk/"),
] + [
    (key, label, "1 April 2020 to 31 March 2021", value, "Social media account analytics export",
     "The partnership's communications team", "https://www.example.org/social-media-2020-21")
    for key, label, value in (
        ("social_reach", "People reached by the COVID-19 social media campaign", 190000),
        ("twitter_posts", "Tweets posted", 328),
        ("twitter_impressions", "Twitter impressions", 111383),
        ("twitter_retweets", "Retweets", 292),
        ("twitter_reactions", "Reactions on Twitter", 1540),
        ("twitter_followers", "Twitter followers", 1007),
        ("facebook_posts", "Facebook and Instagram posts", 400),
        ("facebook_reach", "Facebook and Instagram reach", 80112),
        ("facebook_reactions", "Reactions on Facebook and Instagram", 683),
        ("facebook_comments", "Comments on Facebook and Instagram", 57),
        ("facebook_shares", "Shares on Facebook and Instagram", 768),
        ("facebook_followers", "Facebook followers", 458),
        ("instagram_followers", "Instagram followers", 124),
    )
]  # fmt: skip

YOUNG_PEOPLE = (
    "## What is this report about?\n\n"
    "Lots of people work to keep children safe: social workers, the police, doctors and "
    "nurses, teachers and many more. This report says what they did together this year.\n\n"
    "- We trained {{ training.attended }} people who work with children.\n"
    "- We looked carefully at times when things went wrong, to learn from them.\n"
    "- We asked children and young people what they think, and listened.\n\n"
    "If you are worried about yourself or a friend, talk to an adult you trust or call "
    "Childline on 0800 1111."
)


def _say(stdout: TextIO | None, text: str) -> None:
    if stdout is not None:
        stdout.write(text + "\n")


SCRUTINEER_CONCLUSION = (
    "Having looked at the evidence for each theme, I am satisfied that the arrangements meet "
    "the statutory guidance and that children in both areas are safeguarded by partners who "
    "work well together. The partnership should keep the pressure of case reviews on its "
    "agencies under watch."
)
POLICE_CONTRIBUTION = (
    "The force kept its child protection teams at full strength through the lockdowns and "
    "moved its safeguarding training online. Officers joined {{ training.webinar_sessions }} "
    "partnership webinars alongside colleagues from health and children's services."
)


def _seed_scrutineer(officer: User, edition: ReportEdition) -> None:
    parts = services.scrutineer_parts_create(actor=officer, edition=edition)
    conclusion = parts[-1]
    services.scrutineer_part_update(
        actor=officer,
        part=conclusion,
        expected_version=conclusion.version,
        title=conclusion.title,
        body=SCRUTINEER_CONCLUSION,
    )


def _seed_contribution(officer: User, edition: ReportEdition) -> None:
    police = Agency.objects.active().filter(statutory_role="police").order_by("name").first()
    assert police is not None
    contribution = services.contribution_request(
        actor=officer,
        edition=edition,
        section=edition.sections.get(key="contributions"),
        agency=police,
        title="The police's year",
        brief="The force's safeguarding work in 2020-21, in three or four sentences.",
        due_on=timezone.localdate(),
    )
    author = User.objects.get(email=demo_email("agency.lead"))
    services.contribution_update(
        actor=author,
        contribution=contribution,
        expected_version=contribution.version,
        body=POLICE_CONTRIBUTION,
    )
    services.contribution_submit(actor=author, contribution=contribution)
    services.contribution_accept(actor=officer, contribution=contribution)


@transaction.atomic
def seed(*, stdout: TextIO | None = None) -> None:
    if ReportEdition.objects.filter(year_label=YEAR.label).exists():
        _say(stdout, f"Yearly report {YEAR.label} already there.")
        return
    officer = User.objects.get(email=demo_email("officer"))
    edition = services.report_edition_create(
        actor=officer,
        year=YEAR,
        title=f"Safeguarding children partnership: annual report {YEAR.label}",
    )
    for key, label, period, value, title, publisher, url in CONTEXT:
        services.context_figure_create(
            actor=officer,
            edition=edition,
            key=key,
            label=label,
            area=None,
            period=period,
            value=Decimal(value),
            unit=ContextFigure.Unit.COUNT,
            source_title=title,
            source_publisher=publisher,
            source_url=url,
            accessed_on=date(2021, 6, 30),
        )
    for section in edition.sections.all():
        services.report_section_update(
            actor=officer,
            section=section,
            expected_version=section.version,
            title=section.title,
            module_section=section.module_section,
            hidden=False,
            body=NARRATIVE.get(section.key, ""),
        )
    edition.refresh_from_db()
    services.report_edition_update(
        actor=officer,
        edition=edition,
        expected_version=edition.version,
        title=edition.title,
        young_people_summary=YOUNG_PEOPLE,
    )
    _seed_scrutineer(officer, edition)
    _seed_contribution(officer, edition)
    services.report_edition_submit(actor=officer, edition=edition)
    for role in SIGNING_ROLES:
        agency = Agency.objects.active().filter(statutory_role=role).order_by("name").first()
        assert agency is not None, f"the partnership demo has no {role} partner"
        services.report_sign_off_record(
            actor=officer, edition=edition, agency=agency, signed_on=SIGNED_ON
        )
    edition.refresh_from_db()
    services.report_edition_publish(actor=officer, edition=edition)
    _say(stdout, f"Yearly report {YEAR.label} written, signed off and published.")
