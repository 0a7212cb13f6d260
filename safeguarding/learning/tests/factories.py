"""Factories for learning tests. They write rows directly (no activity log): tests of the
services call the services."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from safeguarding.learning.models import (
    LearningPoint,
    LearningPointAgency,
    LearningPointTheme,
    Theme,
)
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import GroupFactory


class ThemeFactory(DjangoModelFactory[Theme]):
    class Meta:
        model = Theme

    name = Sequence(lambda n: f"Test theme {n}")
    slug = Sequence(lambda n: f"test-theme-{n}")
    description = "A theme for tests."


class LearningPointFactory(DjangoModelFactory[LearningPoint]):
    """A published learning point against a partnership group (any saved record will do):
    `LearningPointFactory.create(source=record, themes=[...], agencies=[...])`."""

    class Meta:
        model = LearningPoint
        exclude = ("source",)

    source = SubFactory(GroupFactory)
    source_type = LazyAttribute(lambda o: ContentType.objects.get_for_model(o.source))
    source_id = LazyAttribute(lambda o: o.source.pk)
    source_kind = LearningPoint.SourceKind.CSPR
    title = Sequence(lambda n: f"Learning point {n}")
    summary = "Practitioners should check what they are told with other agencies."
    recorded_on = date(2021, 1, 15)
    is_published = True

    @classmethod
    def _create(
        cls,
        model_class: type[LearningPoint],
        *args: Any,
        themes: Iterable[Theme] = (),
        agencies: Iterable[Agency] = (),
        **kwargs: Any,
    ) -> LearningPoint:
        point: LearningPoint = super()._create(model_class, *args, **kwargs)
        for theme in themes:
            LearningPointTheme.objects.create(learning_point=point, theme=theme)
        for agency in agencies:
            LearningPointAgency.objects.create(learning_point=point, agency=agency)
        return point
