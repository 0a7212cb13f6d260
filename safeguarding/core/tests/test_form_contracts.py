"""Contracts for every form of every app (issue #15): dates are entered one way, with the
GOV.UK date input (core.forms.GOVUKDateField / GOVUKDateTimeField), never the browser's date
picker or a text box taking "2026-03-18 09:30"; and "This field is required." always names
the question. A new form that breaks a rule fails the build."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest
from django import forms
from django.apps import apps

from safeguarding.core.forms import GOVUKDateField, GOVUKDateInput

# Apps switching on another branch: each name leaves this set when its forms switch. A name
# whose forms no longer break the rule fails test_exemptions_are_still_needed.
NOT_SWITCHED_YET: frozenset[str] = frozenset()

_NATIVE_WIDGETS = (forms.DateInput, forms.DateTimeInput, forms.SelectDateWidget)
_NATIVE_TYPES = {"date", "datetime-local", "time", "month", "week"}


def _form_modules() -> list[ModuleType]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("safeguarding."):
            continue
        for candidate in ("forms",):
            name = f"{config.name}.{candidate}"
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            modules.append(module)
            if hasattr(module, "__path__"):  # a forms/ package
                for info in pkgutil.iter_modules(module.__path__):
                    modules.append(importlib.import_module(f"{name}.{info.name}"))
    return modules


def _form_classes() -> list[tuple[str, type[forms.BaseForm]]]:
    found = []
    for module in _form_modules():
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, forms.BaseForm)
                and obj.__module__ == module.__name__
                and obj.__module__ != "safeguarding.core.forms"
            ):
                found.append((f"{obj.__module__}.{name}", obj))
    return found


def date_problems(field_name: str, field: forms.Field) -> list[str]:
    """What is wrong with one field: a date or time taken any way but the GOV.UK date input."""
    widget = field.widget
    problems = []
    if isinstance(field, (forms.DateField, forms.DateTimeField, forms.SplitDateTimeField)):
        problems.append(f"{field_name}: {type(field).__name__} (use GOVUKDateField)")
    if isinstance(widget, _NATIVE_WIDGETS) or getattr(widget, "input_type", "") in _NATIVE_TYPES:
        problems.append(f"{field_name}: the browser's {type(widget).__name__} (a native picker)")
    if isinstance(field, GOVUKDateField) and not isinstance(widget, GOVUKDateInput):
        problems.append(f"{field_name}: a GOVUKDateField without the GOV.UK date input")
    text = f"{field.help_text} {field.label}"
    if "YYYY" in text.upper() or "2026-03-18" in text or "e.g. 20" in text:
        problems.append(f"{field_name}: asks for a date typed as text ({text.strip()!r})")
    return problems


def _problems_by_app() -> dict[str, list[str]]:
    by_app: dict[str, list[str]] = {}
    for path, form_class in _form_classes():
        app = path.split(".")[1]
        for field_name, field in form_class.base_fields.items():  # type: ignore[attr-defined]
            for problem in date_problems(f"{path}.{field_name}", field):
                by_app.setdefault(app, []).append(problem)
    return by_app


def test_the_walk_finds_every_apps_forms() -> None:
    apps_with_forms = {path.split(".")[1] for path, _ in _form_classes()}
    assert {"training", "case_reviews", "child_deaths", "governance", "actions"} <= apps_with_forms
    assert len(_form_classes()) > 100


def test_every_date_is_entered_with_the_govuk_date_input() -> None:
    problems = [
        problem
        for app, found in sorted(_problems_by_app().items())
        if app not in NOT_SWITCHED_YET
        for problem in found
    ]
    assert not problems, "Dates not entered with the GOV.UK date input:\n" + "\n".join(problems)


def test_exemptions_are_still_needed() -> None:
    stale = NOT_SWITCHED_YET - set(_problems_by_app())
    assert not stale, f"These apps have switched: remove them from NOT_SWITCHED_YET: {stale}"


@pytest.mark.parametrize(
    ("field", "caught"),
    [
        (forms.DateField(), True),
        (forms.CharField(widget=forms.DateInput()), True),
        (forms.DateTimeField(), True),
        (forms.CharField(help_text="For example, 2026-03-18 09:30"), True),
        (forms.CharField(widget=forms.TextInput(attrs={"type": "date"})), True),
        (GOVUKDateField(label="Due date"), False),
        (forms.CharField(label="Name"), False),
    ],
)
def test_the_date_rule_can_fail(field: forms.Field, caught: bool) -> None:
    assert bool(date_problems("f", field)) is caught


def test_a_missing_answer_names_the_question() -> None:
    class Sample(forms.Form):
        full_name = forms.CharField(label="Full name")
        area = forms.ChoiceField(choices=[("a", "A")], label="Area of residence")
        agree = forms.BooleanField(label="I have checked the figures")
        report = forms.FileField(label="Final report")
        why = forms.CharField(label="Why is the meeting cancelled?")
        starts = GOVUKDateField(label="Date the session starts")

    form = Sample({})

    assert {name: list(form[name].errors) for name in form.fields} == {
        "full_name": ["Enter full name"],
        "area": ["Select area of residence"],
        "agree": ["Tick the box to confirm: I have checked the figures"],
        "report": ["Upload final report"],
        "why": ["Answer the question: Why is the meeting cancelled?"],
        "starts": ["Enter date the session starts"],
    }
    assert "This field is required" not in str(form.render())
