from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps

from safeguarding.learning import demo
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership import demo as partnership_demo

pytestmark = pytest.mark.django_db

seed_migration = importlib.import_module(
    "safeguarding.learning.migrations.0002_seed_national_themes"
)


def test_demo_seed_records_one_published_point_and_is_idempotent() -> None:
    seed_migration.seed_themes(apps, None)  # in case a transactional test emptied the table
    partnership_demo.seed()

    demo.seed()
    demo.seed(stdout=io.StringIO())

    [point] = LearningPoint.objects.all()
    assert point.is_published
    assert point.source.name == demo.SUBGROUP  # type: ignore[union-attr]
    assert {t.name for t in point.themes.all()} == set(demo.THEMES)


def test_demo_seed_skips_without_the_partnership() -> None:
    out = io.StringIO()

    demo.seed(stdout=out)

    assert not LearningPoint.objects.exists()
    assert "skipped" in out.getvalue()
