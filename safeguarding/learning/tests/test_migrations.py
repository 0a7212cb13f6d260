"""The data migration that ships the national themes (the test database is migrated)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

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


def test_migration_seeds_the_national_themes() -> None:
    names = set(Theme.objects.values_list("name", flat=True))

    assert set(NATIONAL_THEMES) <= names
    assert {"Escalation and challenge", "Parental substance misuse"} <= names
    assert not Theme.objects.filter(retired_on__isnull=False).exists()


def test_seeded_themes_have_slugs_and_descriptions() -> None:
    theme = Theme.objects.get(name="The voice of the child")

    assert theme.slug == "the-voice-of-the-child"
    assert theme.description


def test_reversing_the_seed_keeps_themes_with_learning() -> None:
    used = Theme.objects.get(name="Neglect")
    LearningPointFactory.create(themes=[used])

    seed.remove_unused_themes(apps, None)

    assert list(Theme.objects.values_list("name", flat=True)) == ["Neglect"]


def test_seed_runs_again_after_reversal_without_duplicates() -> None:
    seed.remove_unused_themes(apps, None)
    seed.seed_themes(apps, None)
    seed.seed_themes(apps, None)

    assert Theme.objects.count() == len(seed.THEMES)
