"""The data migration that ships the national themes.

Each test first runs the migration's own functions, so they hold whatever ran before: a
transactional (browser) test empties every table when it ends, and with --reuse-db the
migration does not run again.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import migrations

from safeguarding.learning.models import Theme
from safeguarding.learning.tests.factories import LearningPointFactory

pytestmark = pytest.mark.django_db

seed = importlib.import_module("safeguarding.learning.migrations.0002_seed_national_themes")

NATIONAL_THEMES = [
    "Professional curiosity",
    "Child sexual abuse",
    "Mental ill health",
    "Moving between local authorities",
    "Domestic abuse",
    "Neglect",
    "Information sharing",
    "Pre-birth assessment",
    "Safer sleeping",
    "Dog attacks",
    "Exploitation",
    "The voice of the child",
]


def test_migration_runs_the_seed_and_can_be_reversed() -> None:
    [operation] = seed.Migration.operations

    assert isinstance(operation, migrations.RunPython)
    assert operation.code is seed.seed_themes
    assert operation.reverse_code is seed.remove_unused_themes
    assert ("learning", "0001_create_themes_and_learning_points") in seed.Migration.dependencies


def test_migration_seeds_the_national_themes() -> None:
    Theme.objects.all().delete()

    seed.seed_themes(apps, None)

    names = set(Theme.objects.values_list("name", flat=True))
    assert set(NATIONAL_THEMES) <= names
    assert {"Escalation and challenge", "Parental substance misuse"} <= names
    assert not Theme.objects.filter(retired_on__isnull=False).exists()
    theme = Theme.objects.get(name="The voice of the child")
    assert theme.slug == "the-voice-of-the-child"
    assert theme.description


def test_reversing_the_seed_keeps_themes_with_learning() -> None:
    seed.seed_themes(apps, None)
    LearningPointFactory.create(themes=[Theme.objects.get(name="Neglect")])

    seed.remove_unused_themes(apps, None)

    assert list(Theme.objects.values_list("name", flat=True)) == ["Neglect"]


def test_seed_runs_again_without_duplicates() -> None:
    seed.seed_themes(apps, None)
    seed.remove_unused_themes(apps, None)
    seed.seed_themes(apps, None)
    seed.seed_themes(apps, None)

    assert Theme.objects.count() == len(seed.THEMES)


def test_seed_leaves_a_theme_an_administrator_already_added() -> None:
    Theme.objects.all().delete()
    Theme.objects.create(name="NEGLECT", slug="neglect-local")

    seed.seed_themes(apps, None)

    assert Theme.objects.filter(name__iexact="neglect").count() == 1
