"""Annual report figures for learning from child deaths (the contract is in core/reporting.py).

Every figure is counted from the records each time. Percentages round half up
(core.reporting.percent). Nothing here identifies a child.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from safeguarding.child_deaths import identity, selectors
from safeguarding.child_deaths.models import (
    AgeBand,
    ChildDeathNotification,
    DeathCategory,
    NationalComparator,
    PanelReview,
)
from safeguarding.core.fields import EncryptedTextField
from safeguarding.core.reporting import ReportSection, percent
from safeguarding.core.years import ReportingYear

UNDER_ONE_BANDS = (AgeBand.NEONATAL, AgeBand.INFANT)


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    percent: int | None


@dataclass(frozen=True)
class Comparator:
    measure: str
    label: str
    percent: int
    source: str


@dataclass(frozen=True)
class ChildDeathFigures:
    year: str
    previous_year: str
    notified: int
    notified_previous: int
    change: int
    by_area: list[Count]
    outside_partnership: int
    outside_reviewed_here: int
    by_age_band: list[Count]
    under_one: int
    under_one_percent: int | None
    by_sex: list[Count]
    expected: int
    unexpected: int
    suicides: int
    reviews_completed: int
    with_modifiable: int
    with_modifiable_percent: int | None
    without_modifiable: int
    insufficient_information: int
    timeliness: list[Count]
    categories: list[Count]
    comparators: list[Comparator]

    @property
    def residence_words(self) -> str:
        """ "25 lived in Cambridgeshire, 8 in Peterborough and 1 outside the partnership"."""
        parts = []
        for i, area in enumerate(self.by_area):
            place = (
                "outside the partnership"
                if area.label.startswith("Outside")
                else f"in {area.label}"
            )
            parts.append(f"{area.count} {'lived ' if i == 0 else ''}{place}")
        if len(parts) < 2:
            return "".join(parts)
        return ", ".join(parts[:-1]) + " and " + parts[-1]

    @property
    def timeliness_words(self) -> str:
        """ "23% within 6 months of the death, 63% in 6 to 12 months and 15% after more than
        12 months"."""
        phrases = {
            identity.Timeliness.WITHIN_6: "within 6 months of the death",
            identity.Timeliness.SIX_TO_12: "in 6 to 12 months",
            identity.Timeliness.OVER_12: "after more than 12 months",
        }
        parts = [
            f"{t.percent if t.percent is not None else 0}% {phrases[key]}"
            for key, t in zip(identity.Timeliness.LABELS, self.timeliness, strict=True)
        ]
        return ", ".join(parts[:-1]) + " and " + parts[-1]

    @property
    def change_words(self) -> str:
        if self.change == 0:
            return "the same as"
        return f"{abs(self.change)} {'more' if self.change > 0 else 'fewer'} than"


def _counts(counter: Counter[str], labels: list[tuple[str, str]], whole: int) -> list[Count]:
    return [Count(label, counter[key], percent(counter[key], whole)) for key, label in labels]


# The figures never read a child's identifying fields: they are left in the database, not
# decrypted (1,500 decryptions, a third of the section's time, for a year on the large volume).
IDENTIFYING_FIELDS = tuple(
    field.name
    for field in ChildDeathNotification._meta.concrete_fields
    if isinstance(field, EncryptedTextField)
)


def figures_for_year(year: ReportingYear) -> ChildDeathFigures:
    notified = list(selectors.notifications_in_year(year=year).defer(*IDENTIFYING_FIELDS))
    total = len(notified)
    previous_total = selectors.notifications_in_year(year=year.previous).count()

    area_counter: Counter[str] = Counter(
        n.residence_area.name for n in notified if n.residence_area is not None
    )
    outside = [n for n in notified if n.residence_area is None]
    by_area = [
        Count(name, area_counter[name], percent(area_counter[name], total))
        for name in sorted(area_counter)
    ]
    if outside:
        homes = sorted({n.home_area_name for n in outside})
        by_area.append(
            Count(
                f"Outside the partnership ({', '.join(homes)})",
                len(outside),
                percent(len(outside), total),
            )
        )

    band_counter = Counter(n.age_band for n in notified)
    under_one = sum(band_counter[b] for b in UNDER_ONE_BANDS)
    by_age = [
        Count(
            AgeBand.NEONATAL.label,
            band_counter[AgeBand.NEONATAL],
            percent(band_counter[AgeBand.NEONATAL], total),
        ),
        Count(
            AgeBand.INFANT.label,
            band_counter[AgeBand.INFANT],
            percent(band_counter[AgeBand.INFANT], total),
        ),
        Count("Under 1 year (total)", under_one, percent(under_one, total)),
        *[
            Count(band.label, band_counter[band], percent(band_counter[band], total))
            for band in AgeBand
            if band not in UNDER_ONE_BANDS
        ],
    ]
    sex_counter = Counter(n.sex for n in notified)
    by_sex = _counts(
        sex_counter,
        [
            (s.value, s.label)
            for s in ChildDeathNotification.Sex
            if sex_counter[s]
            or s in (ChildDeathNotification.Sex.FEMALE, ChildDeathNotification.Sex.MALE)
        ],
        total,
    )
    expected = sum(
        1 for n in notified if n.expectation == ChildDeathNotification.Expectation.EXPECTED
    )
    suicides = sum(
        1
        for n in notified
        if hasattr(n, "review")
        and n.review.category is not None
        and n.review.category.number == DeathCategory.SUICIDE
    )

    reviews = selectors.reviews_completed_in_year(year=year).defer(
        *(f"notification__{name}" for name in IDENTIFYING_FIELDS)
    )
    completed = reviews.count()
    modifiable = Counter(r.modifiable for r in reviews)
    timeliness_counter = selectors.timeliness_counts(reviews=reviews)
    category_counter = Counter(r.category.number for r in reviews if r.category is not None)
    categories = [
        Count(str(c), category_counter[c.number], percent(category_counter[c.number], completed))
        for c in DeathCategory.objects.order_by("number")
    ]
    comparators = [
        Comparator(c.measure, c.get_measure_display(), c.percent, c.source)
        for c in NationalComparator.objects.filter(reporting_year=year.label)
    ]
    return ChildDeathFigures(
        year=year.label,
        previous_year=year.previous.label,
        notified=total,
        notified_previous=previous_total,
        change=total - previous_total,
        by_area=by_area,
        outside_partnership=len(outside),
        outside_reviewed_here=sum(1 for n in outside if n.reviewed_by_this_panel),
        by_age_band=by_age,
        under_one=under_one,
        under_one_percent=percent(under_one, total),
        by_sex=by_sex,
        expected=expected,
        unexpected=total - expected,
        suicides=suicides,
        reviews_completed=completed,
        with_modifiable=modifiable[PanelReview.Modifiable.YES],
        with_modifiable_percent=percent(modifiable[PanelReview.Modifiable.YES], completed),
        without_modifiable=modifiable[PanelReview.Modifiable.NO],
        insufficient_information=modifiable[PanelReview.Modifiable.INSUFFICIENT],
        timeliness=_counts(
            timeliness_counter, list(identity.Timeliness.LABELS.items()), completed
        ),
        categories=categories,
        comparators=comparators,
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="child_deaths",
        title="Learning from child deaths",
        template="child_deaths/report_section.html",
        figures=figures_for_year(year),
    )
