from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.concurrency import EditConflictError
from safeguarding.learning import services, verbs
from safeguarding.learning.models import LearningPoint, Theme, ThemeNameChange
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
from safeguarding.partnership.models import Group
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory, GroupFactory

pytestmark = pytest.mark.django_db


def _events(verb: str, target: object) -> list[ActivityEvent]:
    return list(
        ActivityEvent.objects.filter(
            verb=verb,
            target_id=str(target.pk),  # type: ignore[attr-defined]
        )
    )


def _record(actor: User | None, **overrides: object) -> LearningPoint:
    data: dict[str, object] = {
        "actor": actor,
        "source": GroupFactory.create(),
        "source_kind": LearningPoint.SourceKind.RAPID_REVIEW,
        "title": "See the baby, not only the adults",
        "summary": "Practitioners should observe the baby at every visit.",
        "recorded_on": date(2021, 2, 1),
        "themes": [ThemeFactory.create()],
    }
    data.update(overrides)
    return services.learning_point_record(**data)  # type: ignore[arg-type]


# --- themes --------------------------------------------------------------------------


def test_theme_create_saves_and_records_event(owner: User) -> None:
    theme = services.theme_create(actor=owner, name="  Bruising   in babies ", description="x")

    assert theme.name == "Bruising in babies"
    assert theme.slug == "bruising-in-babies"
    assert theme.retired_on is None
    [event] = _events(verbs.THEME_CREATED, theme)
    assert event.actor == owner
    assert event.changes["name"] == {"before": None, "after": "Bruising in babies"}


def test_theme_create_rejected_when_name_taken_in_other_case(owner: User) -> None:
    ThemeFactory.create(name="Young carers")

    with pytest.raises(ValidationError) as exc:
        services.theme_create(actor=owner, name="young CARERS")

    assert "name" in exc.value.message_dict
    assert Theme.objects.filter(name__iexact="young carers").count() == 1


def test_theme_create_rejected_when_name_blank(owner: User) -> None:
    with pytest.raises(ValidationError):
        services.theme_create(actor=owner, name="   ")


def test_theme_create_gives_new_slug_when_old_theme_kept_it(owner: User) -> None:
    first = services.theme_create(actor=owner, name="Young carers")
    services.theme_rename(
        actor=owner, theme=first, new_name="Children who care", expected_version=first.version
    )

    second = services.theme_create(actor=owner, name="Young carers")

    assert first.slug == "young-carers"
    assert second.slug == "young-carers-2"


def test_theme_rename_keeps_history(owner: User) -> None:
    theme = ThemeFactory.create(name="Bullying")

    services.theme_rename(
        actor=owner, theme=theme, new_name="Bullying and cyberbullying", expected_version=1
    )

    theme.refresh_from_db()
    assert theme.name == "Bullying and cyberbullying"
    assert theme.version == 2
    [change] = ThemeNameChange.objects.filter(theme=theme)
    assert (change.old_name, change.new_name, change.changed_by) == (
        "Bullying",
        "Bullying and cyberbullying",
        owner,
    )
    [event] = _events(verbs.THEME_RENAMED, theme)
    assert event.changes == {"name": {"before": "Bullying", "after": "Bullying and cyberbullying"}}


def test_theme_rename_keeps_slug_and_learning(owner: User) -> None:
    theme = ThemeFactory.create(name="Bullying", slug="bullying")
    point = LearningPointFactory.create(themes=[theme])

    services.theme_rename(actor=owner, theme=theme, new_name="Peer abuse", expected_version=1)

    theme.refresh_from_db()
    assert theme.slug == "bullying"
    assert list(point.themes.all()) == [theme]


def test_theme_rename_allows_change_of_case_only(owner: User) -> None:
    theme = ThemeFactory.create(name="Farm Animals")

    services.theme_rename(actor=owner, theme=theme, new_name="Farm animals", expected_version=1)

    assert Theme.objects.get(pk=theme.pk).name == "Farm animals"


def test_theme_rename_rejected_when_version_stale(owner: User) -> None:
    theme = ThemeFactory.create(name="Bullying")
    services.theme_rename(actor=owner, theme=theme, new_name="Peer abuse", expected_version=1)
    stale = Theme.objects.get(pk=theme.pk)
    stale.version = 1

    with pytest.raises(EditConflictError) as exc:
        services.theme_rename(actor=owner, theme=stale, new_name="Bullies", expected_version=1)

    assert "Peer abuse" in exc.value.messages[0]
    assert Theme.objects.get(pk=theme.pk).name == "Peer abuse"
    assert ThemeNameChange.objects.filter(theme=theme).count() == 1


def test_theme_rename_rejected_when_name_taken(owner: User) -> None:
    ThemeFactory.create(name="Neglect of teeth")
    theme = ThemeFactory.create(name="Dental neglect")

    with pytest.raises(ValidationError) as exc:
        services.theme_rename(
            actor=owner, theme=theme, new_name="NEGLECT OF TEETH", expected_version=1
        )

    assert "new_name" in exc.value.message_dict


def test_theme_rename_rejected_when_name_unchanged(owner: User) -> None:
    theme = ThemeFactory.create(name="Neglect of teeth")

    with pytest.raises(ValidationError):
        services.theme_rename(
            actor=owner, theme=theme, new_name="Neglect of teeth", expected_version=1
        )


def test_theme_retire_sets_date_and_records_event(owner: User) -> None:
    theme = ThemeFactory.create()

    services.theme_retire(actor=owner, theme=theme)

    theme.refresh_from_db()
    assert theme.retired_on == timezone.localdate()
    assert theme.is_retired
    assert len(_events(verbs.THEME_RETIRED, theme)) == 1


def test_theme_retire_rejected_when_already_retired(owner: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))

    with pytest.raises(ValidationError):
        services.theme_retire(actor=owner, theme=theme)


def test_theme_reinstate_makes_theme_current(owner: User) -> None:
    theme = ThemeFactory.create(retired_on=date(2021, 1, 1))

    services.theme_reinstate(actor=owner, theme=theme)

    theme.refresh_from_db()
    assert theme.retired_on is None
    assert len(_events(verbs.THEME_REINSTATED, theme)) == 1


def test_theme_reinstate_rejected_when_not_retired(owner: User) -> None:
    with pytest.raises(ValidationError):
        services.theme_reinstate(actor=owner, theme=ThemeFactory.create())


def test_used_theme_cannot_be_deleted() -> None:
    theme = ThemeFactory.create()
    LearningPointFactory.create(themes=[theme])

    with pytest.raises(ProtectedError):
        theme.delete()

    assert Theme.objects.filter(pk=theme.pk).exists()


def test_themes_have_no_delete_service() -> None:
    assert not [name for name in dir(services) if "delete" in name]


# --- recording learning --------------------------------------------------------------


def test_record_links_source_themes_agencies_and_records_event(owner: User) -> None:
    group = GroupFactory.create()
    themes = [ThemeFactory.create(), ThemeFactory.create()]
    agency, area = AgencyFactory.create(), AreaFactory.create()

    point = services.learning_point_record(
        actor=owner,
        source=group,
        source_kind=LearningPoint.SourceKind.CSPR,
        title=" Explore domestic abuse safely ",
        summary="Ask about previous relationships.",
        recorded_on=date(2021, 3, 31),
        themes=themes,
        agencies=[agency],
        area=area,
    )

    point.refresh_from_db()
    assert point.source == group
    assert point.source_type == ContentType.objects.get_for_model(Group)
    assert point.title == "Explore domestic abuse safely"
    assert set(point.themes.all()) == set(themes)
    assert list(point.agencies.all()) == [agency]
    assert point.area == area
    assert point.is_published is False
    assert point.published_at is None
    assert point.recorded_by == owner
    [event] = _events(verbs.LEARNING_POINT_RECORDED, point)
    assert event.data == {"source_type": ["partnership", "group"], "source_id": group.pk}
    assert event.changes["themes"]["after"] == sorted(t.pk for t in themes)


def test_record_published_sets_published_at(owner: User) -> None:
    point = _record(owner, is_published=True)

    assert point.is_published
    assert point.published_at is not None


def test_record_rejected_when_theme_retired(owner: User) -> None:
    retired = ThemeFactory.create(name="Old theme", retired_on=date(2020, 1, 1))

    with pytest.raises(ValidationError) as exc:
        _record(owner, themes=[ThemeFactory.create(), retired])

    assert "Old theme" in exc.value.message_dict["themes"][0]
    assert "retired" in exc.value.message_dict["themes"][0]
    assert not LearningPoint.objects.exists()


def test_record_rejected_without_themes(owner: User) -> None:
    with pytest.raises(ValidationError) as exc:
        _record(owner, themes=[])

    assert "themes" in exc.value.message_dict


def test_record_rejected_when_source_unsaved(owner: User) -> None:
    with pytest.raises(ValidationError):
        _record(owner, source=Group(name="Unsaved", kind=Group.Kind.PANEL))


def test_record_rejected_when_dated_in_future(owner: User) -> None:
    with pytest.raises(ValidationError) as exc:
        _record(owner, recorded_on=timezone.localdate() + timedelta(days=1))

    assert "recorded_on" in exc.value.message_dict


def test_record_rejected_when_kind_unknown(owner: User) -> None:
    with pytest.raises(ValidationError) as exc:
        _record(owner, source_kind="gossip")

    assert "source_kind" in exc.value.message_dict


def test_record_saves_nothing_when_event_fails(owner: User) -> None:
    with (
        mock.patch(
            "safeguarding.learning.services.event_record", side_effect=RuntimeError("log down")
        ),
        pytest.raises(RuntimeError),
    ):
        _record(owner)

    assert not LearningPoint.objects.exists()


# --- changing learning ---------------------------------------------------------------


def test_update_records_one_event_and_bumps_version(owner: User) -> None:
    old, new = ThemeFactory.create(), ThemeFactory.create()
    point = _record(owner, themes=[old])

    changes = services.learning_point_update(
        actor=owner, point=point, expected_version=1, title="A clearer title", themes=[new]
    )

    point.refresh_from_db()
    assert point.title == "A clearer title"
    assert list(point.themes.all()) == [new]
    assert point.version == 2
    assert changes["themes"] == {"before": [old.pk], "after": [new.pk]}
    [event] = _events(verbs.LEARNING_POINT_UPDATED, point)
    assert set(event.changes) == {"title", "themes"}


def test_update_without_changes_records_nothing(owner: User) -> None:
    point = _record(owner)

    changes = services.learning_point_update(
        actor=owner, point=point, expected_version=1, title=point.title
    )

    assert changes == {}
    assert LearningPoint.objects.get(pk=point.pk).version == 1
    assert not _events(verbs.LEARNING_POINT_UPDATED, point)


def test_update_rejected_when_version_stale(owner: User) -> None:
    point = _record(owner)
    services.learning_point_update(actor=owner, point=point, expected_version=1, title="First")

    with pytest.raises(EditConflictError):
        services.learning_point_update(
            actor=owner, point=point, expected_version=1, title="Second"
        )

    assert LearningPoint.objects.get(pk=point.pk).title == "First"


def test_retired_theme_stays_on_existing_learning(owner: User) -> None:
    theme, other = ThemeFactory.create(), ThemeFactory.create()
    point = _record(owner, themes=[theme])
    services.theme_retire(actor=owner, theme=theme)

    services.learning_point_update(
        actor=owner, point=point, expected_version=1, themes=[theme, other]
    )

    assert set(point.themes.all()) == {theme, other}


def test_update_rejected_when_adding_retired_theme(owner: User) -> None:
    point = _record(owner)
    retired = ThemeFactory.create(retired_on=date(2020, 1, 1))

    with pytest.raises(ValidationError) as exc:
        services.learning_point_update(
            actor=owner,
            point=point,
            expected_version=1,
            themes=[*point.themes.all(), retired],
        )

    assert "themes" in exc.value.message_dict
    assert retired not in point.themes.all()


def test_update_changes_agencies(owner: User) -> None:
    first, second = AgencyFactory.create(), AgencyFactory.create()
    point = _record(owner, agencies=[first])

    services.learning_point_update(actor=owner, point=point, expected_version=1, agencies=[second])

    assert list(point.agencies.all()) == [second]


def test_update_refuses_publishing_and_source_fields(owner: User) -> None:
    point = _record(owner)

    with pytest.raises(ValidationError):
        services.learning_point_update(
            actor=owner, point=point, expected_version=1, is_published=True
        )
    with pytest.raises(ValidationError):
        services.learning_point_update(actor=owner, point=point, expected_version=1, source_id=9)


# --- publishing ----------------------------------------------------------------------


def test_publish_shows_learning_and_records_event(owner: User) -> None:
    point = _record(owner)

    services.learning_point_publish(actor=owner, point=point)

    point.refresh_from_db()
    assert point.is_published
    assert point.published_at is not None
    assert point.version == 2
    assert len(_events(verbs.LEARNING_POINT_PUBLISHED, point)) == 1


def test_publish_twice_changes_nothing_more(owner: User) -> None:
    point = _record(owner, is_published=True)

    services.learning_point_publish(actor=owner, point=point)

    assert point.version == 1
    assert not _events(verbs.LEARNING_POINT_PUBLISHED, point)


def test_unpublish_withdraws_learning_with_reason(owner: User) -> None:
    point = _record(owner, is_published=True)

    services.learning_point_unpublish(actor=owner, point=point, reason="Wording to be checked")

    point.refresh_from_db()
    assert not point.is_published
    assert point.published_at is None
    [event] = _events(verbs.LEARNING_POINT_UNPUBLISHED, point)
    assert event.data == {"reason": "Wording to be checked"}


def test_update_changes_area_and_date(owner: User) -> None:
    area = AreaFactory.create()
    point = _record(owner)

    changes = services.learning_point_update(
        actor=owner, point=point, expected_version=1, area=area, recorded_on=date(2021, 4, 1)
    )

    point.refresh_from_db()
    assert point.area == area
    assert point.reporting_year.label == "2021-22"
    assert changes["area"] == {"before": None, "after": area.pk}
