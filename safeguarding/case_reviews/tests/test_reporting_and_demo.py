"""The 2020-21 annual report figures, from the demo records, against independent counts; and
the demo is idempotent and synthetic."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from safeguarding.actions.models import Action
from safeguarding.case_reviews import demo, reporting
from safeguarding.case_reviews.models import IncidentNotification, PracticeReview, RapidReview
from safeguarding.core.years import ReportingYear
from safeguarding.learning.models import LearningPoint

pytestmark = pytest.mark.django_db

YEAR = ReportingYear.parse("2020-21")


@pytest.fixture
def seeded(demo_seeded: None, db: None) -> None:
    """The whole demo (seeded once for the session: see the root conftest)."""


def test_demo_figures_match_the_seed_report(seeded: None) -> None:
    figures = reporting.figures(YEAR)

    assert figures.cspr_ongoing_from_previous_year == 5
    assert figures.cspr_commenced == 4
    assert figures.cspr_completed == 1
    assert figures.cspr_completed_commenced_before == 1
    assert figures.sar_ongoing == 1
    assert (figures.criteria_met, figures.criteria_not_met) == (1, 8)
    assert figures.rapid_reviews_held == 9
    assert [r.title for r in figures.published] == ["Oliver"]
    assert {t.name for t in figures.rapid_review_themes} == {
        "Professional curiosity",
        "Child sexual abuse",
        "Mental ill health",
        "Moving between local authorities",
    }


def test_demo_figures_agree_with_independent_counts(seeded: None) -> None:
    figures = reporting.figures(YEAR)
    csprs = [r for r in PracticeReview.objects.all() if r.kind == PracticeReview.Kind.CSPR]
    ongoing = [
        r
        for r in csprs
        if r.commissioned_on < YEAR.start
        and (r.signed_off_on is None or r.signed_off_on >= YEAR.start)
    ]
    commenced = [r for r in csprs if YEAR.contains(r.commissioned_on)]
    completed = [r for r in csprs if r.signed_off_on and YEAR.contains(r.signed_off_on)]
    rapid = RapidReview.objects.all()
    decided = [r for r in rapid if r.decided_on and YEAR.contains(r.decided_on)]

    assert figures.cspr_ongoing_from_previous_year == len(ongoing)
    assert figures.cspr_commenced == len(commenced)
    assert figures.cspr_completed == len(completed)
    assert figures.criteria_met == sum(r.decision == "met" for r in decided)
    assert figures.criteria_not_met == sum(r.decision == "not_met" for r in decided)


def test_oliver_has_four_learning_points_key_message_and_dog_action(seeded: None) -> None:
    oliver = reporting.figures(YEAR).published[0]

    assert len(oliver.learning) == 4
    assert any("Pre-birth Protocol" in text for text in oliver.learning)
    assert any("drift" in text for text in oliver.learning)
    assert any("coercion" in text for text in oliver.learning)
    assert any("Clare's Law" in text for text in oliver.learning)
    assert oliver.key_message.startswith("never leave a baby or young child unsupervised")
    assert any("dangerous dog" in action for action in oliver.actions)


def test_oliver_findings_are_published_to_practitioners(seeded: None) -> None:
    review = PracticeReview.objects.get(title="Oliver")
    points = LearningPoint.objects.filter(source_id=review.pk, source_kind="cspr")

    assert points.count() == 4
    assert all(p.is_published for p in points)


def test_demo_seed_is_idempotent(seeded: None) -> None:
    counts = (
        IncidentNotification.objects.count(),
        PracticeReview.objects.count(),
        Action.objects.count(),
    )

    demo.seed()

    assert (
        IncidentNotification.objects.count(),
        PracticeReview.objects.count(),
        Action.objects.count(),
    ) == counts


def test_report_section_renders_the_figures(seeded: None, tmp_path) -> None:
    from django.template.loader import render_to_string

    section = reporting.report_section(YEAR)
    html = render_to_string(section.template, {"year": YEAR, "figures": section.figures})

    assert "CSPRs ongoing from 2019-20" in html
    assert "Oliver" in html
    assert "dangerous dog" in html
    assert "Moving between local authorities" in html


def test_figures_are_zero_for_a_year_without_records() -> None:
    figures = reporting.figures(ReportingYear.parse("2010-11"))

    assert figures.rapid_reviews_held == 0
    assert figures.published == ()
    assert figures.action_status == ()


def test_annual_report_command_includes_the_section(seeded: None, tmp_path) -> None:
    out = tmp_path / "report.html"

    call_command("annual_report", "2020-21", "--output", str(out))

    assert "Oliver" in out.read_text()


def test_dissemination_counts_events_and_reach_in_the_year(seeded: None) -> None:
    from safeguarding.case_reviews.models import Dissemination

    held = [d for d in Dissemination.objects.all() if YEAR.contains(d.held_on)]

    figures = reporting.figures(YEAR)

    assert sum(d.events for d in figures.dissemination) == len(held) == 2
    assert sum(d.reach for d in figures.dissemination) == sum(d.reach for d in held) == 305


@pytest.mark.parametrize(
    ("local", "home", "oliver"),
    [
        ("officer", 200, 200),
        ("review.panel", 200, 200),
        ("scrutineer", 200, 200),
        ("board", 200, 200),
        ("agency.lead", 200, 404),
        ("practitioner", 404, 404),
    ],
)
def test_demo_people_see_what_their_role_allows(
    seeded: None, client, local: str, home: int, oliver: int
) -> None:
    from django.urls import reverse

    from safeguarding.accounts.models import User
    from safeguarding.partnership.demo import demo_email

    client.force_login(User.objects.get(email=demo_email(local)))
    review = PracticeReview.objects.get(title="Oliver")

    assert client.get(reverse("case_reviews:case_review_home")).status_code == home
    assert (
        client.get(reverse("case_reviews:practice_review_detail", args=[review.pk])).status_code
        == oliver
    )
    assert client.get(reverse("learning:learning_trends")).status_code == 200
    library = client.get(reverse("learning:learning_point_list"), {"q": "Oliver"})
    assert "Consider disclosure under Clare" in library.content.decode()


def test_agency_lead_home_lists_their_request(seeded: None, client) -> None:
    from django.urls import reverse

    from safeguarding.accounts.models import User
    from safeguarding.partnership.demo import demo_email

    client.force_login(User.objects.get(email=demo_email("agency.lead")))

    page = client.get(reverse("case_reviews:case_review_home")).content.decode()

    assert "Chronology request for SIN-" in page
    assert "Serious incident notifications" not in page
