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
from typing import Any, TextIO

from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.annual_reports import services
from safeguarding.annual_reports.models import ContextFigure, ReportEdition
from safeguarding.core.demo import say
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
        "## Who lives here\n\n"
        "Most of the county's people are White ({{ context.white_share }}); "
        "{{ context.asian_share }} are Asian and {{ context.black_share }} Black. Peterborough "
        "is more diverse: more than {{ context.peterborough_languages }} languages are spoken "
        "there, and more than a third of its children speak English as an additional language. "
        "Among the districts, {{ context.cambridge_city_white_share }} of Cambridge residents "
        "are White, against {{ context.fenland_white_share }} in Fenland. The 2011 census "
        "counted {{ context.gypsy_traveller_people }} people of Gypsy or Irish Traveller "
        "background. In January 2020 there were {{ context.caravans }} traveller caravans on "
        "authorised and unauthorised sites, {{ context.caravans_east_cambs_share }} of them in "
        "East Cambridgeshire and {{ context.caravans_fenland_share }} in Fenland.\n\n"
        "## Housing\n\n"
        "By the end of March 2021, {{ context.homeless_households }} households had been "
        "assessed as homeless or threatened with homelessness "
        "({{ context.homeless_peterborough_huntingdonshire_share }} of them in Peterborough and "
        "Huntingdonshire), and {{ context.homeless_support_needs }} of them had support needs. "
        "{{ context.households_in_temporary_accommodation }} households were in temporary "
        "accommodation; {{ context.households_with_children_in_ta }} of them were families, "
        "with {{ context.children_in_temporary_accommodation }} children between them. In "
        "autumn 2020 {{ context.rough_sleepers }} people were sleeping rough, "
        "{{ context.rough_sleepers_cambridge_share }} of them in Cambridge.\n\n"
        "## Prisons\n\n"
        "Three prisons are in the area. HMP Whitemoor, a high-security prison for men, has room "
        "for {{ context.whitemoor_capacity }}; at an inspection in August 2020 it held "
        "{{ context.whitemoor_prisoners }} men, {{ context.whitemoor_foreign_share }} of them "
        "foreign nationals and {{ context.whitemoor_bame_share }} from Black, Asian and "
        "minority ethnic backgrounds. HMP Littlehey holds up to "
        "{{ context.littlehey_capacity }} men aged 21 and over convicted of sexual offences; in "
        "July 2019 it held {{ context.littlehey_prisoners }}, of whom "
        "{{ context.littlehey_foreign_share }} were foreign nationals and "
        "{{ context.littlehey_white_british_share }} White British. HMP Peterborough holds men "
        "and women: {{ context.peterborough_male_places }} places for men and "
        "{{ context.peterborough_female_places }} for women, more than "
        "{{ context.peterborough_capacity }} in all, with a "
        "{{ context.peterborough_mbu_beds }}-bed mother and baby unit. Its last inspection "
        "counted {{ context.peterborough_women }} women "
        "({{ context.peterborough_women_under21_share }} under 21, "
        "{{ context.peterborough_women_foreign_share }} foreign nationals, "
        "{{ context.peterborough_women_white_british_share }} White British) and "
        "{{ context.peterborough_men }} men ({{ context.peterborough_men_under21_share }} under "
        "21, {{ context.peterborough_men_foreign_share }} foreign nationals, "
        "{{ context.peterborough_men_white_british_share }} White British)."
    ),
    "data": (
        "The figures below come from the local authorities' statutory data returns. "
        "In Peterborough there were {{ datasets.referrals.peterborough }} referrals to "
        "children's social care and {{ datasets.contacts.peterborough }} contacts."
    ),
    "events": (
        "## The pandemic\n\n"
        "Within 72 hours of the first lockdown the partnership had safeguarding training "
        "online for new community volunteers, and within a week a page of COVID-19 "
        "safeguarding guidance on its website (its views in the year are in the table of the "
        "most visited pages, under communications). Partners met more often, "
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
        "people were trained on exploitation through the six-weekly virtual CCE sessions. "
        "Partners mapped {{ exploitation.locations_mapped }} places where exploitation was a "
        "concern, and the MACE meetings discussed {{ exploitation.children_discussed }} "
        "children."
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
        "Most of the children lived in Cambridgeshire; the table below gives where they lived, "
        "with the smaller numbers shown as c so that no child can be identified (the "
        "partnership's first account gave 8 deaths in Peterborough). "
        "{{ child_deaths.under_one }} of the children who died were babies under one, "
        "{{ child_deaths.under_one_percent }} of all deaths notified (the partnership's first "
        "account gave 49%, which no whole number of the 34 deaths gives). Fewer than six of the "
        "deaths were suicides: the exact number is not published, to protect the families.\n\n"
        "The panel completed {{ child_deaths.reviews_completed }} reviews, some of deaths "
        "notified as early as 2018; {{ child_deaths.with_modifiable }} "
        "({{ child_deaths.with_modifiable_percent }}) found factors that might be changed to "
        "prevent future deaths and {{ child_deaths.without_modifiable }} did not. Delays in "
        "coroners' inquests meant some reviews took more than a year."
    ),
    "contributions": (
        "Each lead partner contributes to the partnership's budget and its work. Their own "
        "accounts of the year's safeguarding work are summarised here.\n\n"
        "## The local authorities\n\n"
        "Children's services redesigned their parenting programmes as a mix of online and "
        "face-to-face sessions, brought in the Family Safeguarding model in Cambridgeshire, and "
        "after rapid reviews of the suicides of 3 young people in earlier years set up regular "
        "practice workshops with the mental health trust.\n\n"
        "## Health\n\n"
        "The clinical commissioning group joined its safeguarding teams into one, under a head "
        "of safeguarding people, and met health providers regularly through the pandemic."
    ),
    "scrutiny": (
        "The partnership completed {{ assurance.audits_completed }} multi-agency audits this "
        "year and ran its Section 11 self-assessment, with "
        "{{ assurance.section11_submitted }} returns submitted. Consultation and development "
        "forums met 4 times in the year, one for each priority. It validated "
        "{{ training.courses_validated }} single-agency courses.\n\n"
        "Three surveys about child sexual abuse, for young people, for parents and carers and "
        "for professionals, informed the new strategy: their answers are below."
    ),
    "scrutineer": (
        "The independent scrutineer examined the arrangements against six themes and found "
        "them compliant with statutory guidance. The judgements for each theme are in the "
        "scrutiny section."
    ),
    "training": (
        "Face-to-face training stopped in March 2020, so the partnership moved it online. "
        "{{ training.sessions_delivered }} sessions of 60 or 90 minutes were delivered to "
        "{{ training.attended }} people, and the short virtual briefings, of about 20 minutes "
        "each, were viewed {{ training.briefing_views }} times.\n\n"
        "Of the people who gave feedback, {{ training.met_needs_percent }} said the training "
        "met their needs."
    ),
    "communications": (
        "The partnership's website had {{ website.page_views }} page views in the year from "
        "{{ website.users }} users; {{ website.search_share }} of them arrived from a search "
        "engine and {{ website.mobile_share }} used a mobile phone. Visits lasted "
        "{{ context.average_visit_minutes }} minutes on average, and "
        "{{ context.bounce_rate }} of visits left after one page. The training pages were "
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

# (key, label, period, value, source title, publisher, link): the seed's figures about the
# area, each from the published source it names (the links are placeholders); none of them is
# about a person. Keys in PERCENT_KEYS are percentages.
_HOMELESS = (
    "Statutory homelessness statistics",
    "Ministry of Housing, Communities and Local Government",
    "https://www.gov.uk/",
)
_POPULATION = (
    "Population and ethnicity profile",
    "Joint strategic needs assessment",
    "https://www.example.org/jsna",
)
_CARAVANS = (
    "Traveller caravan count, January 2020",
    "Ministry of Housing, Communities and Local Government",
    "https://www.gov.uk/",
)
_ROUGH = (
    "Rough sleeping snapshot, autumn 2020",
    "Ministry of Housing, Communities and Local Government",
    "https://www.gov.uk/",
)
_PRISONS = (
    "Prison inspection reports",
    "HM Inspectorate of Prisons",
    "https://www.justiceinspectorates.gov.uk/hmiprisons/",
)
_WEB = (
    "Website analytics export",
    "The partnership's communications team",
    "https://www.example.org/website-2020-21",
)
CONTEXT: list[tuple[str, str, str, Any, str, str, str]] = [
    ("area_square_miles", "Area of the county", "2021", 1309, "Standard area measurements",
     "Office for National Statistics", "https://www.ons.gov.uk/"),
    ("homeless_households", "Households assessed as homeless or threatened with homelessness",
     "at 31 March 2021", 961, *_HOMELESS),
    ("children_in_temporary_accommodation", "Children in temporary accommodation",
     "at 31 March 2021", 488, *_HOMELESS),
    ("homeless_peterborough_huntingdonshire_share",
     "Homeless households in Peterborough and Huntingdonshire", "at 31 March 2021", 49,
     *_HOMELESS),
    ("homeless_support_needs", "Homeless households with support needs", "at 31 March 2021",
     535, *_HOMELESS),
    ("households_in_temporary_accommodation", "Households in temporary accommodation",
     "at 31 March 2021", 595, *_HOMELESS),
    ("households_with_children_in_ta", "Households with children in temporary accommodation",
     "at 31 March 2021", 295, *_HOMELESS),
    ("white_share", "People who are White", "2020", Decimal("90.3"), *_POPULATION),
    ("asian_share", "People who are Asian", "2020", Decimal("5.9"), *_POPULATION),
    ("black_share", "People who are Black", "2020", Decimal("1.3"), *_POPULATION),
    ("peterborough_languages", "Languages spoken in Peterborough", "2020", 100, *_POPULATION),
    ("cambridge_city_white_share", "Cambridge residents who are White", "2011", Decimal("82.5"),
     *_POPULATION),
    ("fenland_white_share", "Fenland residents who are White", "2011", Decimal("97.2"),
     *_POPULATION),
    ("gypsy_traveller_people", "People of Gypsy or Irish Traveller background", "2011 census",
     2068, *_POPULATION),
    ("caravans", "Traveller caravans", "January 2020", 1650, *_CARAVANS),
    ("caravans_east_cambs_share", "Caravans in East Cambridgeshire", "January 2020", 35,
     *_CARAVANS),
    ("caravans_fenland_share", "Caravans in Fenland", "January 2020", 34, *_CARAVANS),
    ("rough_sleepers", "People sleeping rough", "autumn 2020", 41, *_ROUGH),
    ("rough_sleepers_cambridge_share", "People sleeping rough in Cambridge", "autumn 2020", 39,
     *_ROUGH),
    ("whitemoor_capacity", "HMP Whitemoor operational capacity", "August 2020", 459, *_PRISONS),
    ("whitemoor_prisoners", "HMP Whitemoor prisoners", "August 2020", 450, *_PRISONS),
    ("whitemoor_foreign_share", "HMP Whitemoor foreign nationals", "August 2020", 15, *_PRISONS),
    ("whitemoor_bame_share", "HMP Whitemoor prisoners from BAME backgrounds", "August 2020", 51,
     *_PRISONS),
    ("littlehey_capacity", "HMP Littlehey capacity", "July 2019", 1220, *_PRISONS),
    ("littlehey_prisoners", "HMP Littlehey prisoners", "July 2019", 1211, *_PRISONS),
    ("littlehey_foreign_share", "HMP Littlehey foreign nationals", "July 2019", Decimal("10.2"),
     *_PRISONS),
    ("littlehey_white_british_share", "HMP Littlehey White British", "July 2019", 69,
     *_PRISONS),
    ("peterborough_capacity", "HMP Peterborough operational capacity", "September 2017", 1200,
     *_PRISONS),
    ("peterborough_male_places", "HMP Peterborough places for men", "September 2017", 868,
     *_PRISONS),
    ("peterborough_female_places", "HMP Peterborough places for women", "September 2017", 396,
     *_PRISONS),
    ("peterborough_mbu_beds", "HMP Peterborough mother and baby unit beds", "September 2017",
     12, *_PRISONS),
    ("peterborough_women", "HMP Peterborough women prisoners", "September 2017", 367,
     *_PRISONS),
    ("peterborough_women_under21_share", "HMP Peterborough women under 21", "September 2017", 4,
     *_PRISONS),
    ("peterborough_women_foreign_share", "HMP Peterborough women foreign nationals",
     "September 2017", 18, *_PRISONS),
    ("peterborough_women_white_british_share", "HMP Peterborough women White British",
     "September 2017", 69, *_PRISONS),
    ("peterborough_men", "HMP Peterborough men prisoners", "September 2017", 808, *_PRISONS),
    ("peterborough_men_under21_share", "HMP Peterborough men under 21", "September 2017",
     Decimal("7.5"), *_PRISONS),
    ("peterborough_men_foreign_share", "HMP Peterborough men foreign nationals",
     "September 2017", Decimal("12.5"), *_PRISONS),
    ("peterborough_men_white_british_share", "HMP Peterborough men White British",
     "September 2017", Decimal("61.6"), *_PRISONS),
    ("average_visit_minutes", "Average minutes a visit lasted on the website",
     "1 April 2020 to 31 March 2021", 2, *_WEB),
    ("bounce_rate", "Website visits that left after one page", "1 April 2020 to 31 March 2021",
     40, *_WEB),
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
PERCENT_KEYS = frozenset(
    key for key, *_rest in CONTEXT if key.endswith("_share") or key in {"bounce_rate"}
)

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


SCRUTINEER_CONCLUSION = (
    "Having looked at the evidence for each theme, I am satisfied that the arrangements meet "
    "the statutory guidance and that children in both areas are safeguarded by partners who "
    "work well together. The partnership should keep the pressure of case reviews on its "
    "agencies under watch."
)
POLICE_CONTRIBUTION = (
    "The force kept its child protection teams at full strength through the lockdowns and "
    "moved its safeguarding training online. Officers joined {{ training.webinar_sessions }} "
    "partnership webinars alongside colleagues from health and children's services. With "
    "its partners it won funding for 3 programmes for people who commit domestic abuse, "
    "stalking or violence against their parents, and the area became one of only 2 in the "
    "country with a specialist domestic abuse court with mentoring status."
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
        say(stdout, f"Yearly report {YEAR.label} already there.")
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
            unit=ContextFigure.Unit.PERCENT if key in PERCENT_KEYS else ContextFigure.Unit.COUNT,
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
    say(stdout, f"Yearly report {YEAR.label} written, signed off and published.")
