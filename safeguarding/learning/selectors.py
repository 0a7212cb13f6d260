"""Reads of themes and learning points: lists scoped to the user, usage counts and trends.

The database of learning (search, filters, trends, exports) is built on
`learning_point_list_for_user` and `theme_trend`; modules list their own record's learning
with `learning_point_list_for_source`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, models
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from safeguarding.core.years import ReportingYear
from safeguarding.learning import permissions
from safeguarding.learning.models import LearningPoint, LearningPointTheme, Theme, ThemeNameChange

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area

# --- themes --------------------------------------------------------------------------


def theme_list(*, include_retired: bool = False) -> QuerySet[Theme]:
    """Themes by name; current ones only unless include_retired (for choosing themes for new
    learning, leave it False)."""
    themes = Theme.objects.all()
    if not include_retired:
        themes = themes.filter(retired_on__isnull=True)
    return themes.order_by("name")


def theme_list_with_usage(*, user: User, include_retired: bool = True) -> QuerySet[Theme]:
    """Themes with `point_count`: how many learning points the user may see carry each one."""
    counted = Q()
    if not permissions.can_view_unpublished_learning(user):
        counted = Q(learning_point_links__learning_point__is_published=True)
    return theme_list(include_retired=include_retired).annotate(
        point_count=Count("learning_point_links", filter=counted)
    )


def theme_name_history(*, theme: Theme) -> QuerySet[ThemeNameChange]:
    return theme.name_changes.select_related("changed_by").order_by("changed_at", "id")


# --- learning points -----------------------------------------------------------------


def _with_relations(points: QuerySet[LearningPoint]) -> QuerySet[LearningPoint]:
    return points.select_related("area", "source_type").prefetch_related(
        models.Prefetch("themes", queryset=Theme.objects.order_by("name")),
        "agencies",
    )


def learning_point_visible_to(*, user: User) -> QuerySet[LearningPoint]:
    """Every learning point the user may see: all of them for those who write learning
    (permissions.FULL_LEARNING_ROLES), published ones for anyone else with a role, none for
    people without a role."""
    if not permissions.can_view_learning(user):
        return LearningPoint.objects.none()
    points = LearningPoint.objects.all()
    if not permissions.can_view_unpublished_learning(user):
        points = points.filter(is_published=True)
    return points


def learning_point_list_for_user(
    *,
    user: User,
    search: str = "",
    theme: Theme | None = None,
    source_kind: str = "",
    year: ReportingYear | None = None,
    agency: Agency | None = None,
    area: Area | None = None,
) -> QuerySet[LearningPoint]:
    """The learning the user may see, filtered: newest first, or best match first when
    searching. `search` covers the title, summary, source's title and theme names (see
    `_search`); `year` is the reporting year it was recorded in."""
    points = learning_point_visible_to(user=user)
    ranked = False
    if search.strip():
        points, ranked = _search(points, search)
    if theme is not None:
        points = points.filter(theme_links__theme=theme)
    if source_kind:
        points = points.filter(source_kind=source_kind)
    if year is not None:
        points = points.filter(recorded_on__range=(year.start, year.end))
    if agency is not None:
        points = points.filter(agency_links__agency=agency)
    if area is not None:
        points = points.filter(area=area)
    if ranked:
        return _with_relations(points).order_by("-rank", "-recorded_on", "-id")
    return _with_relations(points).order_by("-recorded_on", "-id")


def _theme_names() -> Subquery:
    """Each learning point's theme names in one string (for full-text search)."""
    return Subquery(
        LearningPointTheme.objects.filter(learning_point=OuterRef("pk"))
        .order_by()
        .values("learning_point")
        .annotate(names=StringAgg("theme__name", delimiter=" "))
        .values("names")[:1],
        output_field=models.TextField(),
    )


def _search(points: QuerySet[LearningPoint], search: str) -> tuple[QuerySet[LearningPoint], bool]:
    """Search the title, summary, source title and themes. On PostgreSQL: full-text search
    (English stemming, so "dogs" finds "Dog attacks"), ranked with title and themes weighted
    above the summary; returns (points, True) with a `rank` annotation. Elsewhere (SQLite in
    development and tests): every word must appear in one of those, case-insensitively."""
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector(
                Coalesce(_theme_names(), Value(""), output_field=models.TextField()),
                weight="A",
                config="english",
            )
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("source_title", weight="C", config="english")
        )
        query = SearchQuery(search, search_type="websearch", config="english")
        points = points.annotate(search_document=vector, rank=SearchRank(vector, query)).filter(
            search_document=query
        )
        return points, True
    for word in search.split():
        theme_match = LearningPointTheme.objects.filter(
            learning_point=OuterRef("pk"), theme__name__icontains=word
        )
        points = points.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(source_title__icontains=word)
            | Exists(theme_match)
        )
    return points, False


def learning_point_list_for_source(
    *, source: models.Model, published_only: bool = False
) -> QuerySet[LearningPoint]:
    """The learning recorded against one record. The caller has already checked that the user
    may see `source`; pass published_only for people who see only published learning."""
    if source.pk is None:
        return LearningPoint.objects.none()
    points = LearningPoint.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    )
    if published_only:
        points = points.filter(is_published=True)
    return _with_relations(points).order_by("recorded_on", "id")


# --- trends --------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeTrendRow:
    theme: Theme
    counts: tuple[int, ...]  # one per year, in ThemeTrend.years order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ThemeTrend:
    years: tuple[ReportingYear, ...]
    rows: tuple[ThemeTrendRow, ...]

    def count(self, theme: Theme, year: ReportingYear) -> int:
        index = self.years.index(year)
        for row in self.rows:
            if row.theme.pk == theme.pk:
                return row.counts[index]
        return 0

    def year_totals(self) -> tuple[int, ...]:
        """Learning points per year (a point with two themes counts once per theme)."""
        return tuple(sum(row.counts[i] for row in self.rows) for i in range(len(self.years)))


def theme_trend(
    *, years: Sequence[ReportingYear], user: User | None = None, published_only: bool = False
) -> ThemeTrend:
    """How many learning points carry each theme in each reporting year (by `recorded_on`,
    1 April to 31 March), from one aggregate query. With `user`, counts only the learning that
    user may see; without, counts all of it (for figures such as the annual report's).

    Rows: every current theme, and retired themes that have learning in these years; most
    used first."""
    ordered = tuple(sorted(set(years)))
    counts: dict[tuple[int, int], int] = {}
    if ordered:
        links = LearningPointTheme.objects.filter(
            learning_point__recorded_on__range=(ordered[0].start, ordered[-1].end)
        )
        if user is not None:
            links = links.filter(learning_point__in=learning_point_visible_to(user=user))
        if published_only:
            links = links.filter(learning_point__is_published=True)
        year_of = Case(
            *[
                When(learning_point__recorded_on__range=(y.start, y.end), then=Value(y.start_year))
                for y in ordered
            ],
            default=Value(None),
            output_field=IntegerField(),
        )
        rows = (
            links.annotate(start_year=year_of)
            .filter(start_year__isnull=False)
            .values("theme_id", "start_year")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = {(row["theme_id"], row["start_year"]): row["n"] for row in rows}
    used = {theme_id for theme_id, _year in counts}
    themes = Theme.objects.filter(Q(retired_on__isnull=True) | Q(pk__in=used))
    trend_rows = [
        ThemeTrendRow(
            theme=theme,
            counts=tuple(counts.get((theme.pk, y.start_year), 0) for y in ordered),
        )
        for theme in themes
    ]
    trend_rows.sort(key=lambda row: (-row.total, row.theme.name.lower()))
    return ThemeTrend(years=ordered, rows=tuple(trend_rows))


def earliest_learning_year(*, user: User) -> ReportingYear | None:
    """The first reporting year in which the user may see any learning."""
    first = (
        learning_point_visible_to(user=user)
        .order_by("recorded_on")
        .values_list("recorded_on", flat=True)
        .first()
    )
    return ReportingYear.containing(first) if first is not None else None


# --- one source's learning (the permanent page per review) ---------------------------


def learning_point_list_for_source_ref(
    *, user: User, source_type_id: int, source_id: int
) -> QuerySet[LearningPoint]:
    """The learning from one source record (a review, a rapid review, an audit...) that the
    user may see, in the order it was recorded."""
    points = learning_point_visible_to(user=user).filter(
        source_type_id=source_type_id, source_id=source_id
    )
    return _with_relations(points).order_by("recorded_on", "id")


# --- exports -------------------------------------------------------------------------

LEARNING_EXPORT_HEADER = (
    "Title",
    "Summary",
    "Type",
    "From",
    "Recorded on",
    "Reporting year",
    "Themes",
    "Agencies",
    "Area",
    "Published",
)


def learning_export_rows(*, points: QuerySet[LearningPoint]) -> Iterator[list[object]]:
    """One row per learning point (pass a queryset from learning_point_list_for_user), as a
    generator reading the points in chunks (themes and agencies prefetched per chunk)."""
    return (
        [
            p.title,
            p.summary,
            p.get_source_kind_display(),
            p.source_title,
            p.recorded_on,
            p.reporting_year.label,
            "; ".join(t.name for t in p.themes.all()),
            "; ".join(a.name for a in p.agencies.all()),
            p.area.name if p.area else "Whole partnership",
            p.is_published,
        ]
        for p in points.iterator(chunk_size=500)
    )


def trend_export_header(*, trend: ThemeTrend) -> list[str]:
    return ["Theme", *[y.label for y in trend.years], "Total"]


def trend_export_rows(*, trend: ThemeTrend) -> list[list[object]]:
    rows: list[list[object]] = [
        [row.theme.name, *row.counts, row.total] for row in trend.rows if row.total
    ]
    totals = trend.year_totals()
    rows.append(["All themes", *totals, sum(totals)])
    return rows
