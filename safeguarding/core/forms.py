"""GOV.UK Design System rendering for every Django form.

`{{ form }}` renders each field with a GOV.UK label, hint, error message and widget classes;
`{% error_summary form %}` renders the error summary that must head every form page.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorList
from django.utils import timezone

from safeguarding.core.concurrency import EditConflictError
from safeguarding.core.years import ReportingYear

_REQUIRED = str(forms.Field.default_error_messages["required"])


class GOVUKBoundField(BoundField):
    """A bound field whose "This field is required." names the question and says what to do
    (GOV.UK error messages): "Enter full name", "Select area of residence", "Upload final
    report". The field template and the error summary both read these errors."""

    @property
    def errors(self) -> ErrorList:
        errors = super().errors
        if not any(str(message) == _REQUIRED for message in errors):
            return errors
        return ErrorList(
            [
                self.required_message() if str(message) == _REQUIRED else str(message)
                for message in errors
            ],
            renderer=self.form.renderer,
        )

    def required_message(self) -> str:
        label = str(self.label or self.name).strip().rstrip(":")
        widget = self.field.widget
        if label.endswith("?"):
            return f"Answer the question: {label}"
        if isinstance(widget, forms.CheckboxInput):
            return f"Tick the box to confirm: {_lower_first(label)}"
        if isinstance(widget, forms.FileInput):
            return f"Upload {_lower_first(label)}"
        if isinstance(widget, (forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple)):
            return f"Select {_lower_first(label)}"
        return f"Enter {_lower_first(label)}"


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "components/govuk_form.html"
    field_template_name = "components/govuk_field.html"
    bound_field_class = GOVUKBoundField


class DateInput(forms.DateInput):
    """A native date input (the browser's picker). Superseded by GOVUKDateField below: forms
    switch to that (docs/architecture.md, "Dates")."""

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


class ReportingYearField(forms.CharField):
    """A reporting year typed as "2020-21" ("2020/21" and "2020-2021" are read too), cleaned to
    a `core.years.ReportingYear`; anything else is an error saying how to write it. Empty is
    None when the field is not required."""

    def __init__(
        self,
        *,
        label: str = "Reporting year",
        help_text: str = "For example, 2020-21",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("max_length", 9)
        super().__init__(label=label, help_text=help_text, **kwargs)

    def clean(self, value: Any) -> ReportingYear | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return ReportingYear.parse(text)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from exc


def limit_choices(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer only `queryset` in the form's model choice field `name`: the choices that depend on
    the record or on who is signed in (a lead's own agencies, a meeting's agenda items). A value
    outside it is refused as an invalid choice."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name!r} is not a model choice field")
    field.queryset = queryset


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


# --- GOV.UK date input ---------------------------------------------------------------------
#
# https://design-system.service.gov.uk/components/date-input/ : three boxes (day, month, year)
# in a fieldset whose legend is the field's label; errors name the field and say how to fix
# it ("Date of birth must include a month"). GOVUKDateTimeField adds hour and minute boxes and
# an am/pm choice: GOV.UK writes times on the 12-hour clock ("9:40am"), and 24-hour entries
# ("14:30", "09:30") are read as such.

_DATE_PARTS = ("day", "month", "year")
_TIME_PARTS = ("hour", "minute", "ampm")
_PART_WIDTH = {"day": 2, "month": 2, "year": 4, "hour": 2, "minute": 2}
AMPM_CHOICES = (("", "am or pm"), ("am", "am"), ("pm", "pm"))


class GOVUKDateInput(forms.Widget):
    """Day, month and year boxes named `<name>-day`, `<name>-month`, `<name>-year`."""

    template_name = "components/govuk_date_input.html"
    parts: tuple[str, ...] = _DATE_PARTS

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        return {part: str(data.get(f"{name}-{part}", "")).strip() for part in self.parts}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part in self.parts)

    def format_value(self, value: Any) -> dict[str, str]:  # type: ignore[override]
        if isinstance(value, dict):
            return {part: str(value.get(part, "")) for part in self.parts}
        if isinstance(value, datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            hour = local.hour % 12 or 12
            return {
                "day": str(local.day),
                "month": str(local.month),
                "year": str(local.year),
                "hour": str(hour),
                "minute": f"{local.minute:02d}",
                "ampm": "am" if local.hour < 12 else "pm",
            }
        if isinstance(value, date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        if isinstance(value, str) and value:
            try:
                parsed = date.fromisoformat(value[:10])
            except ValueError:
                return dict.fromkeys(self.parts, "")
            return self.format_value(parsed)
        return dict.fromkeys(self.parts, "")

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        error_parts = set(widget_attrs.pop("error_parts", ()))
        base_id = widget_attrs.get("id", f"id_{name}")
        values = self.format_value(value)
        context["widget"]["boxes"] = [
            {
                "part": part,
                "name": f"{name}-{part}",
                "id": f"{base_id}-{part}",
                "label": "am or pm" if part == "ampm" else part.capitalize(),
                "value": values.get(part, ""),
                "width": _PART_WIDTH.get(part, 2),
                "error": part in error_parts,
                "choices": AMPM_CHOICES if part == "ampm" else (),
            }
            for part in self.parts
        ]
        return context


class GOVUKDateTimeInput(GOVUKDateInput):
    """The date boxes, then hour and minute boxes and an am/pm choice."""

    parts = _DATE_PARTS + _TIME_PARTS


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _join_parts(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class GOVUKDateField(forms.Field):
    """A date from the GOV.UK day / month / year boxes, with GOV.UK's error messages.

    The messages name the field by its label: "Enter date of birth", "Date of birth must
    include a month", "Date of birth must be a real date", "Year must include 4 numbers"."""

    widget = GOVUKDateInput
    parts: tuple[str, ...] = _DATE_PARTS
    example = "For example, 27 3 2026"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", self.example)
        super().__init__(**kwargs)
        self.error_parts: tuple[str, ...] = ()

    @property
    def name_for_errors(self) -> str:
        return str(self.label or "Date")

    def _fail(self, message: str, parts: tuple[str, ...]) -> ValidationError:
        self.error_parts = parts
        self.widget.attrs["error_parts"] = parts
        return ValidationError(message, code="invalid")

    def to_python(self, value: Any) -> Any:
        if isinstance(value, date):
            return value
        if not isinstance(value, dict):
            widget = self.widget
            assert isinstance(widget, GOVUKDateInput)
            value = widget.format_value(value)
        wanted = [part for part in self.parts if part != "ampm"]
        if not any(value.get(part) for part in wanted):
            return None
        return self._parse(value)

    def validate(self, value: Any) -> None:
        if value in self.empty_values and self.required:
            raise self._fail(f"Enter {_lower_first(self.name_for_errors)}", self.parts[:1])

    def _parse_date(self, value: dict[str, str]) -> date:
        label = self.name_for_errors
        missing = [part for part in _DATE_PARTS if not value.get(part)]
        if missing:
            raise self._fail(f"{label} must include a {_join_parts(missing)}", tuple(missing))
        if not all(value[part].isdigit() for part in _DATE_PARTS):
            raise self._fail(f"{label} must be a real date", _DATE_PARTS)
        if len(value["year"]) != 4:
            raise self._fail("Year must include 4 numbers", ("year",))
        try:
            return date(int(value["year"]), int(value["month"]), int(value["day"]))
        except ValueError:
            raise self._fail(f"{label} must be a real date", _DATE_PARTS) from None

    def _parse(self, value: dict[str, str]) -> Any:
        return self._parse_date(value)


class GOVUKDateTimeField(GOVUKDateField):
    """A date and a time of day (an aware datetime in the current time zone).

    Hours 1 to 12 need am or pm (GOV.UK's 12-hour clock); hours 0 and 13 to 23, or an hour
    typed with a leading zero ("09"), are read as the 24-hour clock."""

    widget = GOVUKDateTimeInput
    parts = _DATE_PARTS + _TIME_PARTS
    example = "For example, 27 3 2026 and 9 30 am, or 27 3 2026 and 14 30"

    def _parse(self, value: dict[str, str]) -> Any:
        day = self._parse_date(value)
        label = self.name_for_errors
        hour_text, minute_text = value.get("hour", ""), value.get("minute", "")
        ampm = value.get("ampm", "").lower()
        missing = [part for part in ("hour", "minute") if not value.get(part)]
        if missing:
            needed = {"hour": "an hour", "minute": "a minute"}
            what = "a time" if len(missing) == 2 else needed[missing[0]]
            raise self._fail(f"{label} must include {what}", tuple(missing))
        if not (hour_text.isdigit() and minute_text.isdigit()):
            raise self._fail(
                f"{label} must be a real time, like 9:30am or 14:30", ("hour", "minute")
            )
        hour, minute = int(hour_text), int(minute_text)
        if minute > 59:
            raise self._fail(f"{label} minute must be between 0 and 59", ("minute",))
        if ampm in {"am", "pm"}:
            if not 1 <= hour <= 12:
                raise self._fail(f"{label} hour must be between 1 and 12 with am or pm", ("hour",))
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        elif 1 <= hour <= 12 and not hour_text.startswith("0"):
            raise self._fail(
                f"{label} must say am or pm, or use the 24-hour clock (like 09:30 or 14:30)",
                ("ampm",),
            )
        elif hour > 23:
            raise self._fail(f"{label} hour must be between 0 and 23", ("hour",))
        moment = datetime.combine(day, time(hour, minute))
        return timezone.make_aware(moment)
