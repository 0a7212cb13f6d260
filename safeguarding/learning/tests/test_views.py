"""Every page: allowed, outsider 404, read-only 403 on writes, wrong method 405."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.registry import nav_for_user
from safeguarding.core.testing import ViewMatrix
from safeguarding.learning import verbs
from safeguarding.learning.models import Theme, ThemeNameChange
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _url(name: str, *args: object) -> str:
    return reverse(f"learning:{name}", args=args)


# --- learning list -------------------------------------------------------------------


def test_learning_list_shows_practitioner_published_learning_only(
    client: Client, practitioner: User
) -> None:
    LearningPointFactory.create(title="Published learning", is_published=True)
    LearningPointFactory.create(title="Draft learning", is_published=False)

    response = ViewMatrix(client, _url("learning_point_list")).allowed(practitioner)

    assert b"Published learning" in response.content
    assert b"Draft learning" not in response.content


def test_learning_list_shows_drafts_tagged_to_panel(client: Client, panel_member: User) -> None:
    LearningPointFactory.create(title="Draft learning", is_published=False)

    response = ViewMatrix(client, _url("learning_point_list")).allowed(panel_member)

    assert b"Draft learning" in response.content
    assert b"Not published" in response.content


def test_learning_list_searches_and_filters_by_theme(client: Client, officer: User) -> None:
    theme = ThemeFactory.create(slug="farm-animals")
    LearningPointFactory.create(title="Horses and ponies", themes=[theme])
    LearningPointFactory.create(title="Horses elsewhere")
    LearningPointFactory.create(title="Cows", themes=[theme])

    response = ViewMatrix(client, _url("learning_point_list")).allowed(
        officer, data={"q": "horses", "theme": "farm-animals"}
    )

    assert b"Horses and ponies" in response.content
    assert b"Horses elsewhere" not in response.content
    assert b"Cows" not in response.content


def test_learning_list_reports_unknown_theme_and_still_lists(
    client: Client, officer: User
) -> None:
    LearningPointFactory.create(title="Still listed")

    response = ViewMatrix(client, _url("learning_point_list")).allowed(
        officer, data={"theme": "no-such-theme"}
    )

    assert b"There is a problem" in response.content
    assert b"Still listed" in response.content


def test_learning_list_pages_keep_the_search(client: Client, officer: User) -> None:
    for n in range(30):
        LearningPointFactory.create(title=f"Sleep point {n}")

    response = ViewMatrix(client, _url("learning_point_list")).allowed(
        officer, data={"q": "sleep point"}
    )

    assert b"30 learning points" in response.content
    assert b"q=sleep+point&amp;page=2" in response.content


def test_learning_list_read_only_member_may_read(client: Client, member_readonly: User) -> None:
    ViewMatrix(client, _url("learning_point_list")).allowed(member_readonly)


def test_learning_list_outsider_gets_404(client: Client, outsider: User) -> None:
    ViewMatrix(client, _url("learning_point_list")).outsider(outsider)


def test_learning_list_wrong_method_gets_405(client: Client, officer: User) -> None:
    ViewMatrix(client, _url("learning_point_list")).wrong_method(officer, "post")


def test_learning_list_anonymous_is_sent_to_sign_in(client: Client) -> None:
    ViewMatrix(client, _url("learning_point_list")).anonymous_redirected()


def test_learning_nav_item_shown_to_anyone_with_a_role(practitioner: User, outsider: User) -> None:
    assert "learning" in [item.key for item in nav_for_user(practitioner)]
    assert "learning" not in [item.key for item in nav_for_user(outsider)]


# --- learning point page -------------------------------------------------------------


def test_learning_point_page_shows_learning(client: Client, practitioner: User) -> None:
    theme = ThemeFactory.create(name="Farm animals")
    point = LearningPointFactory.create(
        title="Check the animals", themes=[theme], recorded_on=date(2021, 3, 31)
    )

    response = ViewMatrix(client, _url("learning_point_detail", point.pk)).allowed(practitioner)

    assert b"Check the animals" in response.content
    assert b"Farm animals" in response.content
    assert b"2020-21" in response.content


def test_learning_point_page_unpublished_is_404_for_practitioner(
    client: Client, practitioner: User, panel_member: User
) -> None:
    point = LearningPointFactory.create(is_published=False)
    matrix = ViewMatrix(client, _url("learning_point_detail", point.pk))

    matrix.outsider(practitioner)
    response = matrix.allowed(panel_member)
    assert b"has not been published" in response.content


def test_learning_point_page_outsider_gets_404(client: Client, outsider: User) -> None:
    point = LearningPointFactory.create()

    ViewMatrix(client, _url("learning_point_detail", point.pk)).outsider(outsider)


def test_learning_point_page_wrong_method_gets_405(client: Client, officer: User) -> None:
    point = LearningPointFactory.create()

    ViewMatrix(client, _url("learning_point_detail", point.pk)).wrong_method(officer, "post")


# --- theme list and page -------------------------------------------------------------


def test_theme_list_shows_usage_and_retired_tag(client: Client, officer: User) -> None:
    theme = ThemeFactory.create(name="Farm animals", slug="farm-animals")
    ThemeFactory.create(name="Old ways", retired_on=date(2021, 1, 1))
    LearningPointFactory.create(themes=[theme])
    LearningPointFactory.create(themes=[theme])

    response = ViewMatrix(client, _url("theme_list")).allowed(officer)

    assert b'>2<span class="govuk-visually-hidden"> learning points about Farm animals' in (
        response.content
    )
    assert b'govuk-tag--grey">Retired' in response.content
    assert b"Add a theme" not in response.content  # officers may not manage themes


def test_theme_list_offers_add_to_administrator(client: Client, owner: User) -> None:
    response = ViewMatrix(client, _url("theme_list")).allowed(owner)

    assert b"Add a theme" in response.content


def test_theme_list_outsider_gets_404(client: Client, outsider: User) -> None:
    ViewMatrix(client, _url("theme_list")).outsider(outsider)


def test_theme_list_wrong_method_gets_405(client: Client, owner: User) -> None:
    ViewMatrix(client, _url("theme_list")).wrong_method(owner, "post")


def test_theme_page_shows_name_history(client: Client, practitioner: User) -> None:
    theme = ThemeFactory.create(name="Now")
    ThemeNameChange.objects.create(theme=theme, old_name="Before", new_name="Now")

    response = ViewMatrix(client, _url("theme_detail", theme.pk)).allowed(practitioner)

    assert b"Before" in response.content
    assert b"Retire" not in response.content


def test_theme_page_outsider_gets_404(client: Client, outsider: User) -> None:
    ViewMatrix(client, _url("theme_detail", ThemeFactory.create().pk)).outsider(outsider)


def test_theme_page_wrong_method_gets_405(client: Client, owner: User) -> None:
    ViewMatrix(client, _url("theme_detail", ThemeFactory.create().pk)).wrong_method(owner, "post")


# --- add a theme ---------------------------------------------------------------------


def test_theme_create_adds_theme(client: Client, owner: User) -> None:
    matrix = ViewMatrix(client, _url("theme_create"))
    matrix.allowed(owner)

    response = matrix.allowed(
        owner,
        method="post",
        data={"name": "Farm animals", "description": "Risks from livestock."},
        status=302,
    )

    assert response["Location"] == _url("theme_list")
    theme = Theme.objects.get(name="Farm animals")
    assert ActivityEvent.objects.filter(verb=verbs.THEME_CREATED, target_id=str(theme.pk)).exists()


def test_theme_create_shows_error_when_name_taken(client: Client, owner: User) -> None:
    ThemeFactory.create(name="Farm animals")

    response = ViewMatrix(client, _url("theme_create")).allowed(
        owner, method="post", data={"name": "farm ANIMALS"}
    )

    assert b"There is a problem" in response.content
    assert b"already a theme called" in response.content


def test_theme_create_outsider_gets_404(client: Client, outsider: User) -> None:
    matrix = ViewMatrix(client, _url("theme_create"))
    matrix.outsider(outsider)
    matrix.outsider(outsider, method="post", data={"name": "Sneaky"})


def test_theme_create_read_only_gets_403(client: Client, member_readonly: User) -> None:
    ViewMatrix(client, _url("theme_create")).read_only_write(
        member_readonly, data={"name": "Sneaky"}
    )

    assert not Theme.objects.filter(name="Sneaky").exists()


def test_theme_create_officer_gets_403(client: Client, officer: User) -> None:
    ViewMatrix(client, _url("theme_create")).read_only_write(officer, data={"name": "Sneaky"})


def test_theme_create_wrong_method_gets_405(client: Client, owner: User) -> None:
    ViewMatrix(client, _url("theme_create")).wrong_method(owner, "delete")


# --- rename a theme ------------------------------------------------------------------


def test_theme_rename_renames_and_keeps_history(client: Client, owner: User) -> None:
    theme = ThemeFactory.create(name="Farm animals")
    matrix = ViewMatrix(client, _url("theme_rename", theme.pk))
    matrix.allowed(owner)

    response = matrix.allowed(
        owner, method="post", data={"new_name": "Animals", "version": 1}, status=302
    )

    assert response["Location"] == _url("theme_detail", theme.pk)
    assert Theme.objects.get(pk=theme.pk).name == "Animals"
    assert ThemeNameChange.objects.filter(theme=theme, old_name="Farm animals").exists()


def test_theme_rename_shows_conflict_when_someone_else_renamed_first(
    client: Client, owner: User
) -> None:
    theme = ThemeFactory.create(name="Farm animals")
    Theme.objects.filter(pk=theme.pk).update(name="Livestock", version=2)

    response = ViewMatrix(client, _url("theme_rename", theme.pk)).allowed(
        owner, method="post", data={"new_name": "Animals", "version": 1}
    )

    assert b"Someone else saved this record" in response.content
    assert "Livestock" in response.content.decode()
    assert Theme.objects.get(pk=theme.pk).name == "Livestock"


def test_theme_rename_outsider_gets_404(client: Client, outsider: User) -> None:
    ViewMatrix(client, _url("theme_rename", ThemeFactory.create().pk)).outsider(outsider)


def test_theme_rename_read_only_gets_403(client: Client, member_readonly: User) -> None:
    theme = ThemeFactory.create()

    ViewMatrix(client, _url("theme_rename", theme.pk)).read_only_write(
        member_readonly, data={"new_name": "Sneaky", "version": 1}
    )


def test_theme_rename_wrong_method_gets_405(client: Client, owner: User) -> None:
    ViewMatrix(client, _url("theme_rename", ThemeFactory.create().pk)).wrong_method(owner)


# --- retire and reinstate ------------------------------------------------------------


def test_theme_retire_retires_theme(client: Client, owner: User) -> None:
    theme = ThemeFactory.create()

    response = ViewMatrix(client, _url("theme_retire", theme.pk)).allowed(
        owner, method="post", status=302
    )

    assert response["Location"] == _url("theme_detail", theme.pk)
    assert Theme.objects.get(pk=theme.pk).is_retired


def test_theme_retire_twice_shows_message_not_error(client: Client, owner: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))
    client.force_login(owner)

    response = client.post(_url("theme_retire", theme.pk), follow=True)

    assert b"already retired" in response.content


def test_theme_retire_outsider_gets_404(client: Client, outsider: User) -> None:
    ViewMatrix(client, _url("theme_retire", ThemeFactory.create().pk)).outsider(
        outsider, method="post"
    )


def test_theme_retire_read_only_gets_403(client: Client, member_readonly: User) -> None:
    theme = ThemeFactory.create()

    ViewMatrix(client, _url("theme_retire", theme.pk)).read_only_write(member_readonly)

    assert not Theme.objects.get(pk=theme.pk).is_retired


def test_theme_retire_wrong_method_gets_405(client: Client, owner: User) -> None:
    ViewMatrix(client, _url("theme_retire", ThemeFactory.create().pk)).wrong_method(owner, "get")


def test_theme_reinstate_makes_theme_current(client: Client, owner: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))

    ViewMatrix(client, _url("theme_reinstate", theme.pk)).allowed(owner, method="post", status=302)

    assert not Theme.objects.get(pk=theme.pk).is_retired


def test_theme_reinstate_outsider_gets_404(client: Client, outsider: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))

    ViewMatrix(client, _url("theme_reinstate", theme.pk)).outsider(outsider, method="post")


def test_theme_reinstate_read_only_gets_403(client: Client, member_readonly: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))

    ViewMatrix(client, _url("theme_reinstate", theme.pk)).read_only_write(member_readonly)


def test_theme_reinstate_wrong_method_gets_405(client: Client, owner: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))

    ViewMatrix(client, _url("theme_reinstate", theme.pk)).wrong_method(owner, "get")


# --- search covers themes; the theme filter for practitioners (#15) ---------------------


def _dog_attacks() -> Theme:
    return Theme.objects.filter(name="Dog attacks").first() or ThemeFactory.create(
        name="Dog attacks"
    )


def _neglect() -> Theme:
    return Theme.objects.filter(name="Neglect").first() or ThemeFactory.create(name="Neglect")


@pytest.mark.parametrize("words", ["dog", "Dog attacks", "neglect", "NEGLECT"])
def test_learning_search_finds_learning_by_its_themes(
    client: Client, practitioner: User, words: str
) -> None:
    LearningPointFactory.create(title="Never leave a baby alone", themes=[_dog_attacks()])
    LearningPointFactory.create(title="See the child in the home", themes=[_neglect()])
    LearningPointFactory.create(title="Unrelated learning")

    response = ViewMatrix(client, _url("learning_point_list")).allowed(
        practitioner, data={"q": words}
    )

    titles = [point.title for point in response.context["page_obj"]]
    dog = "Never leave a baby alone"
    expected = dog if "dog" in words.lower() else "See the child in the home"
    assert titles == [expected]


def test_learning_search_covers_title_summary_and_source(client: Client, officer: User) -> None:
    LearningPointFactory.create(title="Supervision matters")
    LearningPointFactory.create(title="Other", summary="Managers should offer supervision.")
    LearningPointFactory.create(title="Third", source_title="Supervision review 2021")
    LearningPointFactory.create(title="Not this one")

    response = ViewMatrix(client, _url("learning_point_list")).allowed(
        officer, data={"q": "supervision"}
    )

    assert response.context["page_obj"].paginator.count == 3


def test_theme_filter_shows_published_learning_to_practitioners(
    client: Client, practitioner: User
) -> None:
    dogs = _dog_attacks()
    LearningPointFactory.create(title="Published dog learning", themes=[dogs])
    LearningPointFactory.create(title="Draft dog learning", themes=[dogs], is_published=False)
    LearningPointFactory.create(title="Other published learning")

    response = ViewMatrix(client, _url("learning_point_list")).allowed(
        practitioner, data={"theme": dogs.slug}
    )

    assert [p.title for p in response.context["page_obj"]] == ["Published dog learning"]
    # the filter names each theme with the learning the practitioner can see under it
    assert "Dog attacks (1)" in response.content.decode()


def test_learning_search_on_postgresql_is_ranked_full_text_over_themes() -> None:
    """The PostgreSQL branch compiles to a ranked full-text search that includes the themes
    (checked by compiling its SQL; the tests run on SQLite)."""
    from unittest import mock

    from django.db import connection
    from django.db.backends.postgresql.base import DatabaseWrapper

    from safeguarding.learning import selectors
    from safeguarding.learning.models import LearningPoint

    settings = {**connection.settings_dict, "NAME": "x"}
    settings["ENGINE"] = "django.db.backends.postgresql"
    postgres = DatabaseWrapper(settings)
    with mock.patch.object(selectors, "connection", postgres):
        points, ranked = selectors._search(LearningPoint.objects.all(), "dog attacks")
    with mock.patch.object(postgres, "get_database_version", return_value=(16,)):
        sql, _params = points.order_by("-rank").query.get_compiler(connection=postgres).as_sql()
    assert ranked
    assert "to_tsvector" in sql
    assert "websearch_to_tsquery" in sql
    assert "ts_rank" in sql
    assert "STRING_AGG" in sql.upper()
