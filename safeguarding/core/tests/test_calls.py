"""core.pages.calls_on: the `save(form)` of a view function that calls form_page itself (and
`calls`, the same for a declared page, which is built on it)."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.core.forms import VersionField
from safeguarding.core.pages import calls, calls_on


class NameForm(forms.Form):
    name = forms.CharField()
    version = VersionField()


def _bound() -> NameForm:
    form = NameForm({"name": "Synthetic", "version": "3"})
    assert form.is_valid()
    return form


def _service(**kwargs: Any) -> dict[str, Any]:
    return kwargs


def test_calls_on_passes_the_actor_the_record_and_the_cleaned_values_without_the_version() -> None:
    actor, record = object(), object()
    save = calls_on(_service, actor=actor, thing=record)  # type: ignore[arg-type]
    assert save(_bound()) == {"actor": actor, "thing": record, "name": "Synthetic"}


def test_calls_on_versioned_passes_the_version_as_expected_version() -> None:
    actor, record = object(), object()
    save = calls_on(_service, actor=actor, versioned=True, thing=record)  # type: ignore[arg-type]
    assert save(_bound()) == {
        "actor": actor,
        "thing": record,
        "name": "Synthetic",
        "expected_version": 3,
    }


def test_calls_names_the_record_and_takes_the_user_and_record_per_request() -> None:
    actor, record = object(), object()
    save = calls(_service, "thing", versioned=True)
    assert save(actor, record, _bound()) == {  # type: ignore[arg-type]
        "actor": actor,
        "thing": record,
        "name": "Synthetic",
        "expected_version": 3,
    }
