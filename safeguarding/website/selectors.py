"""Reads for the public website: what is published, search, where to report a concern, and
the site's statistics for a year or month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet, Sum

from safeguarding.annual_reports import selectors as annual_report_selectors
from safeguarding.annual_reports.models import PublishedVersion, ReportEdition
from safeguarding.case_reviews import selectors as case_review_selectors
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.core.reporting import percent
from safeguarding.core.years import ReportingYear
from safeguarding.learning import selectors as learning_selectors
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership.models import Area, District
from safeguarding.website.models import (
    FrontDoor,
    Page,
    PageViewDay,
    Resource,
    ResourceVersion,
    SiteDay,
    Tool,
    Topic,
)


def _with_versions(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    return resources.select_related("topic").prefetch_related(
        Prefetch("versions", queryset=ResourceVersion.objects.order_by("-number"))
    )


def home_page() -> Page | None:
    return Page.objects.filter(kind=Page.Kind.HOME, is_published=True).first()


def page_list_published(*, exclude_home: bool = True) -> QuerySet[Page]:
    pages = Page.objects.filter(is_published=True).select_related("topic")
    return pages.exclude(kind=Page.Kind.HOME) if exclude_home else pages


def topic_list_in_use() -> QuerySet[Topic]:
    return (
        Topic.objects.active()
        .filter(Q(resources__is_published=True) | Q(pages__is_published=True))
        .distinct()
    )


def resource_list_published(
    *, topic: Topic | None = None, audience: str = ""
) -> QuerySet[Resource]:
    resources = Resource.objects.filter(is_published=True)
    if topic is not None:
        resources = resources.filter(topic=topic)
    if audience:
        resources = resources.filter(audience=audience)
    return _with_versions(resources)


def resource_versions(*, resource: Resource) -> list[ResourceVersion]:
    return list(resource.versions.order_by("-number"))


def page_list_for_management() -> QuerySet[Page]:
    return Page.objects.select_related("topic", "owner").order_by("title")


def resource_list_for_management() -> QuerySet[Resource]:
    return _with_versions(Resource.objects.order_by("title"))


def front_door_list_for_management() -> QuerySet[FrontDoor]:
    return FrontDoor.objects.select_related("area", "district")


def front_door_areas() -> QuerySet[Area]:
    return Area.objects.active().order_by("name")


def front_door_districts(*, area: Area) -> QuerySet[District]:
    return District.objects.active().filter(area=area).order_by("name")


def front_door_for(*, area: Area, district: District | None) -> FrontDoor | None:
    """The district's own front door if it has one, else the area's."""
    doors = FrontDoor.objects.active().filter(area=area).select_related("area", "district")
    if district is not None:
        own = doors.filter(district=district).first()
        if own is not None:
            return own
    return doors.filter(district__isnull=True).first()


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: str
    summary: str
    url: str


def search(*, query: str, limit: int = 50) -> list[SearchResult]:
    """Pages, resources, published learning, published case reviews and yearly reports whose
    words match every word of the query."""
    from django.urls import reverse

    words = [w for w in query.split() if len(w) > 1][:8]
    if not words:
        return []
    page_q, resource_q, learning_q, review_q = Q(), Q(), Q(), Q()
    for word in words:
        page_q &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        resource_q &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(topic__name__icontains=word)
        )
        learning_q &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(themes__name__icontains=word)
        )
        review_q &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(key_message__icontains=word)
        )
    results = [
        SearchResult("Page", p.title, p.summary, reverse("website:page_detail", args=[p.slug]))
        for p in page_list_published().filter(page_q)[:limit]
    ]
    results += [
        SearchResult(
            "Resource", r.title, r.summary, reverse("website:resource_detail", args=[r.slug])
        )
        for r in Resource.objects.filter(is_published=True)
        .filter(resource_q)
        .select_related("topic")[:limit]
    ]
    results += [
        SearchResult(
            "Learning", p.title, p.summary, reverse("website:learning_detail", args=[p.pk])
        )
        for p in learning_published().filter(learning_q).distinct()[:limit]
    ]
    results += [
        SearchResult(
            "Case review",
            r.learning_title,
            r.summary,
            reverse("website:practice_review_detail", args=[r.pk]),
        )
        for r in practice_review_list_published().filter(review_q)[:limit]
    ]
    results += [
        SearchResult(
            "Yearly report",
            version.title,
            f"Published {version.published_at:%-d %B %Y}",
            reverse(
                "published_reports:published_version", args=[edition.year_label, version.number]
            ),
        )
        for edition, version in annual_report_list_published()
        if all(word.lower() in f"{version.title} {edition.year_label}".lower() for word in words)
    ]
    return results[:limit]


def annual_report_list_published() -> list[tuple[ReportEdition, PublishedVersion]]:
    """The yearly reports annual_reports has published, each with its latest version, newest
    year first (their public pages live under /reports/)."""
    editions = annual_report_selectors.published_edition_list()
    return sorted(editions, key=lambda pair: pair[0].year_label, reverse=True)


# --- published case reviews ------------------------------------------------------------


def practice_review_list_published() -> QuerySet[PracticeReview]:
    """The reviews case_reviews marks as published (and not archived), newest first."""
    return case_review_selectors.practice_review_list_published()


def practice_review_learning(*, review: PracticeReview) -> QuerySet[LearningPoint]:
    """The review's findings the partnership has published (the learning app's flag)."""
    return learning_selectors.learning_point_list_for_source(source=review, published_only=True)


def practice_review_briefings(*, review: PracticeReview) -> QuerySet[Resource]:
    """Published resources (7-minute briefings and the like) that share the review's learning."""
    return resource_list_published().filter(practice_review=review)


def learning_published() -> QuerySet[LearningPoint]:
    """Learning the partnership has published (the learning app's own flag)."""
    return (
        LearningPoint.objects.filter(is_published=True)
        .prefetch_related("themes")
        .order_by("-published_at", "-pk")
    )


def reviews_due(*, on: date) -> tuple[list[Page], list[ResourceVersion], list[FrontDoor]]:
    pages = list(Page.objects.filter(is_published=True, review_on__lte=on).order_by("review_on"))
    versions = list(
        ResourceVersion.objects.filter(
            superseded_on__isnull=True, review_on__lte=on, resource__is_published=True
        )
        .select_related("resource")
        .order_by("review_on")
    )
    doors = list(
        FrontDoor.objects.active()
        .filter(review_on__lte=on)
        .select_related("area", "district")
        .order_by("review_on")
    )
    return pages, versions, doors


@dataclass(frozen=True)
class SiteFigures:
    """The site's statistics for a period (a reporting year, or a month of one)."""

    label: str
    page_views: int
    users: int
    from_search: int
    from_social: int
    from_direct: int
    from_other: int
    desktop: int
    mobile: int
    tablet: int

    @property
    def search_share(self) -> int | None:
        return percent(self.from_search, self.users)

    @property
    def mobile_share(self) -> int | None:
        return percent(self.mobile, self.users)

    @property
    def device_shares(self) -> list[tuple[str, int, int | None]]:
        return [
            (label, count, percent(count, self.users))
            for label, count in (
                ("Desktop", self.desktop),
                ("Mobile", self.mobile),
                ("Tablet", self.tablet),
            )
        ]

    @property
    def source_shares(self) -> list[tuple[str, int, int | None]]:
        return [
            (label, count, percent(count, self.users))
            for label, count in (
                ("Search engines", self.from_search),
                ("Social media", self.from_social),
                ("Direct", self.from_direct),
                ("Other websites", self.from_other),
            )
        ]


_COUNTERS = (
    "views", "users", "from_search", "from_social", "from_direct", "from_other",
    "desktop", "mobile", "tablet",
)  # fmt: skip


def site_figures(*, start: date, end: date, label: str) -> SiteFigures:
    """Sums of the day counters from start to end inclusive (one query)."""
    totals = SiteDay.objects.filter(day__gte=start, day__lte=end).aggregate(
        **{name: Sum(name) for name in _COUNTERS}
    )
    values = {name: int(totals[name] or 0) for name in _COUNTERS}
    return SiteFigures(
        label=label,
        page_views=values["views"],
        users=values["users"],
        from_search=values["from_search"],
        from_social=values["from_social"],
        from_direct=values["from_direct"],
        from_other=values["from_other"],
        desktop=values["desktop"],
        mobile=values["mobile"],
        tablet=values["tablet"],
    )


def site_figures_for_year(*, year: ReportingYear) -> SiteFigures:
    return site_figures(start=year.start, end=year.end, label=year.label)


def site_figures_by_month(*, year: ReportingYear) -> list[tuple[str, int, int]]:
    """(month, page views, users) for each month of the year, in one query."""
    from django.db.models.functions import TruncMonth

    rows = (
        SiteDay.objects.filter(day__gte=year.start, day__lte=year.end)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(views=Sum("views"), users=Sum("users"))
        .order_by("month")
    )
    by_month = {row["month"]: (int(row["views"]), int(row["users"])) for row in rows}
    months = []
    for offset in range(12):
        month_number = (year.start.month - 1 + offset) % 12 + 1
        year_number = year.start.year + (year.start.month - 1 + offset) // 12
        first = date(year_number, month_number, 1)
        views, users = by_month.get(first, (0, 0))
        months.append((first.strftime("%B %Y"), views, users))
    return months


def top_pages(*, year: ReportingYear, limit: int = 10) -> list[tuple[str, int]]:
    rows = (
        PageViewDay.objects.filter(day__gte=year.start, day__lte=year.end)
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")[:limit]
    )
    return [(row["path"], int(row["total"])) for row in rows]


def statistics_years() -> list[ReportingYear]:
    first = SiteDay.objects.order_by("day").values_list("day", flat=True).first()
    last = SiteDay.objects.order_by("-day").values_list("day", flat=True).first()
    if first is None or last is None:
        return []
    start, end = ReportingYear.containing(first), ReportingYear.containing(last)
    return [ReportingYear(y) for y in range(end.start_year, start.start_year - 1, -1)]


def tool_list_published() -> QuerySet[Tool]:
    return Tool.objects.filter(is_published=True).order_by("title")


def tool_list_for_management() -> QuerySet[Tool]:
    return Tool.objects.select_related("form").prefetch_related("outcomes", "rules")
