"""GOV.UK Design System rendering for every Django form.

`{{ form }}` renders each field with a GOV.UK label, hint, error message and widget classes;
`{% error_summary form %}` renders the error summary that must head every form page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms.renderers import TemplatesSetting

from safeguarding.core.concurrency import EditConflictError


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "components/govuk_form.html"
    field_template_name = "components/govuk_field.html"


class DateInput(forms.DateInput):
    """A native date input; GOV.UK's three-box date pattern is used by DateField below."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VersionField(forms.IntegerField):
    """Hidden field carrying the record version the editor started from (core.concurrency)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", True)
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)


def add_service_errors(
    form: forms.Form, exc: ValidationError, *, record: Model | None = None
) -> None:
    """Attach a service's ValidationError to the form: by field where the form has that field,
    otherwise to the whole form (so it heads the error summary). On an edit conflict, pass the
    `record` being edited: the form takes its current version, so the next submit is made
    knowing the other person's changes instead of repeating the conflict."""
    if isinstance(exc, EditConflictError):
        form.add_error(None, exc)
        if record is not None and form.data:
            current = (
                type(record)
                ._default_manager.filter(pk=record.pk)
                .values_list("version", flat=True)
                .first()
            )
            data = form.data.copy()  # type: ignore[attr-defined]
            data["version"] = str(current)
            form.data = data
        return
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(None, exc)
