"""Input shapes for the governance pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.core.forms import GOVUKDateField, VersionField, limit_choices
from safeguarding.governance import evidence
from safeguarding.governance.models import (
    AgendaItem,
    Appointment,
    ArrangementsMember,
    Attendance,
    BudgetLine,
    PriorityProgress,
)
from safeguarding.partnership.models import Agency, Group


def _agencies() -> Any:
    return Agency.objects.active().order_by("name")


def _people() -> Any:
    return User.objects.filter(is_active=True).order_by("full_name", "email")


def _groups() -> Any:
    return Group.objects.live().order_by("display_order", "name")


class AppointmentForm(forms.Form):
    role = forms.ChoiceField(choices=Appointment.Role.choices, label="Role")
    holder_name = forms.CharField(label="Name", max_length=200)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    agency = forms.ModelChoiceField(
        queryset=_agencies(),
        label="Agency",
        required=False,
        empty_label="None (the chair and the scrutineer)",
        help_text="For the partner roles: the statutory partner the role is for.",
    )
    person = forms.ModelChoiceField(
        queryset=_people(), label="Their account", required=False, empty_label="No account"
    )
    started_on = GOVUKDateField(label="From")
    ended_on = GOVUKDateField(label="To", required=False)


class AppointmentEndForm(forms.Form):
    ended_on = GOVUKDateField(label="Last day in the role")


class ArrangementsMemberForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=_agencies(), label="Agency")
    kind = forms.ChoiceField(
        choices=ArrangementsMember.Kind.choices, label="Named as", widget=forms.RadioSelect
    )
    joined_on = GOVUKDateField(label="Date it joined")


class ArrangementsDocumentForm(forms.Form):
    version_label = forms.CharField(label="Version", max_length=40)
    title = forms.CharField(label="Title", max_length=300)
    summary = forms.CharField(
        label="Summary of the arrangements", widget=forms.Textarea(attrs={"rows": 8})
    )
    review_due_on = GOVUKDateField(label="Review due")
    file = forms.FileField(
        label="The document (PDF)",
        required=False,
        help_text="Shown on the public page once published.",
    )


class SignOffForm(forms.Form):
    appointment = forms.ModelChoiceField(
        queryset=Appointment.objects.filter(
            role__in=[Appointment.Role.LEAD_PARTNER, Appointment.Role.SAFEGUARDING_PARTNER]
        ).select_related("agency"),
        label="Lead safeguarding partner",
    )
    signed_on = GOVUKDateField(label="Date signed off")


class PublishForm(forms.Form):
    published_on = GOVUKDateField(label="Publication date")


class ContributionForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=_agencies(), label="Agency")
    year_start = forms.IntegerField(
        label="Reporting year starting in",
        min_value=2000,
        max_value=2100,
        help_text="For example 2020 for 2020-21.",
    )
    agreed = forms.DecimalField(label="Agreed (£)", min_value=0, decimal_places=2)
    received = forms.DecimalField(label="Received (£)", min_value=0, decimal_places=2)


class BudgetLineForm(forms.Form):
    year_start = forms.IntegerField(
        label="Reporting year starting in", min_value=2000, max_value=2100
    )
    category = forms.ChoiceField(choices=BudgetLine.Category.choices, label="Spending line")
    amount = forms.DecimalField(label="Amount (£)", min_value=0, decimal_places=2)
    description = forms.CharField(label="Description", max_length=300, required=False)


# A time of day typed in a box (GOV.UK has no time input): "10am", "2:30pm", "14:30".
TIME_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p", "%I:%M %p", "%I %p"]


class MeetingForm(forms.Form):
    day = GOVUKDateField(label="Date")
    starts = forms.TimeField(
        label="Start time",
        help_text="For example, 10am, 2:30pm or 14:30",
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={"invalid": "Enter the start time like 10am, 2:30pm or 14:30"},
    )
    ends = forms.TimeField(
        label="End time",
        help_text="For example, 12pm, 4:30pm or 16:30",
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={"invalid": "Enter the end time like 12pm, 4:30pm or 16:30"},
    )
    location = forms.CharField(label="Place", max_length=300, required=False)
    online_link = forms.URLField(
        label="Online meeting link", required=False, assume_scheme="https"
    )
    chair = forms.ModelChoiceField(
        queryset=_people(), label="Chair", required=False, empty_label="The group's chair"
    )

    def meeting_times(self) -> tuple[datetime, datetime]:
        data = self.cleaned_data
        starts = timezone.make_aware(datetime.combine(data["day"], data["starts"]))
        ends = timezone.make_aware(datetime.combine(data["day"], data["ends"]))
        return starts, ends


class MeetingRescheduleForm(MeetingForm):
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["chair"]


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
    )


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="Item", max_length=300)
    purpose = forms.ChoiceField(
        choices=AgendaItem.Purpose.choices, label="Purpose", widget=forms.RadioSelect
    )
    owner = forms.ModelChoiceField(
        queryset=_people(), label="Owner", required=False, empty_label="No named owner"
    )
    owner_agency = forms.ModelChoiceField(
        queryset=_agencies(), label="Owner agency", required=False, empty_label="No agency"
    )


class PaperForm(forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        label="Agenda item",
        required=False,
        empty_label="Not for one item",
    )
    file = forms.FileField(label="Paper", help_text="A PDF, Word, Excel or PowerPoint file.")

    def __init__(self, *args: Any, meeting: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if meeting is not None:
            limit_choices(self, "agenda_item", meeting.agenda_items.all())


class MinutesForm(forms.Form):
    minutes = forms.CharField(label="Minutes", widget=forms.Textarea(attrs={"rows": 12}))
    version = VersionField()


class DecisionForm(forms.Form):
    text = forms.CharField(label="Decision", widget=forms.Textarea(attrs={"rows": 4}))
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        label="Agenda item",
        required=False,
        empty_label="Not for one item",
    )

    def __init__(self, *args: Any, meeting: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if meeting is not None:
            limit_choices(self, "agenda_item", meeting.agenda_items.all())


class MeetingActionForm(forms.Form):
    description = forms.CharField(label="Action", widget=forms.Textarea(attrs={"rows": 3}))
    owner_agency = forms.ModelChoiceField(queryset=_agencies(), label="Owner agency")
    owner_person = forms.ModelChoiceField(
        queryset=_people(), label="Owner", required=False, empty_label="No named owner"
    )
    due_date = GOVUKDateField(label="Due date")


class EscalationForm(forms.Form):
    to_group = forms.ModelChoiceField(
        queryset=_groups(),
        label="Escalate to",
        help_text="A group above this one in the governance structure.",
    )
    summary = forms.CharField(
        label="What is escalated and why", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, groups: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if groups is not None:
            limit_choices(self, "to_group", groups)


class AttendanceForm(forms.Form):
    """One field per seat (status) and one for a deputy's name; built from the seats."""

    def __init__(self, *args: Any, seats: list[Any], current: dict[int, Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.seats = seats
        for seat in seats:
            existing = current.get(seat.pk)
            self.fields[f"seat_{seat.pk}"] = forms.ChoiceField(
                choices=Attendance.Status.choices,
                label=str(seat),
                widget=forms.RadioSelect,
                initial=existing.status if existing else Attendance.Status.PRESENT,
            )
            self.fields[f"deputy_{seat.pk}"] = forms.CharField(
                label=f"Deputy for {seat}",
                required=False,
                max_length=200,
                initial=existing.deputy_name if existing else "",
            )

    def entries(self) -> list[tuple[Any, str, str]]:
        return [
            (seat, self.cleaned_data[f"seat_{seat.pk}"], self.cleaned_data[f"deputy_{seat.pk}"])
            for seat in self.seats
        ]


class PriorityPlanForm(forms.Form):
    what_it_is = forms.CharField(
        label="What the priority is", widget=forms.Textarea(attrs={"rows": 4})
    )
    how = forms.CharField(label="How we will do it", widget=forms.Textarea(attrs={"rows": 4}))


class PriorityProgressForm(forms.Form):
    year_start = forms.IntegerField(
        label="Reporting year starting in", min_value=2000, max_value=2100
    )
    quarter = forms.TypedChoiceField(
        choices=[
            (1, "Q1 (April to June)"),
            (2, "Q2 (July to September)"),
            (3, "Q3 (October to December)"),
            (4, "Q4 (January to March)"),
        ],
        coerce=int,
        label="Quarter",
        widget=forms.RadioSelect,
    )
    rag = forms.ChoiceField(
        choices=PriorityProgress.Rag.choices, label="RAG rating", widget=forms.RadioSelect
    )
    narrative = forms.CharField(
        label="Progress this quarter", widget=forms.Textarea(attrs={"rows": 5}), max_length=3000
    )


class EvidenceLinkForm(forms.Form):
    kind = forms.ChoiceField(choices=(), label="Kind of record")
    record_id = forms.IntegerField(label="Record number", min_value=1)
    note = forms.CharField(label="Note", max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            (p.model_label, p.label) for p in evidence.registered()
        ]
