"""Every write to themes and learning points, each recorded in the activity log in the same
transaction.

Other modules record learning against their own records with `learning_point_record(...)` and
change it with `learning_point_update(...)`, `learning_point_publish(...)` and
`learning_point_unpublish(...)`. They pass their record as `source`; this app never imports
them. Themes have no delete service: a theme is retired, and one with learning never can be
deleted (the links PROTECT it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from safeguarding.activity_log.services import (
    diff,
    event_record,
    snapshot,
    tracked_create,
    tracked_update,
)
from safeguarding.core.concurrency import bump_version, check_version
from safeguarding.learning import verbs
from safeguarding.learning.models import (
    LearningPoint,
    LearningPointAgency,
    LearningPointTheme,
    Theme,
    ThemeNameChange,
)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area

# --- themes --------------------------------------------------------------------------


def _clean_name(name: str, *, field: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError({field: "Enter a name for the theme."})
    return cleaned


def _check_name_free(name: str, *, field: str, exclude_pk: int | None = None) -> None:
    clash = Theme.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    existing = clash.first()
    if existing is not None:
        state = " (retired)" if existing.is_retired else ""
        raise ValidationError(
            {field: f"There is already a theme called “{existing.name}”{state}."}
        )


def _unique_slug(name: str) -> str:
    base = slugify(name)[:90] or "theme"
    slug, n = base, 2
    while Theme.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def theme_create(*, actor: User | None, name: str, description: str = "") -> Theme:
    name = _clean_name(name, field="name")
    _check_name_free(name, field="name")
    return tracked_create(
        actor=actor,
        model=Theme,
        data={"name": name, "slug": _unique_slug(name), "description": description.strip()},
        verb=verbs.THEME_CREATED,
    )


@transaction.atomic
def theme_rename(
    *, actor: User | None, theme: Theme, new_name: str, expected_version: int | None
) -> Theme:
    """Rename a theme. Its learning keeps it; the old name is kept in its name history and the
    slug (and so every link to it) does not change."""
    new_name = _clean_name(new_name, field="new_name")
    old_name = theme.name
    if new_name == old_name:
        raise ValidationError({"new_name": "The new name is the same as the current name."})
    _check_name_free(new_name, field="new_name", exclude_pk=theme.pk)
    tracked_update(
        actor=actor,
        obj=theme,
        data={"name": new_name},
        verb=verbs.THEME_RENAMED,
        expected_version=expected_version,
    )
    ThemeNameChange.objects.create(
        theme=theme, old_name=old_name, new_name=new_name, changed_by=actor
    )
    return theme


@transaction.atomic
def theme_retire(*, actor: User | None, theme: Theme, on: date | None = None) -> Theme:
    """Retire a theme: it stays on the learning already recorded, but cannot be chosen again."""
    if theme.is_retired:
        raise ValidationError(f"“{theme.name}” is already retired.")
    tracked_update(
        actor=actor,
        obj=theme,
        data={"retired_on": on or timezone.localdate()},
        verb=verbs.THEME_RETIRED,
    )
    return theme


@transaction.atomic
def theme_reinstate(*, actor: User | None, theme: Theme) -> Theme:
    if not theme.is_retired:
        raise ValidationError(f"“{theme.name}” is not retired.")
    tracked_update(actor=actor, obj=theme, data={"retired_on": None}, verb=verbs.THEME_REINSTATED)
    return theme


# --- learning points -----------------------------------------------------------------


def _theme_list(themes: Iterable[Theme], *, already: Iterable[int] = ()) -> list[Theme]:
    """The chosen themes, refusing retired ones unless the point already has them."""
    chosen = list({theme.pk: theme for theme in themes}.values())
    if not chosen:
        raise ValidationError({"themes": "Choose at least one theme."})
    kept = set(already)
    fresh = Theme.objects.filter(pk__in=[t.pk for t in chosen])
    retired = [t.name for t in fresh if t.is_retired and t.pk not in kept]
    if retired:
        names = ", ".join(f"“{name}”" for name in sorted(retired))
        raise ValidationError(
            {
                "themes": f"{names} {'has' if len(retired) == 1 else 'have'} been retired and "
                "cannot be added to learning. Choose a current theme."
            }
        )
    return chosen


def _source_ref(source: models.Model) -> tuple[ContentType, int]:
    if source.pk is None:
        raise ValidationError("Save the source record before recording learning against it.")
    if isinstance(source, LearningPoint):
        raise ValidationError(
            "Learning is recorded against its source record, not other learning."
        )
    return ContentType.objects.get_for_model(source), int(source.pk)


def source_title_of(source: models.Model) -> str:
    """The source's de-identified title: its `learning_title` property when it has one (a
    review's pseudonymous title), else nothing. Never str(source)."""
    return str(getattr(source, "learning_title", "") or "")[:200]


@transaction.atomic
def learning_source_title_refresh(*, actor: User | None, source: models.Model) -> int:
    """After a source's title changes, copy its new `learning_title` onto its learning (one
    event per source). Returns how many learning points changed."""
    source_type, source_id = _source_ref(source)
    title = source_title_of(source)
    points = LearningPoint.objects.filter(source_type=source_type, source_id=source_id).exclude(
        source_title=title
    )
    changed = points.update(source_title=title)
    if changed:
        event_record(
            actor=actor,
            verb=verbs.LEARNING_POINT_SOURCE_TITLE_CHANGED,
            data={
                "source_type": source_type.natural_key(),
                "source_id": source_id,
                "points": changed,
            },
        )
    return changed


_POINT_FIELDS = ("source_kind", "title", "summary", "recorded_on", "area", "is_published")


@transaction.atomic
def learning_point_record(
    *,
    actor: User | None,
    source: models.Model,
    source_kind: str,
    title: str,
    summary: str,
    recorded_on: date,
    themes: Iterable[Theme],
    agencies: Iterable[Agency] = (),
    area: Area | None = None,
    is_published: bool = False,
) -> LearningPoint:
    """Record learning against `source` (any saved record). The text must be de-identified:
    the caller passes only what may be shown to the people allowed to see learning."""
    source_type, source_id = _source_ref(source)
    chosen_themes = _theme_list(themes)
    chosen_agencies = list({agency.pk: agency for agency in agencies}.values())
    point = LearningPoint(
        source_type=source_type,
        source_id=source_id,
        source_kind=source_kind,
        source_title=source_title_of(source),
        title=title.strip(),
        summary=summary.strip(),
        recorded_on=recorded_on,
        area=area,
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    point.full_clean()
    point.save()
    LearningPointTheme.objects.bulk_create(
        LearningPointTheme(learning_point=point, theme=theme) for theme in chosen_themes
    )
    LearningPointAgency.objects.bulk_create(
        LearningPointAgency(learning_point=point, agency=agency) for agency in chosen_agencies
    )
    after = {
        **snapshot(point, _POINT_FIELDS),
        "themes": sorted(t.pk for t in chosen_themes),
        "agencies": sorted(a.pk for a in chosen_agencies),
    }
    event_record(
        actor=actor,
        verb=verbs.LEARNING_POINT_RECORDED,
        target=point,
        changes={key: {"before": None, "after": value} for key, value in after.items()},
        data={"source_type": source_type.natural_key(), "source_id": source_id},
    )
    return point


_EDITABLE = frozenset({"source_kind", "title", "summary", "recorded_on", "area"})


@transaction.atomic
def learning_point_update(
    *,
    actor: User | None,
    point: LearningPoint,
    expected_version: int | None,
    themes: Iterable[Theme] | None = None,
    agencies: Iterable[Agency] | None = None,
    **data: Any,
) -> dict[str, dict[str, Any]]:
    """Change a learning point's text, date, area, kind, themes or agencies (publishing has its
    own services). Refuses a stale edit (core.concurrency) and a newly added retired theme;
    records one event with every change. Returns the changes."""
    unknown = set(data) - _EDITABLE
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    for key in ("title", "summary"):
        if isinstance(data.get(key), str):
            data[key] = data[key].strip()
    locked = LearningPoint.objects.select_for_update().get(pk=point.pk)
    check_version(locked, expected_version, data)
    before_themes = set(locked.theme_links.values_list("theme_id", flat=True))
    before_agencies = set(locked.agency_links.values_list("agency_id", flat=True))
    before = {
        **snapshot(locked, data.keys()),
        "themes": sorted(before_themes),
        "agencies": sorted(before_agencies),
    }
    for name, value in data.items():
        setattr(locked, name, value)
    locked.full_clean()
    after_themes = before_themes
    if themes is not None:
        after_themes = {t.pk for t in _theme_list(themes, already=before_themes)}
    after_agencies = before_agencies if agencies is None else {a.pk for a in agencies}
    after = {
        **snapshot(locked, data.keys()),
        "themes": sorted(after_themes),
        "agencies": sorted(after_agencies),
    }
    changes = diff(before, after)
    if changes:
        bump_version(locked)
        locked.save()
        _relink(locked, before_themes, after_themes, before_agencies, after_agencies)
        event_record(
            actor=actor, verb=verbs.LEARNING_POINT_UPDATED, target=locked, changes=changes
        )
    for name in [*data.keys(), "version", "updated_at"]:
        setattr(point, name, getattr(locked, name))
    return changes


def _relink(
    point: LearningPoint,
    before_themes: set[int],
    after_themes: set[int],
    before_agencies: set[int],
    after_agencies: set[int],
) -> None:
    point.theme_links.filter(theme_id__in=before_themes - after_themes).delete()
    LearningPointTheme.objects.bulk_create(
        LearningPointTheme(learning_point=point, theme_id=pk)
        for pk in after_themes - before_themes
    )
    point.agency_links.filter(agency_id__in=before_agencies - after_agencies).delete()
    LearningPointAgency.objects.bulk_create(
        LearningPointAgency(learning_point=point, agency_id=pk)
        for pk in after_agencies - before_agencies
    )


def _set_published(
    *, actor: User | None, point: LearningPoint, published: bool, verb: str, reason: str
) -> LearningPoint:
    locked = LearningPoint.objects.select_for_update().get(pk=point.pk)
    if locked.is_published == published:
        return point
    fields = ("is_published", "published_at")
    before = snapshot(locked, fields)
    locked.is_published = published
    locked.published_at = timezone.now() if published else None
    locked.save(update_fields=[*fields, *bump_version(locked), "updated_at"])
    event_record(
        actor=actor,
        verb=verb,
        target=locked,
        changes=diff(before, snapshot(locked, fields)),
        data={"reason": reason} if reason else None,
    )
    for name in (*fields, "version", "updated_at"):
        setattr(point, name, getattr(locked, name))
    return point


@transaction.atomic
def learning_point_publish(*, actor: User | None, point: LearningPoint) -> LearningPoint:
    """Show the learning to everyone who may see learning, practitioners included. Publishing
    published learning changes nothing."""
    return _set_published(
        actor=actor, point=point, published=True, verb=verbs.LEARNING_POINT_PUBLISHED, reason=""
    )


@transaction.atomic
def learning_point_unpublish(
    *, actor: User | None, point: LearningPoint, reason: str = ""
) -> LearningPoint:
    """Withdraw the learning from practitioners (it stays for those who see all learning).
    Unpublishing unpublished learning changes nothing."""
    return _set_published(
        actor=actor,
        point=point,
        published=False,
        verb=verbs.LEARNING_POINT_UNPUBLISHED,
        reason=reason.strip(),
    )
