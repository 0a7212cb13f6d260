from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from safeguarding.core.years import ReportingYear
from safeguarding.partnership import selectors
from safeguarding.partnership.governance import governance_svg
from safeguarding.partnership.models import Agency, Group, Priority
from safeguarding.partnership.reporting import about_figures, report_section
from safeguarding.partnership.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_group_tree_nests_children_under_parents() -> None:
    top = GroupFactory.create(name="Top", display_order=1)
    board = GroupFactory.create(name="Board", parent=top, display_order=1)
    GroupFactory.create(name="Sub A", parent=board, display_order=1)
    GroupFactory.create(name="Sub B", parent=board, display_order=2)
    roots = selectors.group_tree()
    assert [r.group.name for r in roots] == ["Top"]
    assert [c.group.name for c in roots[0].children[0].children] == ["Sub A", "Sub B"]
    assert roots[0].children[0].children[1].depth == 2


def test_governance_svg_draws_every_group_with_a_text_title() -> None:
    top = GroupFactory.create(name="Top & <Board>")
    GroupFactory.create(name="Child", parent=top)
    svg = governance_svg(selectors.group_tree())
    assert svg.count("<rect") == 2
    assert svg.count("<path") == 1
    assert "Top &amp; &lt;Board&gt;" in svg
    assert 'role="img"' in svg
    assert "<title" in svg


def test_demo_about_section_matches_the_seed_report(demo_seeded: None) -> None:
    figures = about_figures(ReportingYear.parse("2020-21"))
    # The three statutory partners, named as they were at 31 March 2021.
    assert sorted(figures.statutory_partners) == sorted(
        [
            "Cambridgeshire County Council",
            "Peterborough City Council",
            "Clinical Commissioning Group",
            "Cambridgeshire Constabulary",
        ]
    )
    # Appendix 1 of the seed: 20 top-level entries in its order, with their services.
    names = [a.name for a in figures.board_agencies]
    assert names == [
        "Cambridgeshire and Peterborough Local Authorities",
        "Clinical Commissioning Group",
        "Cambridgeshire Constabulary",
        "Education",
        "East of England Ambulance Service",
        "Cambridgeshire and Peterborough Foundation Trust",
        "Cambridgeshire Community Services",
        "Royal Papworth Hospital",
        "North West Anglia Hospitals",
        "Cambridge University Hospital",
        "Office of the Police and Crime Commissioner",
        "Ely Diocese",
        "Cambridgeshire Fire and Rescue",
        "Cambridge District Council",
        "Cross Keys Homes – representing Housing",
        "National Probation Service",
        "CAFCASS",
        "Healthwatch",
        "Department for Work and Pensions",
        "Voluntary sector representatives",
    ]
    assert figures.board_agencies[0].services == [
        "Children Social Care",
        "Public Health",
        "Elected Members",
        "YOS",
    ]
    assert "Clinical Commissioning Group" in names
    education = next(a for a in figures.board_agencies if a.name == "Education")
    assert education.services == ["Primary School", "Secondary School", "Further Education"]
    assert figures.district_names["Cambridgeshire"] == [
        "Cambridge",
        "East Cambridgeshire",
        "Fenland",
        "Huntingdonshire",
        "South Cambridgeshire",
    ]
    assert [p.number for p in figures.priorities] == [1, 2, 3, 4]
    top = figures.governance[0]
    assert top.group.name == "Executive Safeguarding Partnership Board"
    children = [c.group.name for c in top.children[0].children]
    assert "Quality & Effectiveness Group" in children
    assert "Child Death Overview Panel" in children
    # The exploitation demo adds MACE, tactical mapping and community safety partnership
    # groups under the strategic group.
    exploitation_levels = ["mace", "tactical", "community_safety"]
    assert Group.objects.exclude(exploitation_mapping__level__in=exploitation_levels).count() == 11


def test_a_later_report_uses_the_health_partners_new_name(demo_seeded: None) -> None:
    figures = about_figures(ReportingYear.parse("2022-23"))
    assert "Integrated Care Board" in figures.statutory_partners
    assert figures.priorities == []  # the 2019-21 priorities had ended


def test_demo_seed_is_idempotent(demo_seeded: None) -> None:
    counts = (Agency.objects.count(), Group.objects.count(), Priority.objects.count())
    call_command("demo_seed", "--quiet-sign-ins")
    assert (Agency.objects.count(), Group.objects.count(), Priority.objects.count()) == counts


def test_report_section_contract() -> None:
    section = report_section(ReportingYear(2020))
    assert section.key == "about"
    assert section.template == "partnership/report_section.html"


def test_priorities_overlapping_a_year() -> None:
    Priority.objects.create(
        number=1,
        title="Old",
        period_start=date(2017, 1, 1),
        period_end=date(2019, 3, 31),
        what_we_will_do="x",
        what_success_looks_like="y",
    )
    Priority.objects.create(
        number=2,
        title="Current",
        period_start=date(2019, 10, 1),
        period_end=date(2021, 12, 31),
        what_we_will_do="x",
        what_success_looks_like="y",
    )
    year = ReportingYear(2020)
    titles = [p.title for p in selectors.priority_list_overlapping(start=year.start, end=year.end)]
    assert titles == ["Current"]
