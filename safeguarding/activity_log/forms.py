from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.selectors import target_type_list
from safeguarding.core.forms import GOVUKDateField, limit_choices


class EventFilterForm(forms.Form):
    # An e-mail address, not a list of everyone: a partnership has tens of thousands of people.
    actor = forms.EmailField(
        required=False,
        label="Person's email address",
        help_text="Everything this person did",
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
        limit_choices(self, "target_type", target_type_list())
        self.fields["verb"].widget.attrs["list"] = "activity-verbs"

    def clean_actor(self) -> User | None:
        email = self.cleaned_data.get("actor")
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError("No one on the platform has that email address")
        return user

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data
