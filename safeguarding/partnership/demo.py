"""The demo partnership's structure and its synthetic people (one per role).

Organisations are the real public bodies the seed report names; every person is invented.
Idempotent: records are looked up by their natural keys before anything is created.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from allauth.account.models import EmailAddress

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.core.demo import say
from safeguarding.partnership import services
from safeguarding.partnership.models import Agency, Area, District, Group, Partnership, Priority

DEMO_PASSWORD = "demo-partnership-2026"  # noqa: S105 - synthetic local demo only
DEMO_DOMAIN = "demo.partnership.example"

PARTNERSHIP = {
    "name": "Cambridgeshire and Peterborough Safeguarding Children Partnership",
    "short_name": "CPSCP",
    "spans_two_local_authorities": True,
    "description": (
        "The three statutory safeguarding partners (the local authorities, the police and the "
        "clinical commissioning group) work together with relevant agencies to safeguard and "
        "promote the welfare of children in Cambridgeshire and Peterborough, one of few areas "
        "whose arrangements span two local authorities."
    ),
}

AREAS: list[dict[str, Any]] = [
    {
        "name": "Cambridgeshire",
        "kind": Area.Kind.COUNTY,
        "ons_code": "E10000003",
        "la_number": "873",
        "districts": [
            ("Cambridge", "E07000008"),
            ("East Cambridgeshire", "E07000009"),
            ("Fenland", "E07000010"),
            ("Huntingdonshire", "E07000011"),
            ("South Cambridgeshire", "E07000012"),
        ],
    },
    {
        "name": "Peterborough",
        "kind": Area.Kind.UNITARY,
        "ons_code": "E06000031",
        "la_number": "874",
        "districts": [],
    },
]

# (name, sector, statutory role, area, parent, on board, board order)
AGENCIES: list[tuple[str, str, str, str | None, str | None, bool, int]] = [
    (
        "Cambridgeshire and Peterborough Local Authorities",
        Agency.Sector.LOCAL_AUTHORITY,
        "",
        None,
        None,
        True,
        1,
    ),
    (
        "Children Social Care",
        Agency.Sector.LOCAL_AUTHORITY,
        "",
        None,
        "Cambridgeshire and Peterborough Local Authorities",
        True,
        1,
    ),
    (
        "Public Health",
        Agency.Sector.LOCAL_AUTHORITY,
        "",
        None,
        "Cambridgeshire and Peterborough Local Authorities",
        True,
        2,
    ),
    (
        "Elected Members",
        Agency.Sector.LOCAL_AUTHORITY,
        "",
        None,
        "Cambridgeshire and Peterborough Local Authorities",
        True,
        3,
    ),
    (
        "YOS",
        Agency.Sector.LOCAL_AUTHORITY,
        "",
        None,
        "Cambridgeshire and Peterborough Local Authorities",
        True,
        4,
    ),
    (
        "Cambridgeshire County Council",
        Agency.Sector.LOCAL_AUTHORITY,
        "local_authority",
        "Cambridgeshire",
        None,
        False,
        0,
    ),
    (
        "Peterborough City Council",
        Agency.Sector.LOCAL_AUTHORITY,
        "local_authority",
        "Peterborough",
        None,
        False,
        0,
    ),
    ("Clinical Commissioning Group", Agency.Sector.HEALTH, "health", None, None, True, 2),
    ("Cambridgeshire Constabulary", Agency.Sector.POLICE, "police", None, None, True, 3),
    ("Education", Agency.Sector.EDUCATION, "", None, None, True, 4),
    ("Primary School", Agency.Sector.EDUCATION, "", None, "Education", True, 1),
    ("Secondary School", Agency.Sector.EDUCATION, "", None, "Education", True, 2),
    ("Further Education", Agency.Sector.EDUCATION, "", None, "Education", True, 3),
    ("East of England Ambulance Service", Agency.Sector.HEALTH, "", None, None, True, 5),
    (
        "Cambridgeshire and Peterborough Foundation Trust",
        Agency.Sector.HEALTH,
        "",
        None,
        None,
        True,
        6,
    ),
    ("Cambridgeshire Community Services", Agency.Sector.HEALTH, "", None, None, True, 7),
    ("Royal Papworth Hospital", Agency.Sector.HEALTH, "", None, None, True, 8),
    ("North West Anglia Hospitals", Agency.Sector.HEALTH, "", None, None, True, 9),
    ("Cambridge University Hospital", Agency.Sector.HEALTH, "", None, None, True, 10),
    (
        "Office of the Police and Crime Commissioner",
        Agency.Sector.OTHER_PUBLIC,
        "",
        None,
        None,
        True,
        11,
    ),
    ("Ely Diocese", Agency.Sector.FAITH, "", None, None, True, 12),
    ("Cambridgeshire Fire and Rescue", Agency.Sector.FIRE, "", None, None, True, 13),
    (
        "Cambridge District Council",
        Agency.Sector.LOCAL_AUTHORITY,
        "",
        "Cambridgeshire",
        None,
        True,
        14,
    ),
    (
        "Cross Keys Homes – representing Housing",
        Agency.Sector.HOUSING,
        "",
        "Peterborough",
        None,
        True,
        15,
    ),
    ("National Probation Service", Agency.Sector.PROBATION, "", None, None, True, 16),
    ("CAFCASS", Agency.Sector.PROBATION, "", None, None, True, 17),
    ("Healthwatch", Agency.Sector.VOLUNTARY, "", None, None, True, 18),
    ("Department for Work and Pensions", Agency.Sector.OTHER_PUBLIC, "", None, None, True, 19),
    ("Voluntary sector representatives", Agency.Sector.VOLUNTARY, "", None, None, True, 20),
]
# The health partner's name changed under Working Together 2023: the history is kept.
RENAMES = [
    ("Clinical Commissioning Group", "Integrated Care Board", date(2022, 7, 1)),
]

# (name, short name, kind, parent, order, purpose)
GROUPS: list[tuple[str, str, str, str | None, int, str]] = [
    (
        "Executive Safeguarding Partnership Board",
        "Executive Board",
        Group.Kind.EXECUTIVE_BOARD,
        None,
        1,
        "The three statutory partners, public health, Healthwatch and the voluntary sector: the "
        "most senior board, for both the children's and the adults' safeguarding agenda.",
    ),
    (
        "Safeguarding Children Partnership Board",
        "Children Board",
        Group.Kind.PARTNERSHIP_BOARD,
        "Executive Safeguarding Partnership Board",
        1,
        "The wider partnership for children.",
    ),
    (
        "Safeguarding Adults Board",
        "Adults Board",
        Group.Kind.PARTNERSHIP_BOARD,
        "Executive Safeguarding Partnership Board",
        2,
        "The wider partnership for adults.",
    ),
    (
        "Quality & Effectiveness Group",
        "QEG",
        Group.Kind.SUBGROUP,
        "Safeguarding Children Partnership Board",
        1,
        "Monitors the individual and collective effectiveness of safeguarding practice: audits, "
        "dip samples, self-assessments, focus groups and surveys.",
    ),
    (
        "Child Safeguarding Practice Review subgroup",
        "CSPR subgroup",
        Group.Kind.SUBGROUP,
        "Safeguarding Children Partnership Board",
        2,
        "Rapid reviews and practice reviews.",
    ),
    (
        "Training & Development subgroup",
        "Training subgroup",
        Group.Kind.SUBGROUP,
        "Safeguarding Children Partnership Board",
        3,
        "Multi-agency training and its impact.",
    ),
    (
        "Child Death Overview Panel",
        "CDOP",
        Group.Kind.PANEL,
        "Safeguarding Children Partnership Board",
        4,
        "Reviews the death of every child normally resident in the area.",
    ),
    (
        "Exploitation Strategic Group",
        "Exploitation Strategic",
        Group.Kind.STRATEGIC_GROUP,
        "Safeguarding Children Partnership Board",
        5,
        "Strategic response to child exploitation.",
    ),
    (
        "Exploitation Delivery Group",
        "Exploitation Delivery",
        Group.Kind.STRATEGIC_GROUP,
        "Exploitation Strategic Group",
        1,
        "Delivery plan for the exploitation strategy.",
    ),
    (
        "Neglect tools task and finish group",
        "Neglect T&F",
        Group.Kind.TASK_AND_FINISH,
        "Quality & Effectiveness Group",
        1,
        "Embed a single countywide neglect assessment tool.",
    ),
    (
        "Child sexual abuse task and finish group",
        "CSA T&F",
        Group.Kind.TASK_AND_FINISH,
        "Quality & Effectiveness Group",
        2,
        "Develop the child sexual abuse strategy.",
    ),
]

PRIORITY_PERIOD = (date(2019, 10, 1), date(2021, 12, 31))
PRIORITIES = [
    (
        1,
        "To understand what the neglect landscape looks like across the county and embed the "
        "neglect strategies and tools across the partnership to achieve better outcomes for "
        "children and their families",
        "Refresh neglect training; agree and launch a single countywide neglect assessment tool.",
        "Early recognition of neglect and consistent, timely responses from early help to "
        "statutory intervention.",
        "Neglect tools task and finish group",
    ),
    (
        2,
        "To understand what the sexual abuse landscape looks like across the county and embed "
        "the child sexual abuse strategy and tools across the partnership to achieve better "
        "outcomes for children and their families",
        "Survey children, parents and professionals; develop a strategy, tools and training.",
        "Professionals are confident in recognising and responding to child sexual abuse.",
        "Child sexual abuse task and finish group",
    ),
    (
        3,
        "To agree a multi-agency approach to identifying, assessing and responding to cases of "
        "child criminal exploitation, and to develop an effective approach to identifying at "
        "risk groups and preventing them from being exploited",
        "Mapping of hotspots; a delivery plan; training on the exploitation risk assessment tool.",
        "At-risk children are identified early and fewer are exploited.",
        "Exploitation Strategic Group",
    ),
    (
        4,
        "To make sure the learning from local and national case reviews changes practice",
        "Disseminate learning through briefings, workshops and a database of learning.",
        "Practitioners know the lessons from case reviews and use them.",
        "Child Safeguarding Practice Review subgroup",
    ),
]

# (e-mail local part, synthetic name, job title, role, agency name or None)
PEOPLE: list[tuple[str, str, str, str, str | None]] = [
    ("admin", "Alex Demo-Admin", "Partnership administrator", Role.PARTNERSHIP_ADMIN, None),
    ("officer", "Bea Demo-Officer", "Business unit officer", Role.BUSINESS_UNIT, None),
    ("cdop.manager", "Cal Demo-Manager", "CDOP manager", Role.CDOP_MANAGER, None),
    ("cdop.panel", "Dee Demo-Panel", "Consultant paediatrician", Role.CDOP_PANEL, None),
    (
        "review.panel",
        "Eli Demo-Reviewer",
        "Case review panel member",
        Role.CASE_REVIEW_PANEL,
        None,
    ),
    (
        "agency.lead",
        "Fay Demo-Lead",
        "Safeguarding lead",
        Role.AGENCY_LEAD,
        "Cambridgeshire Constabulary",
    ),
    (
        "practitioner",
        "Gus Demo-Practitioner",
        "Health visitor",
        Role.PRACTITIONER,
        "Cambridgeshire Community Services",
    ),
    (
        "analyst",
        "Hal Demo-Analyst",
        "Performance analyst",
        Role.DATA_ANALYST,
        "Peterborough City Council",
    ),
    ("scrutineer", "Ivy Demo-Scrutineer", "Independent scrutineer", Role.SCRUTINEER, None),
    ("board", "Jo Demo-Board", "Board member", Role.BOARD_MEMBER, None),
]


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def seed(*, stdout: TextIO | None = None) -> None:
    partnership = Partnership.objects.filter(name=PARTNERSHIP["name"]).first()
    if partnership is None:
        partnership = services.partnership_create(actor=None, **PARTNERSHIP)
    _seed_areas(partnership)
    _seed_agencies()
    _seed_groups()
    _seed_priorities()
    _seed_people()
    say(stdout, "Partnership structure and demo people ready.")


def _seed_areas(partnership: Partnership) -> None:
    for spec in AREAS:
        area = Area.objects.filter(ons_code=spec["ons_code"]).first()
        if area is None:
            area = services.area_create(
                actor=None,
                partnership=partnership,
                name=spec["name"],
                kind=spec["kind"],
                ons_code=spec["ons_code"],
                la_number=spec["la_number"],
            )
        for name, code in spec["districts"]:
            if not District.objects.filter(ons_code=code).exists():
                services.district_create(actor=None, area=area, name=name, ons_code=code)


def _seed_agencies() -> None:
    for name, sector, role, area_name, parent_name, on_board, order in AGENCIES:
        if (
            Agency.objects.filter(names__name=name).exists()
            or Agency.objects.filter(name=name).exists()
        ):
            continue
        data: dict[str, Any] = {
            "name": name,
            "sector": sector,
            "statutory_partner": bool(role),
            "statutory_role": role,
            "area": Area.objects.get(name=area_name) if area_name else None,
            "parent": Agency.objects.get(name=parent_name) if parent_name else None,
            "on_board": on_board,
            "board_order": order,
        }
        services.agency_create(actor=None, name_since=date(2019, 4, 1), **data)
    for old, new, effective in RENAMES:
        agency = Agency.objects.filter(name=old).first()
        if agency is not None:
            services.agency_rename(
                actor=None, agency=agency, new_name=new, effective=effective, expected_version=None
            )


def _seed_groups() -> None:
    for name, short, kind, parent, order, purpose in GROUPS:
        if Group.objects.filter(name=name).exists():
            continue
        services.group_create(
            actor=None,
            name=name,
            short_name=short,
            kind=kind,
            parent=Group.objects.get(name=parent) if parent else None,
            display_order=order,
            purpose=purpose,
        )


def _seed_priorities() -> None:
    start, end = PRIORITY_PERIOD
    for number, title, do, success, lead in PRIORITIES:
        if Priority.objects.filter(number=number, period_start=start).exists():
            continue
        services.priority_create(
            actor=None,
            number=number,
            title=title,
            period_start=start,
            period_end=end,
            what_we_will_do=do,
            what_success_looks_like=success,
            lead_group=Group.objects.get(name=lead),
        )


def _seed_people() -> None:
    for local, full_name, job, role, agency_name in PEOPLE:
        email = demo_email(local)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, full_name=full_name, job_title=job
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        agency = Agency.objects.get(name=agency_name) if agency_name else None
        if not user.role_grants.filter(role=role, agency=agency).exists():
            services.role_grant(actor=None, user=user, role=role, agency=agency)


def demo_sign_ins() -> list[tuple[str, str]]:
    return [(Role(role).label, demo_email(local)) for local, _n, _j, role, _a in PEOPLE]
