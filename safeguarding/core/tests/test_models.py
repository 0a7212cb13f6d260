"""core.models.NumberedLabel: the activity label of a record known by its kind and number."""

from __future__ import annotations

from django.apps import apps

from safeguarding.activity_log.services import target_label
from safeguarding.assurance.models import Section11Cycle
from safeguarding.core.models import NumberedLabel
from safeguarding.governance.models import Meeting
from safeguarding.retention.models import RetentionRun


def test_a_record_reads_as_its_noun_and_number() -> None:
    assert RetentionRun(pk=12).activity_label == "Retention run 12"
    assert Meeting(pk=3).activity_label == "Meeting 3"


def test_by_names_the_field_that_numbers_the_record() -> None:
    assert Section11Cycle(pk=4, year_label="2024-25").activity_label == "Section 11 cycle 2024-25"


def test_the_activity_log_stores_that_label() -> None:
    assert target_label(RetentionRun(pk=7)) == "Retention run 7"


def test_the_class_holds_the_descriptor_with_its_noun() -> None:
    label = RetentionRun.activity_label
    assert isinstance(label, NumberedLabel)
    assert label.noun == "Retention run"


def test_every_noun_is_written_out() -> None:
    """A label is never just a number: each model's noun has words in it."""
    nouns = [
        model.__dict__["activity_label"].noun
        for model in apps.get_models()
        if isinstance(model.__dict__.get("activity_label"), NumberedLabel)
    ]
    assert len(nouns) >= 40
    assert all(noun.strip() and not noun.strip().isdigit() for noun in nouns)
