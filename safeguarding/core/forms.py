"""GOV.UK Design System rendering for every Django form.

`{{ form }}` renders each field with a GOV.UK label, hint, error message and widget classes;
`{% error_summary form %}` renders the error summary that must head every form page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting


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
