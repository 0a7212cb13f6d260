from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from pytest_django import DjangoAssertNumQueries

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.core.years import ReportingYear
from safeguarding.learning import selectors
from safeguarding.learning.models import LearningPoint, LearningPointTheme, Theme
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory, GroupFactory

pytestmark = pytest.mark.django_db

Y2020 = ReportingYear(2020)
Y2021 = ReportingYear(2021)


def _titles(points: object) -> set[str]:
    return {p.title for p in points}  # type: ignore[attr-defined]


# --- who sees what -------------------------------------------------------------------


def test_practitioner_sees_only_published_learning(practitioner: User) -> None:
    LearningPointFactory.create(title="Published", is_published=True)
    LearningPointFactory.create(title="Draft", is_published=False)

    points = selectors.learning_point_list_for_user(user=practitioner)

    assert _titles(points) == {"Published"}


def test_read_only_roles_see_only_published_learning(member_readonly: User) -> None:
    LearningPointFactory.create(title="Published", is_published=True)
    LearningPointFactory.create(title="Draft", is_published=False)

    assert _titles(selectors.learning_point_list_for_user(user=member_readonly)) == {"Published"}


@pytest.mark.parametrize(
    "role",
    [
        Role.PARTNERSHIP_ADMIN,
        Role.BUSINESS_UNIT,
        Role.CASE_REVIEW_PANEL,
        Role.CDOP_MANAGER,
        Role.CDOP_PANEL,
    ],
)
def test_people_who_write_learning_see_unpublished_learning(
    make_user: Callable[..., User], role: str
) -> None:
    LearningPointFactory.create(title="Published", is_published=True)
    LearningPointFactory.create(title="Draft", is_published=False)

    points = selectors.learning_point_list_for_user(user=make_user(role))

    assert _titles(points) == {"Published", "Draft"}


def test_person_without_a_role_sees_no_learning(outsider: User) -> None:
    LearningPointFactory.create(is_published=True)

    assert not selectors.learning_point_list_for_user(user=outsider).exists()


# --- search and filters --------------------------------------------------------------


def test_search_finds_by_title(officer: User) -> None:
    LearningPointFactory.create(title="Safer sleeping advice at every visit")
    LearningPointFactory.create(title="Something else")

    points = selectors.learning_point_list_for_user(user=officer, search="SLEEPING")

    assert _titles(points) == {"Safer sleeping advice at every visit"}


def test_search_finds_by_summary(officer: User) -> None:
    LearningPointFactory.create(title="One", summary="Consider Clare's Law disclosure.")
    LearningPointFactory.create(title="Two", summary="Nothing relevant.")

    assert _titles(selectors.learning_point_list_for_user(user=officer, search="clare")) == {"One"}


def test_search_needs_every_word(officer: User) -> None:
    LearningPointFactory.create(title="Dogs and babies", summary="Never leave them alone.")
    LearningPointFactory.create(title="Dogs in the home", summary="Assess the risk.")

    points = selectors.learning_point_list_for_user(user=officer, search="dogs alone")

    assert _titles(points) == {"Dogs and babies"}


def test_filter_by_theme(officer: User) -> None:
    theme, other = ThemeFactory.create(), ThemeFactory.create()
    LearningPointFactory.create(title="Both", themes=[theme, other])
    LearningPointFactory.create(title="Other", themes=[other])

    points = selectors.learning_point_list_for_user(user=officer, theme=theme)

    assert [p.title for p in points] == ["Both"]


def test_filter_by_source_kind(officer: User) -> None:
    LearningPointFactory.create(title="Audit", source_kind=LearningPoint.SourceKind.AUDIT)
    LearningPointFactory.create(title="Review", source_kind=LearningPoint.SourceKind.CSPR)

    points = selectors.learning_point_list_for_user(
        user=officer, source_kind=LearningPoint.SourceKind.AUDIT
    )

    assert _titles(points) == {"Audit"}


def test_filter_by_reporting_year_splits_at_31_march(officer: User) -> None:
    LearningPointFactory.create(title="31 March", recorded_on=date(2021, 3, 31))
    LearningPointFactory.create(title="1 April", recorded_on=date(2021, 4, 1))

    assert _titles(selectors.learning_point_list_for_user(user=officer, year=Y2020)) == {
        "31 March"
    }
    assert _titles(selectors.learning_point_list_for_user(user=officer, year=Y2021)) == {"1 April"}


def test_filter_by_agency_and_area(officer: User) -> None:
    agency, area = AgencyFactory.create(), AreaFactory.create()
    LearningPointFactory.create(title="Agency", agencies=[agency, AgencyFactory.create()])
    LearningPointFactory.create(title="Area", area=area)

    assert [
        p.title for p in selectors.learning_point_list_for_user(user=officer, agency=agency)
    ] == ["Agency"]
    assert _titles(selectors.learning_point_list_for_user(user=officer, area=area)) == {"Area"}


def test_list_is_newest_first_without_extra_queries_per_point(
    officer: User, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    theme = ThemeFactory.create()
    for day in (1, 3, 2):
        LearningPointFactory.create(
            recorded_on=date(2021, 1, day),
            themes=[theme],
            agencies=[AgencyFactory.create()],
            area=AreaFactory.create(),
        )
    assert officer.roles  # role grants are cached on the user before counting

    with django_assert_num_queries(3):  # points, themes, agencies
        points = list(selectors.learning_point_list_for_user(user=officer))
        for point in points:
            _ = [t.name for t in point.themes.all()]
            _ = [a.name for a in point.agencies.all()]
            _ = point.area.name if point.area else ""

    assert [p.recorded_on.day for p in points] == [3, 2, 1]


def test_list_for_source_returns_only_that_records_learning() -> None:
    group, other_group = GroupFactory.create(), GroupFactory.create()
    agency = AgencyFactory.create()
    LearningPointFactory.create(title="Mine", source=group)
    LearningPointFactory.create(title="Mine, draft", source=group, is_published=False)
    LearningPointFactory.create(title="Other group", source=other_group)
    LearningPointFactory.create(title="Other model", source=agency)
    # The agency and the group may share a primary key: the content type tells them apart.
    LearningPoint.objects.filter(title="Other model").update(source_id=group.pk)

    assert _titles(selectors.learning_point_list_for_source(source=group)) == {
        "Mine",
        "Mine, draft",
    }
    assert _titles(
        selectors.learning_point_list_for_source(source=group, published_only=True)
    ) == {"Mine"}


# --- themes --------------------------------------------------------------------------


def test_theme_list_leaves_out_retired_themes_unless_asked() -> None:
    current = ThemeFactory.create()
    retired = ThemeFactory.create(retired_on=date(2021, 1, 1))

    assert current in selectors.theme_list()
    assert retired not in selectors.theme_list()
    assert retired in selectors.theme_list(include_retired=True)


def test_theme_usage_counts_learning_the_user_may_see(officer: User, practitioner: User) -> None:
    theme = ThemeFactory.create()
    LearningPointFactory.create(themes=[theme], is_published=True)
    LearningPointFactory.create(themes=[theme], is_published=False)

    def count(user: User) -> int:
        return selectors.theme_list_with_usage(user=user).get(pk=theme.pk).point_count  # type: ignore[attr-defined, no-any-return]

    assert count(officer) == 2
    assert count(practitioner) == 1


# --- trends --------------------------------------------------------------------------


def test_theme_trend_counts_31_march_and_1_april_in_different_years() -> None:
    theme = ThemeFactory.create()
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 4, 1))
    LearningPointFactory.create(themes=[theme], recorded_on=date(2021, 3, 31))
    LearningPointFactory.create(themes=[theme], recorded_on=date(2021, 4, 1))
    LearningPointFactory.create(themes=[theme], recorded_on=date(2020, 3, 31))  # 2019-20

    trend = selectors.theme_trend(years=[Y2021, Y2020])

    assert trend.years == (Y2020, Y2021)
    assert trend.count(theme, Y2020) == 2
    assert trend.count(theme, Y2021) == 1


def test_theme_trend_matches_an_independent_count() -> None:
    rng = random.Random(2021)
    themes = [ThemeFactory.create() for _ in range(4)]
    start = date(2019, 3, 1)
    days = [start + timedelta(days=rng.randrange(0, 3 * 365 + 60)) for _ in range(60)]
    for calendar_year in (2019, 2020, 2021, 2022):  # both sides of every year boundary
        days += [date(calendar_year, 3, 31), date(calendar_year, 4, 1)]
    for day in days:
        LearningPointFactory.create(
            recorded_on=day,
            themes=rng.sample(themes, rng.randint(1, 3)),
            is_published=rng.random() < 0.5,
        )
    years = [ReportingYear(2019), ReportingYear(2020), ReportingYear(2021)]

    trend = selectors.theme_trend(years=years)

    # Independent count: walk every link in Python, with the year rule written out here.
    expected: Counter[tuple[int, int]] = Counter()
    for link in LearningPointTheme.objects.select_related("learning_point"):
        day = link.learning_point.recorded_on
        expected[(link.theme_id, day.year if day.month >= 4 else day.year - 1)] += 1
    for theme in themes:
        for year in years:
            assert trend.count(theme, year) == expected[(theme.pk, year.start_year)], (
                theme.name,
                year.label,
            )
    assert sum(trend.year_totals()) == sum(
        n for (_theme, start_year), n in expected.items() if 2019 <= start_year <= 2021
    )


def test_theme_trend_for_a_user_counts_only_learning_they_may_see(practitioner: User) -> None:
    theme = ThemeFactory.create()
    LearningPointFactory.create(themes=[theme], is_published=True)
    LearningPointFactory.create(themes=[theme], is_published=False)

    assert selectors.theme_trend(years=[Y2020], user=practitioner).count(theme, Y2020) == 1
    assert selectors.theme_trend(years=[Y2020], published_only=True).count(theme, Y2020) == 1
    assert selectors.theme_trend(years=[Y2020]).count(theme, Y2020) == 2


def test_theme_trend_lists_retired_theme_only_when_it_has_learning() -> None:
    used = ThemeFactory.create(retired_on=date(2022, 1, 1))
    unused = ThemeFactory.create(retired_on=date(2022, 1, 1))
    LearningPointFactory.create(themes=[used])

    rows = {row.theme for row in selectors.theme_trend(years=[Y2020]).rows}

    assert used in rows
    assert unused not in rows
    assert set(Theme.objects.filter(retired_on__isnull=True)) <= rows


def test_theme_trend_puts_most_used_theme_first() -> None:
    busy, quiet = ThemeFactory.create(), ThemeFactory.create()
    LearningPointFactory.create(themes=[busy, quiet])
    LearningPointFactory.create(themes=[busy])

    rows = selectors.theme_trend(years=[Y2020]).rows

    assert [row.theme for row in rows[:2]] == [busy, quiet]
    assert rows[0].total == 2
