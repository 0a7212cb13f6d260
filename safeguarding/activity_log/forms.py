from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.selectors import target_type_list
from safeguarding.core.forms import GOVUKDateField


class EventFilterForm(forms.Form):
    actor = forms.ModelChoiceField(
        queryset=User.objects.order_by("full_name"), required=False, label="Person"
    )
    kind = forms.ChoiceField(
        choices=[("", "Any")] + list(ActivityEvent.Kind.choices), required=False, label="Kind"
    )
    verb = forms.CharField(
        required=False,
        label="What happened",
        max_length=100,
        help_text="The event's name exactly, for example booking.cancelled",
    )
    target_type = forms.ModelChoiceField(
        queryset=ContentType.objects.none(), required=False, label="Type of record"
    )
    target_id = forms.CharField(required=False, label="Record number", max_length=64)
    date_from = GOVUKDateField(required=False, label="From", help_text="For example, 27 3 2026")
    date_to = GOVUKDateField(required=False, label="To")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The project's record types, not a scan of the log for the types it holds.
        self.fields["target_type"].queryset = target_type_list()  # type: ignore[attr-defined]
        self.fields["verb"].widget.attrs["list"] = "activity-verbs"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data
