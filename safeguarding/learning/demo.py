"""Demo learning (synthetic). The themes come from the data migration; here one published
learning point is recorded against the partnership's Child Safeguarding Practice Review
subgroup, so the Learning pages have something to show. Case reviews add their own learning.

Idempotent: the point is looked up by its source and title before anything is created.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from safeguarding.core.demo import say
from safeguarding.learning import selectors, services
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.partnership.models import Group

SUBGROUP = "Child Safeguarding Practice Review subgroup"
TITLE = "Share the learning from case reviews with every practitioner"
SUMMARY = (
    "Strategic leads felt that findings from case reviews reached their workforce, but "
    "practitioners surveyed said they were not always aware of the lessons learned.\n\n"
    "Every case review now ends with a 7 minute briefing and a series of workshops. Managers "
    "should discuss each briefing in team meetings and supervision, and check that staff know "
    "where to find the learning."
)
THEMES = ("Information sharing", "Professional curiosity")


def seed(*, stdout: TextIO | None = None) -> None:
    group = Group.objects.filter(name=SUBGROUP).first()
    if group is None:
        say(stdout, "Learning: no CSPR subgroup yet (run the partnership seed first); skipped.")
        return
    if selectors.learning_point_list_for_source(source=group).filter(title=TITLE).exists():
        say(stdout, "Learning: demo learning already present.")
        return
    themes = list(Theme.objects.filter(name__in=THEMES, retired_on__isnull=True))
    if not themes:
        say(stdout, "Learning: the national themes are missing (run migrations); skipped.")
        return
    services.learning_point_record(
        actor=None,
        source=group,
        source_kind=LearningPoint.SourceKind.OTHER,
        title=TITLE,
        summary=SUMMARY,
        recorded_on=date(2021, 3, 1),
        themes=themes,
        is_published=True,
    )
    say(stdout, "Learning: demo learning point recorded.")
