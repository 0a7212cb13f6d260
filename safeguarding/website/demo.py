"""The demo partnership's public website: topics, pages, resources, where to report a concern
in each area and district, and the 2020-21 statistics counters.

Narrative is written for the demo. The 2020-21 counters are built so that the statistics page
and the report give the year's published figures: 275,602 page views and 71,987 users; 52% of
users from search engines, 66% on desktops and 30% on mobile phones; after the home page, the
training catalogue was the most visited page, then reporting a concern, then the virtual
briefings; the COVID-19 resource page was opened over 18,000 times. The counters are spread over
the year's days deterministically, so the figures are exact and the demo is idempotent.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any, TextIO

from django.core.files.base import ContentFile
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.core.demo import say
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Area, District
from safeguarding.website.models import (
    Audience,
    FrontDoor,
    Page,
    PageViewDay,
    Resource,
    ResourceVersion,
    SiteDay,
    Tool,
    ToolOutcome,
    ToolRule,
    Topic,
)

YEAR = ReportingYear(2020)
PAGE_VIEWS = 275_602
USERS = 71_987
# Of the users: 52% from search engines; 66% desktop, 30% mobile (the rest tablets).
FROM_SEARCH = 37_433
FROM_SOCIAL = 6_120
FROM_OTHER = 3_874
DESKTOP = 47_511
MOBILE = 21_596

TOPICS = [
    ("Neglect", "neglect", "Spotting and responding to neglect, and the graded care profile."),
    ("Child sexual abuse", "child-sexual-abuse", "Recognising and responding to sexual abuse."),
    ("Exploitation", "exploitation", "Criminal and sexual exploitation, county lines."),
    ("Online safety", "online-safety", "Keeping children safe online."),
    ("Safer sleep", "safer-sleep", "How babies sleep safely."),
    ("Dangerous dogs", "dangerous-dogs", "Babies, children and dogs at home."),
    ("COVID-19", "covid-19", "Safeguarding during the pandemic."),
]

PAGES: list[dict[str, Any]] = [
    {
        "slug": "home",
        "kind": Page.Kind.HOME,
        "title": "Keeping children safe together",
        "summary": "The safeguarding children partnership for the county and the city.",
        "body": (
            "The local authorities, the police and the integrated care board work with "
            "schools, health services and voluntary groups so that children grow up safe.\n\n"
            "Here you can find our training, toolkits, briefings and what we have learnt from "
            "reviews, and where to go if you are worried about a child."
        ),
        "audience": Audience.PROFESSIONALS,
        "topic": None,
    },
    {
        "slug": "about-the-partnership",
        "kind": Page.Kind.ABOUT,
        "title": "About the partnership",
        "summary": "Who we are, how we work and what we are focusing on.",
        "body": (
            "## Who we are\n\nThe three lead safeguarding partners share responsibility for "
            "how agencies work together. An independent scrutineer checks how well we do it.\n\n"
            "## Our priorities\n\n- Neglect\n- Child sexual abuse\n- Child criminal "
            "exploitation\n- Safeguarding adolescents"
        ),
        "audience": Audience.PROFESSIONALS,
        "topic": None,
    },
    {
        "slug": "covid-19-safeguarding",
        "kind": Page.Kind.TOPIC,
        "title": "Safeguarding during COVID-19",
        "summary": "Guidance for volunteers, families and professionals during the pandemic.",
        "body": (
            "Many people started volunteering during lockdown. This page brings together "
            "what they and others need: spotting scams, online safety, domestic abuse, "
            "mental health, and talking with children about the virus.\n\n"
            "If you are worried about a child, [report a concern](/site/report-a-concern/)."
        ),
        "audience": Audience.PROFESSIONALS,
        "topic": "covid-19",
    },
    {
        "slug": "safer-sleep-for-babies",
        "kind": Page.Kind.TOPIC,
        "title": "Safer sleep for babies",
        "summary": "Simple steps that lower the risk of sudden infant death.",
        "body": (
            "Put your baby on their back to sleep, in a clear cot, in the same room as you "
            "for the first six months.\n\n- Never sleep on a sofa or armchair with your baby\n"
            "- Keep the room at a comfortable temperature\n- Do not smoke near your baby"
        ),
        "audience": Audience.PARENTS,
        "topic": "safer-sleep",
    },
    {
        "slug": "dogs-and-young-children",
        "kind": Page.Kind.TOPIC,
        "title": "Dogs and young children",
        "summary": "How to keep babies and toddlers safe around dogs, including the family pet.",
        "body": (
            "Any dog can bite. Never leave a baby or young child alone with a dog, even "
            "for a moment, and keep dogs out of the room where a baby sleeps."
        ),
        "audience": Audience.PARENTS,
        "topic": "dangerous-dogs",
    },
]

# (where the child lives, contact, phone, hours, out of hours) — fictional numbers (01632: Ofcom's
# drama range).
FRONT_DOORS = [
    ("Cambridgeshire", None, "County children's front door", "01632 960 100"),
    ("Peterborough", None, "City children's front door", "01632 960 200"),
    ("Cambridgeshire", "Fenland", "Fenland early help hub", "01632 960 110"),
]

COVID_PAGE_VIEWS = 18_164

# (slug, title, kind, topic, audience, summary)
RESOURCES = [
    ("neglect-toolkit", "Neglect toolkit", "toolkit", "neglect", Audience.PROFESSIONALS,
     "The graded care profile and how to use it with families."),
    ("cce-risk-assessment", "Child criminal exploitation risk assessment", "toolkit",
     "exploitation", Audience.PROFESSIONALS, "The shared tool for assessing exploitation risk."),
    ("seven-minute-briefing-dog-bites", "7-minute briefing: a baby and the family dog",
     "briefing", "dangerous-dogs", Audience.PROFESSIONALS,
     "What a practice review found, and what to ask families about dogs at home."),
    ("seven-minute-briefing-professional-curiosity", "7-minute briefing: professional curiosity",
     "briefing", "neglect", Audience.PROFESSIONALS, "Asking the next question, and recording it."),
    ("csa-webinar-recording", "Child sexual abuse webinar (recording)", "recording",
     "child-sexual-abuse", Audience.PROFESSIONALS, "A recorded webinar for practitioners."),
    ("online-safety-leaflet", "Online safety: a leaflet for parents", "leaflet", "online-safety",
     Audience.PARENTS, "Talking with your child about what they do online."),
    ("volunteer-safeguarding-guide", "Safeguarding for community volunteers", "guidance",
     "covid-19", Audience.PROFESSIONALS, "What every volunteer needs to know and do."),
    ("safer-sleep-leaflet", "Safer sleep: a leaflet for parents", "leaflet", "safer-sleep",
     Audience.PARENTS, "Safer sleep in six steps."),
]  # fmt: skip

BRIEFING_FOR_OLIVER = "seven-minute-briefing-dog-bites"

DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed(*, stdout: TextIO | None = None) -> None:
    topics = _topics()
    _pages(topics)
    _resources(topics)
    _front_doors()
    _tool()
    if SiteDay.objects.filter(day__gte=YEAR.start, day__lte=YEAR.end).exists():
        say(stdout, "Website: demo content and 2020-21 statistics already present.")
        return
    _statistics()
    say(stdout, "Website: pages, topics, front doors and 2020-21 statistics created.")


def _topics() -> dict[str, Topic]:
    topics = {}
    for name, slug, summary in TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "summary": summary}
        )
    return topics


def _pages(topics: dict[str, Topic]) -> None:
    for spec in PAGES:
        if Page.objects.filter(slug=spec["slug"]).exists():
            continue
        topic = topics[str(spec["topic"])] if spec["topic"] else None
        Page.objects.create(
            slug=spec["slug"],
            kind=spec["kind"],
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"],
            audience=spec["audience"],
            topic=topic,
            review_on=date(2027, 3, 31),
            is_published=True,
        )


def _resources(topics: dict[str, Topic]) -> None:
    _resources_and_versions(topics)
    # The dog bites briefing shares the learning of the published "Oliver" review.
    oliver = PracticeReview.objects.filter(
        title="Oliver", kind=PracticeReview.Kind.CSPR, status=PracticeReview.Status.PUBLISHED
    ).first()
    if oliver is not None:
        Resource.objects.filter(slug=BRIEFING_FOR_OLIVER, practice_review__isnull=True).update(
            practice_review=oliver
        )


def _resources_and_versions(topics: dict[str, Topic]) -> None:
    for slug, title, kind, topic, audience, summary in RESOURCES:
        resource, created = Resource.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "kind": kind,
                "topic": topics[topic],
                "audience": audience,
                "summary": summary,
                "is_published": True,
            },
        )
        if not created:
            continue
        version = ResourceVersion(
            resource=resource,
            number=1,
            published_on=date(2020, 6, 1),
            review_on=date(2027, 6, 1),
            created_by=_editor(),
        )
        if kind == "recording":
            version.link = "https://video.example.org/partnership/csa-webinar"
        else:
            version.file_kind = "pdf"
            version.original_name = f"{slug}.pdf"
            version.file.save(f"{secrets.token_hex(16)}.pdf", ContentFile(DEMO_PDF), save=False)
        version.save()


def _editor() -> User:
    from safeguarding.accounts.roles import Role

    editor = User.objects.filter(role_grants__role=Role.BUSINESS_UNIT).first()
    return editor or User.objects.order_by("pk").first()  # type: ignore[return-value]


TOOL_QUESTIONS = [
    ("similar_age", "Are the children of a similar age and development?"),
    ("mutual", "Does everyone involved seem to agree and enjoy it?"),
    ("secret", "Has a child been asked to keep it a secret?"),
    ("force", "Has anyone been pressured, tricked or forced?"),
]
TOOL_ANSWERS = ["Yes", "No", "Not sure"]
# (question, answer, seriousness of the outcome it leads to)
TOOL_RULES = [
    ("similar_age", "No", 2), ("similar_age", "Not sure", 2), ("mutual", "No", 2),
    ("mutual", "Not sure", 2), ("secret", "Yes", 3), ("secret", "Not sure", 2),
    ("force", "Yes", 3), ("force", "Not sure", 2),
]  # fmt: skip
TOOL_OUTCOMES = [
    (1, "Green: healthy, expected behaviour", "green",
     "What you describe sounds like healthy behaviour for children of this age. Keep talking "
     "openly with them about bodies, privacy and consent."),
    (2, "Amber: talk to someone", "yellow",
     "Some of what you describe needs a closer look. Talk to the child's school, health visitor "
     "or GP, or to your agency's safeguarding lead, about what you have seen."),
    (3, "Red: report a concern today", "red",
     "What you describe may mean a child is being harmed. [Report a concern]"
     "(/site/report-a-concern/) today. If a child is in immediate danger, call 999."),
]  # fmt: skip


def _tool() -> None:
    from safeguarding.assurance.models import FormTemplate, Question
    from safeguarding.assurance.services import forms as form_services

    if Tool.objects.filter(slug="sexual-behaviours-traffic-light").exists():
        return
    actor = _editor()
    template = form_services.form_template_create(
        actor=actor,
        name="Sexual behaviours traffic light questions",
        purpose=FormTemplate.Purpose.SURVEY,
        description="The questions of the website's sexual behaviours tool.",
    )
    section = form_services.form_section_add(
        actor=actor, template=template, title="What you have seen"
    )
    for key, text in TOOL_QUESTIONS:
        form_services.form_question_add(
            actor=actor, section=section, key=key, text=text, kind=Question.Kind.CHOICE,
            choices=TOOL_ANSWERS,
        )  # fmt: skip
    tool = Tool.objects.create(
        slug="sexual-behaviours-traffic-light",
        title="Sexual behaviours traffic light tool",
        summary="Is a child's sexual behaviour healthy, worrying or harmful? Answer four "
        "questions for guidance.",
        form=template,
        audience=Audience.PARENTS,
        is_published=True,
    )
    outcomes = {
        seriousness: ToolOutcome.objects.create(
            tool=tool, seriousness=seriousness, title=title, colour=colour, guidance=guidance
        )
        for seriousness, title, colour, guidance in TOOL_OUTCOMES
    }
    ToolRule.objects.bulk_create(
        ToolRule(tool=tool, question_key=key, answer=answer, outcome=outcomes[seriousness])
        for key, answer, seriousness in TOOL_RULES
    )


def _front_doors() -> None:
    for area_name, district_name, name, phone in FRONT_DOORS:
        area = Area.objects.filter(name=area_name).first()
        if area is None:
            continue
        district = (
            District.objects.filter(area=area, name=district_name).first()
            if district_name
            else None
        )
        FrontDoor.objects.get_or_create(
            area=area,
            district=district,
            defaults={
                "name": name,
                "phone": phone,
                "hours": "Monday to Thursday 8am to 5.30pm, Friday 8am to 4.30pm",
                "out_of_hours_phone": "01632 960 999",
                "review_on": date(2027, 3, 31),
            },
        )


def _spread(total: int, days: int) -> list[int]:
    """`total` over `days` as evenly as whole numbers allow (the first days take the rest)."""
    share, rest = divmod(total, days)
    return [share + (1 if index < rest else 0) for index in range(days)]


def _top_paths() -> list[tuple[str, int]]:
    """Page views per page over the year: the seed's order, the rest on other pages."""
    counted = [
        (reverse("website:home"), 61_240),
        (reverse("training:course_list"), 38_905),
        (reverse("website:concern_start"), 27_318),
        (reverse("training:briefing_list"), 24_077),
        (reverse("website:page_detail", args=["covid-19-safeguarding"]), COVID_PAGE_VIEWS),
        (reverse("website:resource_list"), 15_226),
        (reverse("website:page_detail", args=["about-the-partnership"]), 9_412),
        (reverse("website:page_detail", args=["safer-sleep-for-babies"]), 6_233),
        (reverse("website:learning_list"), 5_981),
    ]
    other = PAGE_VIEWS - sum(views for _, views in counted)
    slugs = [spec[0] for spec in RESOURCES]
    paths = [reverse("website:resource_detail", args=[slug]) for slug in slugs]
    paths += [reverse("website:page_detail", args=["dogs-and-young-children"])]
    paths += [reverse("website:search"), reverse("website:subscribe")]
    return counted + list(zip(paths, _spread(other, len(paths)), strict=True))


def _statistics() -> None:
    days = [YEAR.start + timedelta(days=n) for n in range((YEAR.end - YEAR.start).days + 1)]
    columns = {
        "views": PAGE_VIEWS,
        "users": USERS,
        "from_search": FROM_SEARCH,
        "from_social": FROM_SOCIAL,
        "from_other": FROM_OTHER,
        "from_direct": USERS - FROM_SEARCH - FROM_SOCIAL - FROM_OTHER,
        "desktop": DESKTOP,
        "mobile": MOBILE,
        "tablet": USERS - DESKTOP - MOBILE,
    }
    spread = {name: _spread(total, len(days)) for name, total in columns.items()}
    SiteDay.objects.bulk_create(
        SiteDay(day=day, **{name: spread[name][index] for name in columns})
        for index, day in enumerate(days)
    )
    rows = []
    for path, total in _top_paths():
        for day, views in zip(days, _spread(total, len(days)), strict=True):
            if views:
                rows.append(PageViewDay(day=day, path=path, views=views))
    PageViewDay.objects.bulk_create(rows, batch_size=2000)
