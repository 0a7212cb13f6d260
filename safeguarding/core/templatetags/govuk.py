"""Template helpers for GOV.UK Design System markup (loaded as a builtin)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import template
from django.core.paginator import Page
from django.forms import BoundField, Form
from django.utils.safestring import SafeString

from safeguarding.core.dates import format_date, format_datetime, format_time

register = template.Library()

_WIDGET_CLASSES = {
    # keys are BoundField.widget_type: the widget class name without "Input"/"Widget"
    "text": "govuk-input",
    "email": "govuk-input",
    "url": "govuk-input",
    "password": "govuk-input",
    "number": "govuk-input govuk-input--width-10",
    "date": "govuk-input govuk-input--width-10",
    "datetime": "govuk-input govuk-input--width-20",
    "time": "govuk-input govuk-input--width-5",
    "select": "govuk-select",
    "nullbooleanselect": "govuk-select",
    "selectmultiple": "govuk-select",
    "textarea": "govuk-textarea",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
_ERROR_SUFFIX = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


def _describedby(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field: BoundField) -> SafeString:
    """Render a field's widget with GOV.UK classes, error state and aria-describedby."""
    widget_type = field.widget_type
    base = _WIDGET_CLASSES.get(widget_type, "")
    classes = [base] if base else []
    if field.errors and base:
        classes.append(_ERROR_SUFFIX[base.split()[0]])
    existing = field.field.widget.attrs.get("class", "")
    attrs: dict[str, Any] = {"class": " ".join([*classes, existing]).strip()}
    described = _describedby(field)
    if described:
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


@register.filter
def describedby(field: BoundField) -> str:
    return _describedby(field)


@register.filter
def is_choice_list(field: BoundField) -> bool:
    return field.widget_type in {"radioselect", "checkboxselectmultiple"}


@register.filter
def is_date_input(field: BoundField) -> bool:
    """A GOV.UK date input (core.forms.GOVUKDateField): boxes in a fieldset."""
    return field.widget_type in {"govukdate", "govukdatetime"}


@register.inclusion_tag("components/error_summary.html")
def error_summary(*forms: Form | None) -> dict[str, Any]:
    """GOV.UK error summary for one or more forms; links go to the field with the error."""
    errors: list[dict[str, str]] = []
    for form in forms:
        if form is None or not form.is_bound or not form.errors:
            continue
        for message in form.non_field_errors():
            errors.append({"href": "", "text": str(message)})
        for name in form.errors:
            if name == "__all__":
                continue
            bound = form[name]
            target = bound.auto_id
            if bound.widget_type in {"radioselect", "checkboxselectmultiple"}:
                target = f"{bound.auto_id}_0"
            elif is_date_input(bound):
                # GOV.UK: link to the first box with the error
                parts = getattr(bound.field, "error_parts", ()) or ("day",)
                target = f"{bound.auto_id}-{parts[0]}"
            for message in bound.errors:  # core.forms.GOVUKBoundField: names the field
                errors.append({"href": f"#{target}", "text": str(message)})
    return {"errors": errors}


@register.filter
def govuk_date(value: date | datetime | None, with_time: bool = False) -> str:
    """24 December 2026 (GOV.UK style); with_time adds " at 9:40am" (core.dates)."""
    if value is None or value == "":
        return ""
    if with_time and isinstance(value, datetime):
        return format_datetime(value)
    return format_date(value)


@register.filter
def govuk_time(value: datetime | time | None) -> str:
    """9:40am, 12:15pm, midday, midnight (GOV.UK style)."""
    if value is None or value == "":
        return ""
    return format_time(value)


@register.filter
def govuk_datetime(value: datetime | None) -> str:
    """24 December 2026 at 9:40am."""
    if value is None or value == "":
        return ""
    return format_datetime(value)


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.filter
def page_numbers(page: Page[Any]) -> list[int | str]:
    """The page numbers a GOV.UK pagination shows: the ends and the neighbours of the current
    page, with the paginator's ELLIPSIS between (never a link per page of a long list)."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
