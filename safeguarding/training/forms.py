"""Input shapes for training pages (parsing and cleaning only)."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.accounts.models import User
from safeguarding.core.forms import GOVUKDateField, GOVUKDateTimeField, VersionField, limit_choices
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training.models import Briefing, Course, CourseValidation, TrainingBooking
from safeguarding.training.rules import VALIDATION_CHECKLIST

YES_NO = [("yes", "Yes"), ("no", "No")]
RATINGS = [(str(n), str(n)) for n in range(1, 6)]


def _yes(value: str) -> bool:
    return value == "yes"


class EvaluationForm(forms.Form):
    met_needs = forms.ChoiceField(
        label="Did the training meet your needs?", choices=YES_NO, widget=forms.RadioSelect
    )
    delivery_right = forms.ChoiceField(
        label="Was the delivery right for you?", choices=YES_NO, widget=forms.RadioSelect
    )
    rating = forms.ChoiceField(
        label="How would you rate the training overall?",
        help_text="1 is poor, 5 is excellent.",
        choices=RATINGS,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(label="Comments (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, course: Course, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, question in enumerate(course.evaluation_questions, start=1):
            self.fields[f"extra_{index}"] = forms.CharField(
                label=str(question), widget=forms.Textarea(attrs={"rows": 3})
            )

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        answers = {
            self.fields[name].label or name: value
            for name, value in data.items()
            if name.startswith("extra_")
        }
        return {
            "met_needs": _yes(data["met_needs"]),
            "delivery_right": _yes(data["delivery_right"]),
            "rating": int(data["rating"]),
            "comments": data["comments"],
            "answers": answers,
        }


class ImpactForm(forms.Form):
    practice_changed = forms.ChoiceField(
        label="Has your practice changed since the training?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    how = forms.CharField(
        label="How has it changed?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Do not include names or details that could identify a child or family.",
    )
    examples = forms.CharField(
        label="Examples (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Do not include names or details that could identify a child or family.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("practice_changed") == "yes" and not data.get("how", "").strip():
            self.add_error("how", "Say how your practice has changed.")
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "practice_changed": _yes(data["practice_changed"]),
            "how": data["how"],
            "examples": data["examples"],
        }


class BriefingCompleteForm(forms.Form):
    rating = forms.ChoiceField(
        label="How useful was this briefing?",
        help_text="1 is not useful, 5 is very useful.",
        choices=RATINGS,
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(label="Feedback (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, briefing: Briefing, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_names: list[str] = []
        for index, question in enumerate(briefing.check_questions, start=1):
            name = f"q{index}"
            options = [(str(o), str(o)) for o in question.get("options", [])]
            self.fields[name] = forms.ChoiceField(
                label=f"{index}. {question.get('question', '')}",
                choices=options,
                widget=forms.RadioSelect,
            )
            self.question_names.append(name)
        self.order_fields([*self.question_names, "rating", "feedback"])

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.question_names}


class AttendanceForm(forms.Form):
    booking = forms.IntegerField(widget=forms.HiddenInput)
    attendance = forms.ChoiceField(
        choices=[
            (TrainingBooking.Attendance.ATTENDED, "Attended"),
            (TrainingBooking.Attendance.NO_SHOW, "Did not attend"),
        ]
    )


class MarkAllForm(forms.Form):
    attendance = forms.ChoiceField(
        choices=[
            (TrainingBooking.Attendance.ATTENDED, "Attended"),
            (TrainingBooking.Attendance.NO_SHOW, "Did not attend"),
        ]
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


class VerifyForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=40,
        help_text="Printed on the certificate, for example ABCD-EFGH-JKLM-NPQR.",
    )


class CourseForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    audience = forms.CharField(max_length=300)
    level = forms.ChoiceField(choices=Course.Level.choices)
    format = forms.ChoiceField(choices=Course.Format.choices)
    priority = forms.ModelChoiceField(
        queryset=Priority.objects.all(), required=False, empty_label="No linked priority"
    )
    requires_manager_approval = forms.BooleanField(
        label="Line manager approval needed before a place is confirmed", required=False
    )
    evaluation_questions_text = forms.CharField(
        label="Extra evaluation questions (optional)",
        help_text="One question a line.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        text = data.pop("evaluation_questions_text", "")
        data["evaluation_questions"] = [line.strip() for line in text.splitlines() if line.strip()]
        return data


class CourseEditForm(CourseForm):
    is_published = forms.BooleanField(label="Show the course in the catalogue", required=False)
    version = VersionField()

    def values(self) -> dict[str, Any]:
        data = super().values()
        data.pop("version")
        return data


class SessionForm(forms.Form):
    starts_at = GOVUKDateTimeField(label="Date and time the session starts")
    duration_minutes = forms.IntegerField(label="Length in minutes", min_value=15)
    venue = forms.CharField(max_length=300, required=False)
    joining_link = forms.URLField(
        assume_scheme="https",
        label="Joining link",
        required=False,
        help_text="Shown only to people with a place.",
    )
    trainer_name = forms.CharField(label="Trainer", max_length=200)
    trainer_email = forms.EmailField(
        label="Trainer's account e-mail (optional)",
        required=False,
        help_text="The trainer with this account can mark the session's register.",
    )
    capacity = forms.IntegerField(label="Places", min_value=1)
    confirm_past = forms.BooleanField(
        label="This session has already started or taken place: add it anyway",
        required=False,
        help_text="Only to record a past session, for example from a paper register.",
    )

    def clean_trainer_email(self) -> User | None:
        email = self.cleaned_data.get("trainer_email", "").strip().lower()
        if not email:
            return None
        trainer = User.objects.filter(email__iexact=email, is_active=True).first()
        if trainer is None:
            raise forms.ValidationError("No one has an account with this e-mail address.")
        return trainer

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["trainer"] = data.pop("trainer_email")
        data["allow_past"] = data.pop("confirm_past", False)
        return data


class SessionAddForm(SessionForm):
    """Adding a session from the sessions list: the course is chosen first."""

    course = forms.ModelChoiceField(
        queryset=Course.objects.order_by("title"), empty_label="Choose a course"
    )

    field_order = ["course"]


class SessionEditForm(SessionForm):
    version = VersionField()
    confirm_past = None  # type: ignore[assignment]  # changing a session keeps its date rules

    def values(self) -> dict[str, Any]:
        data = super().values()
        data.pop("version")
        data.pop("allow_past")
        return data


class ValidationSubmitForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), empty_label=None)
    title = forms.CharField(label="Course title", max_length=200)
    content_outline = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    materials = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    trainer = forms.CharField(max_length=200)
    audience = forms.CharField(max_length=300)

    def __init__(self, *args: Any, agency_ids: frozenset[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", Agency.objects.filter(pk__in=agency_ids).order_by("name"))


class ValidationReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (CourseValidation.Status.VALIDATED, "Validate the course"),
            (CourseValidation.Status.CHANGES_REQUESTED, "Ask for changes"),
        ],
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(label="Notes for the agency", required=False, widget=forms.Textarea)
    expires_on = GOVUKDateField(label="Validation expires on", required=False)
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in VALIDATION_CHECKLIST:
            self.fields[f"check_{key}"] = forms.BooleanField(label=label, required=False)
        self.order_fields(
            [*(f"check_{k}" for k, _ in VALIDATION_CHECKLIST), "decision", "notes", "expires_on"]
        )

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "checklist": {key: bool(data.get(f"check_{key}")) for key, _ in VALIDATION_CHECKLIST},
            "notes": data["notes"],
            "decision": data["decision"],
            "expires_on": data["expires_on"],
            "expected_version": data["version"],
        }


class StatementFilterForm(forms.Form):
    start = GOVUKDateField(label="From")
    end = GOVUKDateField(label="To")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be after the start date.")
        return data


class NeedsResponseForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), empty_label=None)
    training_offered = forms.CharField(
        label="What safeguarding training does your agency run?",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(
        self, *args: Any, agency_ids: frozenset[int], priorities: list[Priority], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", Agency.objects.filter(pk__in=agency_ids).order_by("name"))
        self.priorities = priorities
        for priority in priorities:
            self.fields[f"covered_{priority.pk}"] = forms.ChoiceField(
                label=f"Does your training cover priority {priority.number}: {priority.title}?",
                choices=YES_NO,
                widget=forms.RadioSelect,
            )
            self.fields[f"gap_{priority.pk}"] = forms.CharField(
                label=f"Gaps against priority {priority.number} (optional)",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def gaps(self) -> list[tuple[Priority, bool, str]]:
        return [
            (
                p,
                _yes(self.cleaned_data[f"covered_{p.pk}"]),
                self.cleaned_data.get(f"gap_{p.pk}", ""),
            )
            for p in self.priorities
        ]


class ValidationResubmitForm(forms.Form):
    content_outline = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    materials = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    trainer = forms.CharField(max_length=200)
    audience = forms.CharField(max_length=300)
    version = VersionField()


class NeedsSurveyForm(forms.Form):
    year_label = forms.CharField(
        label="Reporting year", max_length=9, help_text="For example, 2025-26"
    )
    opens_on = GOVUKDateField(label="Opens on")
    closes_on = GOVUKDateField(label="Closes on")
    notify = forms.BooleanField(
        label="E-mail every agency safeguarding lead a link to answer",
        required=False,
        initial=True,
    )


class BriefingForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    content_url = forms.URLField(label="Link to the briefing", assume_scheme="https")
    embed_url = forms.URLField(
        label="Embedded presentation address (optional)", required=False, assume_scheme="https"
    )
    audio_url = forms.URLField(
        label="Audio address (optional)", required=False, assume_scheme="https"
    )
    duration_minutes = forms.IntegerField(label="Length in minutes", min_value=1, initial=20)
    published_on = GOVUKDateField(label="Published on")
    is_public = forms.BooleanField(
        label="Anyone can view it without signing in", required=False, initial=True
    )
    check_questions_text = forms.CharField(
        label="Check questions (optional)",
        help_text=(
            "One a line: the question | the options separated by ; | the right answer. "
            "For example: Should you keep a child's secret? | Yes; No | No"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_check_questions_text(self) -> list[dict[str, Any]]:
        questions = []
        text = self.cleaned_data.get("check_questions_text", "")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            options = [o.strip() for o in parts[1].split(";")] if len(parts) == 3 else []
            if len(parts) != 3 or len(options) < 2 or parts[2] not in options:
                raise forms.ValidationError(
                    f"Line {number}: write the question, at least two options separated by ; "
                    "and the right answer (one of the options), separated by |."
                )
            questions.append({"question": parts[0], "options": options, "answer": parts[2]})
        return questions

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["check_questions"] = data.pop("check_questions_text")
        return data
