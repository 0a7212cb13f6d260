"""The demo's published 2020-21 report against the seed report's figures, and its public page
and PDF. The demo is seeded once for the session (the root conftest's `demo_seeded`); each test
runs in a savepoint inside it.

SEED_FIGURES lists every figure of the partnership's 2020-21 report (the seed) that has a
value: what it is, the value as the seed prints it, and where the demo's frozen published
version must show it. The seed's animated counters (population at a glance, and the
safeguarding data for each area) were captured as 0 and have no value; they are not listed.
Checks:
* ("figure", key): the snapshot's published text of that catalogue figure equals the value;
* ("text", section, phrase): the phrase is in that section as published (narrative and
  computed tables, tags and footnote marks removed; "*" for anywhere);
* ("at_least", section, phrase): the phrase holds a number of at least the value ("in excess
  of 18,000");
* ("note", section, phrase): the seed's value cannot come from consistent records or may not
  be published (disclosure control), so the demo shows the computed value with this note.
"""

from __future__ import annotations

import html
import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from safeguarding.annual_reports.models import PublishedVersion

pytestmark = pytest.mark.django_db

Check = tuple[str, ...]
CR = "case_reviews"

SEED_FIGURES: list[tuple[str, str, Check]] = [
    # The foreword
    ("statutory partners who present the report", "three", ("text", "foreword", "three lead")),
    # The area
    ("area of the county in square miles", "1,309", ("text", "area", "covering 1,309 square")),
    ("district councils in the county", "five", ("text", "area", "five district councils")),
    ("county population that is White", "90.3%", ("text", "area", "White (90.3%)")),
    ("county population that is Asian", "5.9%", ("text", "area", "5.9% are Asian")),
    ("county population that is Black", "1.3%", ("text", "area", "1.3% Black")),
    ("languages spoken in Peterborough", "more than 100", ("text", "area", "more than 100 lang")),
    ("Peterborough children with EAL", "more than a third", ("text", "area", "more than a third")),
    ("Cambridge residents who are White", "82.5%", ("text", "area", "82.5% of Cambridge")),
    ("Fenland residents who are White", "97.2%", ("text", "area", "against 97.2% in Fenland")),
    ("Gypsy or Irish Traveller people (2011)", "2,068", ("text", "area", "counted 2,068 people")),
    ("traveller caravans, January 2020", "1,650", ("text", "area", "were 1,650 traveller")),
    ("caravans in East Cambridgeshire", "35%", ("text", "area", "35% of them in East Camb")),
    ("caravans in Fenland", "34%", ("text", "area", "and 34% in Fenland")),
    ("households homeless or threatened", "961", ("text", "area", "961 households had been")),
    ("of them in Peterborough and Huntingdonshire", "49%", ("text", "area", "(49% of them in")),
    ("homeless households with support needs", "535", ("text", "area", "535 of them had supp")),
    ("households in temporary accommodation", "595", ("text", "area", "595 households were")),
    ("of them households with children", "295", ("text", "area", "295 of them were families")),
    ("children in temporary accommodation", "488", ("text", "area", "with 488 children")),
    ("rough sleepers, autumn 2020", "41", ("text", "area", "autumn 2020 41 people")),
    ("rough sleepers in Cambridge", "39%", ("text", "area", "39% of them in Cambridge")),
    ("HMP Whitemoor operational capacity", "459", ("text", "area", "room for 459")),
    ("HMP Whitemoor prisoners", "450", ("text", "area", "it held 450 men")),
    ("HMP Whitemoor foreign nationals", "15%", ("text", "area", "450 men, 15% of them")),
    ("HMP Whitemoor BAME prisoners", "51%", ("text", "area", "and 51% from Black")),
    ("HMP Littlehey capacity", "1,220", ("text", "area", "holds up to 1,220 men")),
    ("HMP Littlehey minimum age", "21", ("text", "area", "men aged 21 and over")),
    ("HMP Littlehey prisoners", "1,211", ("text", "area", "it held 1,211")),
    ("HMP Littlehey foreign nationals", "10.2%", ("text", "area", "10.2% were foreign")),
    ("HMP Littlehey White British", "69%", ("text", "area", "and 69% White British. HMP")),
    ("HMP Peterborough capacity", "over 1,200", ("text", "area", "more than 1,200 in all")),
    ("HMP Peterborough places for men", "868", ("text", "area", "868 places for men")),
    ("HMP Peterborough places for women", "396", ("text", "area", "396 for women")),
    ("HMP Peterborough mother and baby beds", "12", ("text", "area", "a 12-bed mother")),
    ("HMP Peterborough women prisoners", "367", ("text", "area", "counted 367 women")),
    ("HMP Peterborough women under 21", "4%", ("text", "area", "(4% under 21")),
    ("HMP Peterborough women foreign nationals", "18%", ("text", "area", "18% foreign")),
    ("HMP Peterborough women White British", "69%", ("text", "area", "69% White British) and")),
    ("HMP Peterborough men prisoners", "808", ("text", "area", "and 808 men")),
    ("HMP Peterborough men under 21", "7.5%", ("text", "area", "(7.5% under 21")),
    ("HMP Peterborough men foreign nationals", "12.5%", ("text", "area", "12.5% foreign")),
    ("HMP Peterborough men White British", "61.6%", ("text", "area", "61.6% White British)")),
    # The year's events
    ("volunteer training online within", "72 hours", ("text", "events", "Within 72 hours")),
    ("COVID-19 page accessed", "in excess of 18,000", ("at_least", "communications", "covid")),
    ("social media campaign reach", "190,000", ("figure", "context.social_reach")),
    # Priorities (the surveys) and the scrutiny section
    ("CSA surveys run", "3", ("text", "scrutiny", "Three surveys about child sexual abuse")),
    ("children answering the CSA survey", "324", ("text", "scrutiny", "young people 324")),
    ("parents answering the CSA survey", "125", ("text", "scrutiny", "Parents and carers 125")),
    ("professionals answering the CSA survey", "362", ("text", "scrutiny", "Professionals 362")),
    ("practitioners confident to report CSA", "97%", ("text", "scrutiny", "sexual abuse 97%")),
    ("practitioners trained on CSA", "84%", ("text", "scrutiny", "sexual abuse 84%")),
    ("children knowing abusers are often known", "a quarter", ("text", "scrutiny", "know 25%")),
    ("consultation forums a year", "4", ("text", "scrutiny", "met 4 times in the year")),
    ("single-agency courses validated", "9", ("figure", "training.courses_validated")),
    # Practice reviews
    ("CSPRs ongoing from 2019-20", "5", ("figure", f"{CR}.cspr_ongoing_from_previous_year")),
    ("new CSPR referrals commenced", "4", ("figure", "case_reviews.cspr_commenced")),
    ("CSPRs completed (signed off)", "1", ("figure", "case_reviews.cspr_completed")),
    ("ongoing safeguarding adults reviews", "1", ("figure", "case_reviews.sar_ongoing")),
    ("rapid reviews not meeting the criteria", "8", ("figure", "case_reviews.criteria_not_met")),
    ("case reviews published", "1", ("figure", "case_reviews.published")),
    # Child deaths
    ("child deaths notified", "34", ("figure", "child_deaths.notified")),
    ("fewer than 2019-20 (41)", "seven", ("figure", "child_deaths.notified_previous")),
    ("deaths of children living in Cambridgeshire", "25", ("text", "child_deaths", "shire 25")),
    ("deaths in Peterborough", "8", ("note", "child_deaths", "first account gave 8 deaths")),
    ("deaths of babies under one", "49%", ("note", "child_deaths", "first account gave 49%")),
    ("national share of babies under one", "63%", ("text", "child_deaths", "average as quoted")),
    ("deaths that were suicides", "4", ("note", "child_deaths", "Fewer than six of the deaths")),
    ("child death reviews completed", "40", ("figure", "child_deaths.reviews_completed")),
    ("reviews with modifiable factors", "11", ("figure", "child_deaths.with_modifiable")),
    ("reviews without modifiable factors", "29", ("figure", "child_deaths.without_modifiable")),
    ("reviews within 6 months", "23%", ("text", "child_deaths", "Within 6 months 9 23%")),
    ("reviews within 12 months", "63%", ("text", "child_deaths", "6 to 12 months 25 63%")),
    ("reviews over 12 months", "15%", ("text", "child_deaths", "Over 12 months 6 15%")),
    # Statutory partners' contributions
    ("young people's suicides reviewed earlier", "three", ("text", "contributions", "of 3 young")),
    ("perpetrator programmes funded", "three", ("text", "contributions", "for 3 programmes")),
    ("areas with a specialist DA court", "2", ("text", "contributions", "one of only 2 in")),
    # The scrutineer's report
    ("scrutiny themes", "six", ("text", "scrutineer", "against six themes")),
    ("priorities", "four", ("figure", "about.priorities")),
    # Training
    ("virtual briefing views", "10,753", ("figure", "training.briefing_views")),
    ("length of a virtual briefing", "20 minutes", ("text", "training", "about 20 minutes")),
    ("webinar length (shorter)", "60 minutes", ("text", "training", "of 60 or 90 minutes")),
    ("webinar length (longer)", "90 minutes", ("text", "training", "60 or 90 minutes")),
    ("webinar sessions", "18", ("figure", "training.webinar_sessions")),
    ("people attending webinars", "573", ("figure", "training.webinar_attended")),
    ("places per session at first", "20", ("text", "training", "grew from 20 to")),
    ("places per session later", "40", ("text", "training", "20 to 40 to")),
    ("places per session now", "100", ("text", "training", "40 to 100")),
    ("training met needs", "100%", ("figure", "training.met_needs_percent")),
    ("delivery right for them", "99%", ("figure", "training.delivery_right_percent")),
    # Website and social media
    ("website page views", "275,602", ("figure", "website.page_views")),
    ("website users", "71,987", ("figure", "website.users")),
    ("average visit", "2 minutes", ("text", "communications", "lasted 2 minutes")),
    ("bounce rate", "40%", ("text", "communications", "40% of visits left")),
    ("visitors from search engines", "52%", ("figure", "website.search_share")),
    ("visitors on a desktop", "66%", ("text", "communications", "66% used a desktop")),
    ("visitors on a mobile", "30%", ("figure", "website.mobile_share")),
    ("tweets", "328", ("figure", "context.twitter_posts")),
    ("Twitter impressions", "111,383", ("figure", "context.twitter_impressions")),
    ("retweets", "292", ("figure", "context.twitter_retweets")),
    ("Twitter reactions", "1540", ("figure", "context.twitter_reactions")),
    ("Twitter followers", "1,007", ("figure", "context.twitter_followers")),
    ("Facebook and Instagram posts", "400", ("figure", "context.facebook_posts")),
    ("Facebook and Instagram reach", "80,112", ("figure", "context.facebook_reach")),
    ("Facebook and Instagram reactions", "683", ("figure", "context.facebook_reactions")),
    ("Facebook and Instagram comments", "57", ("figure", "context.facebook_comments")),
    ("Facebook and Instagram shares", "768", ("figure", "context.facebook_shares")),
    ("Facebook followers", "458", ("figure", "context.facebook_followers")),
    ("Instagram followers", "124", ("figure", "context.instagram_followers")),
]

WORDS = {"three": "3", "five": "5", "seven": "7", "four": "4", "six": "6", "a quarter": "25%"}


@pytest.fixture
def version(demo_seeded: None, db: None) -> PublishedVersion:
    return PublishedVersion.objects.select_related("edition").get(
        edition__year_label="2020-21", number=1
    )


def _plain(markup: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    text = re.sub(r"\s*\[\d+\]", "", text)  # footnote marks
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([);,.:]|-bed)", r"\1", text)  # a footnote mark's place


def _sections(version: PublishedVersion) -> dict[str, str]:
    found = {s["key"]: _plain(s["narrative"] + " " + s["module"]) for s in version.sections}
    found["*"] = " ".join(found.values())
    return found


def _normal(value: str) -> str:
    return value.replace(",", "").removeprefix("over ").strip()


def test_the_seed_figures_are_all_listed_once() -> None:
    descriptions = [d for d, _, _ in SEED_FIGURES]
    assert len(descriptions) == len(set(descriptions))
    assert len(SEED_FIGURES) == 109


def test_every_seed_figure_with_a_value_is_in_the_published_demo(
    version: PublishedVersion,
) -> None:
    sections = _sections(version)
    missing = []
    for description, expected, check in SEED_FIGURES:
        kind = check[0]
        if kind == "figure":
            snap = version.figures.get(check[1])
            shown = "" if snap is None else str(snap["text"])
            wanted = WORDS.get(expected, expected)
            if check[1] == "child_deaths.notified_previous":
                ok = snap is not None and snap["value"] - version.figures["child_deaths.notified"][
                    "value"
                ] == int(WORDS[expected])
            else:
                ok = _normal(shown) == _normal(wanted)
        elif kind == "at_least":
            numbers = re.findall(r"covid[^ ]* ([\d,]+)", sections[check[1]])
            ok = bool(numbers) and int(numbers[0].replace(",", "")) >= 18000
        else:
            ok = check[2] in sections[check[1]]
        if not ok:
            missing.append(f"{description}: {expected} ({check})")
    assert missing == [], f"{len(missing)} of {len(SEED_FIGURES)} seed figures missing"


def test_figures_the_records_cannot_give_show_the_computed_value_with_a_note(
    version: PublishedVersion,
) -> None:
    # 49% of 34 is no whole number of deaths: 17 of 34 is published as 50%.
    assert version.figures["child_deaths.under_one"]["text"] == "17"
    assert version.figures["child_deaths.under_one_percent"]["text"] == "50%"
    child_deaths = _sections(version)["child_deaths"]
    assert "Peterborough c c" in child_deaths  # 8 is hidden by secondary suppression
    notes = [c for _, _, c in SEED_FIGURES if c[0] == "note"]
    assert len(notes) == 3


def test_the_demo_sign_offs_are_the_2018_safeguarding_partners(
    version: PublishedVersion,
) -> None:
    # Governance's demo appoints the 2018 safeguarding partners from 29 June 2019 to
    # 30 September 2024; the 2020-21 report was signed off in September 2021.
    signed = {s["role"]: s for s in version.sign_offs}
    assert len(signed) == 3
    assert {s["signed_on"] for s in signed.values()} == {"2021-09-27"}
    assert signed["Local authority"]["signed_by"].startswith("Robin Demo-Partner")
    assert signed["Chief officer of police"]["signed_by"].startswith("Lee Demo-Constable")
    assert signed["Integrated care board (health)"]["signed_by"].startswith("Sky Demo-Nurse")
    edition = version.edition
    for sign_off in edition.sign_offs.select_related("appointment"):
        appointment = sign_off.appointment
        assert appointment is not None
        assert appointment.role == "safeguarding_partner"
        assert sign_off.signed_on is not None
        assert appointment.started_on <= sign_off.signed_on
        assert appointment.ended_on is None or sign_off.signed_on <= appointment.ended_on


def test_the_public_page_and_pdf_keep_the_assurance_tables_frozen(
    client: Client, version: PublishedVersion
) -> None:
    from safeguarding.assurance.models import Survey

    # A later change to the records (the surveys moved out of the year) changes nothing
    # published: the tables were frozen with the version.
    Survey.objects.update(closes_on=date(2019, 1, 1))
    page = client.get(reverse("published_reports:published_version", args=["2020-21", 1]))
    assert page.status_code == 200
    text = _plain(page.content.decode())
    scrutiny = text[text.index("Scrutiny and quality assurance") :]
    assert "Survey respondents by who answered" in scrutiny
    assert "Children and young people 324" in scrutiny
    assert "Professionals 362" in scrutiny
    assert "felt confident in reporting child sexual abuse 97%" in scrutiny
    assert "The scrutineer's judgements by theme" in scrutiny
    # Professional differences by stage: 3, 2 and 1 are shown as c, and their chart is not
    # drawn (a bar would give the value away); the true zero stays 0.
    assert "Stage 1: between practitioners c" in scrutiny
    assert "Stage 4: safeguarding partnership 0" in scrutiny
    module = next(s["module"] for s in version.sections if s["key"] == "scrutiny")
    assert module.count("<svg") == 1  # respondents only: differences are not drawn
    assert module.index("<svg") < module.index("<table")  # the chart, then its table
    pdf = client.get(reverse("published_reports:published_pdf", args=["2020-21", 1]))
    assert pdf.status_code == 200
    reader = PdfReader(io.BytesIO(pdf.content))
    pdf_text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))
    assert "Survey respondents by who answered" in pdf_text
    assert "362" in pdf_text
    assert "The scrutineer's judgements by theme" in pdf_text
    assert "Stage 1: between practitioners c" in pdf_text
