from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.forms import DateInput


class EventFilterForm(forms.Form):
    actor = forms.ModelChoiceField(
        queryset=User.objects.order_by("full_name"), required=False, label="Person"
    )
    kind = forms.ChoiceField(
        choices=[("", "Any")] + list(ActivityEvent.Kind.choices), required=False, label="Kind"
    )
    verb = forms.ChoiceField(choices=[("", "Any")], required=False, label="What happened")
    target_type = forms.ModelChoiceField(
        queryset=ContentType.objects.none(), required=False, label="Type of record"
    )
    target_id = forms.CharField(required=False, label="Record number", max_length=64)
    date_from = forms.DateField(required=False, label="From", widget=DateInput())
    date_to = forms.DateField(required=False, label="To", widget=DateInput())

    def __init__(self, *args: Any, verbs: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verb"].choices = [("", "Any")] + [(v, v) for v in verbs]  # type: ignore[attr-defined]
        used = ActivityEvent.objects.values_list("target_type_id", flat=True).distinct()
        self.fields["target_type"].queryset = ContentType.objects.filter(pk__in=used)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error(
                "date_to", "The 'to' date must be the same as or after the 'from' date."
            )
        return data
