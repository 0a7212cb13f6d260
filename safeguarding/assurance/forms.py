"""Input shapes for the assurance pages. Forms built from data (`ResponseForm`,
`Section11ReturnForm`, `ModerationForm`) make one field per question or standard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms

from safeguarding.accounts.models import User
from safeguarding.assurance.models import (
    Audit,
    FormSection,
    FormTemplate,
    Grade,
    PerformanceCommentary,
    ProfessionalDifference,
    Question,
    Score,
    ScrutinyAssessment,
    ScrutinyTheme,
    Section11Cycle,
    Section11Score,
    Survey,
)
from safeguarding.core.forms import GOVUKDateField, VersionField, limit_choices
from safeguarding.learning.models import Theme
from safeguarding.partnership.models import Agency, Priority

_TEXTAREA = forms.Textarea(attrs={"rows": 4})


class FormTemplateForm(forms.Form):
    name = forms.CharField(max_length=200)
    purpose = forms.ChoiceField(label="What the form is for", choices=FormTemplate.Purpose.choices)
    description = forms.CharField(required=False, widget=_TEXTAREA)


class FormSectionForm(forms.Form):
    title = forms.CharField(label="Section title", max_length=200)
    help_text = forms.CharField(label="Help text", required=False, widget=_TEXTAREA)


class QuestionForm(forms.Form):
    section = forms.ModelChoiceField(queryset=FormSection.objects.none(), empty_label=None)
    text = forms.CharField(label="Question", max_length=500)
    key = forms.SlugField(
        label="Short name",
        max_length=60,
        help_text="Lower-case letters, numbers and underscores, for example confident_reporting. "
        "Keep it the same in later versions.",
    )
    kind = forms.ChoiceField(label="Type of answer", choices=Question.Kind.choices)
    choices = forms.CharField(
        label="Options",
        required=False,
        widget=_TEXTAREA,
        help_text="For a choice or rating scale: one option a line, in order.",
    )
    required = forms.BooleanField(label="An answer is required", required=False, initial=True)
    help_text = forms.CharField(label="Help text", required=False, widget=_TEXTAREA)
    report_label = forms.CharField(
        label="Key finding wording",
        required=False,
        max_length=200,
        help_text="Optional. The annual report states the percentage choosing the first option, "
        "followed by these words.",
    )

    def __init__(self, *args: Any, sections: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "section", sections)

    def clean_choices(self) -> list[str]:
        raw: str = self.cleaned_data.get("choices") or ""
        return [line.strip() for line in raw.splitlines() if line.strip()]


class QuestionChangeForm(forms.Form):
    text = forms.CharField(label="Question", max_length=500)
    choices = forms.CharField(
        label="Options",
        required=False,
        widget=_TEXTAREA,
        help_text="For a choice or rating scale: one option a line, in order.",
    )
    required = forms.BooleanField(label="An answer is required", required=False)
    help_text = forms.CharField(label="Help text", required=False, widget=_TEXTAREA)
    report_label = forms.CharField(label="Key finding wording", required=False, max_length=200)

    def clean_choices(self) -> list[str]:
        raw: str = self.cleaned_data.get("choices") or ""
        return [line.strip() for line in raw.splitlines() if line.strip()]


def _question_field(question: Question) -> forms.Field:
    common: dict[str, Any] = {
        "label": question.text,
        "required": question.required,
        "help_text": question.help_text,
    }
    if question.has_options:
        return forms.ChoiceField(
            choices=[(o, o) for o in question.options], widget=forms.RadioSelect, **common
        )
    if question.kind == Question.Kind.NUMBER:
        return forms.DecimalField(**common)
    if question.kind == Question.Kind.DATE:
        if not common["help_text"]:
            del common["help_text"]  # the date input's own example
        return GOVUKDateField(**common)
    if question.kind == Question.Kind.EVIDENCE:
        return forms.FileField(**common)
    return forms.CharField(widget=_TEXTAREA, max_length=5000, **common)


class ResponseForm(forms.Form):
    """One field per question of a form version; field names are the question keys."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question.key] = _question_field(question)
        messages = {
            "required": "Choose an answer.",
        }
        for question in questions:
            if question.has_options:
                self.fields[question.key].error_messages.update(messages)

    def answers(self) -> dict[str, Any]:
        return {
            key: ("" if value is None else str(value))
            for key, value in self.cleaned_data.items()
            if not hasattr(value, "read")
        }

    def uploads(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if hasattr(v, "read")}


SURVEY_HONEYPOT = "your_email_address"


class SurveyResponseForm(ResponseForm):
    """The public survey: the questions and a honeypot field people never see (hidden from
    screens and screen readers; robots fill it in, and their answer is dropped)."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, questions=questions, **kwargs)
        for field in self.fields.values():
            # Browsers do not keep or restore what was chosen (Back after sending shows an
            # empty form on a shared phone).
            field.widget.attrs["autocomplete"] = "off"
        if SURVEY_HONEYPOT not in self.fields:
            honeypot = forms.CharField(
                label="Leave this empty",
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            )
            honeypot.template_name = "assurance/_honeypot_field.html"  # type: ignore[attr-defined]
            self.fields[SURVEY_HONEYPOT] = honeypot

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(SURVEY_HONEYPOT, "").strip())

    def answers(self) -> dict[str, Any]:
        answers = super().answers()
        answers.pop(SURVEY_HONEYPOT, None)
        return answers


class SurveyLinksForm(forms.Form):
    group = forms.CharField(
        label="Invited group",
        max_length=200,
        help_text="For example: Year 9 at one school. Do not name a person.",
    )
    count = forms.IntegerField(label="How many single-use links?", min_value=1)


class BurstExcludeForm(forms.Form):
    reason = forms.CharField(
        label="Why are these answers being excluded?",
        widget=_TEXTAREA,
        help_text="The answers are kept but left out of every figure and download.",
    )


class AuditCaseCompleteForm(ResponseForm):
    auditor_grade = forms.ChoiceField(
        label="Your grade for this case", choices=Grade.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, questions=questions, **kwargs)
        grade = self.fields.pop("auditor_grade")
        self.fields["auditor_grade"] = grade  # last on the page

    def answers(self) -> dict[str, Any]:
        answers = super().answers()
        answers.pop("auditor_grade", None)
        return answers


_SCORE_CHOICES = [("", "Choose a score"), *[(str(v), label) for v, label in Score.choices]]


class _PerStandardForm(forms.Form):
    """The same fields for every standard of a Section 11 return, each named
    `s<score pk>_<name>`; `groups()` gives the template each standard's score, the previous
    cycle's score for it and its fields. A subclass lists its `field_names` and makes them in
    `standard_fields(score)`."""

    field_names: tuple[str, ...] = ()

    version = VersionField()

    def __init__(
        self,
        *args: Any,
        scores: list[Section11Score],
        previous: Mapping[str, int | None],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.scores = scores
        self.previous = previous
        for score in scores:
            fields = self.standard_fields(score)
            assert tuple(fields) == self.field_names
            for name, field in fields.items():
                self.fields[_standard_field(score, name)] = field

    def standard_fields(self, score: Section11Score) -> dict[str, forms.Field]:
        raise NotImplementedError

    def groups(self) -> list[tuple[Section11Score, int | None, list[forms.BoundField]]]:
        """For each standard: its score, the previous cycle's score and its fields."""
        return [
            (
                score,
                self.previous.get(score.standard.key),
                [self[_standard_field(score, name)] for name in self.field_names],
            )
            for score in self.scores
        ]

    def standard_values(self, score: Section11Score) -> dict[str, Any]:
        """The cleaned values of one standard's fields, by field name."""
        return {
            name: self.cleaned_data.get(_standard_field(score, name)) for name in self.field_names
        }


def _standard_field(score: Section11Score, name: str) -> str:
    return f"s{score.pk}_{name}"


class Section11ReturnForm(_PerStandardForm):
    """Self-score, evidence, strengths and areas for improvement for every standard."""

    field_names = ("self_score", "evidence", "strengths", "areas_for_improvement")

    def standard_fields(self, score: Section11Score) -> dict[str, forms.Field]:
        text = score.standard.text
        fields: dict[str, forms.Field] = {
            "self_score": forms.TypedChoiceField(
                label=f"{text}: self-score",
                choices=_SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=score.self_score,
            )
        }
        for name, label in (
            ("evidence", "evidence"),
            ("strengths", "strengths"),
            ("areas_for_improvement", "areas for improvement"),
        ):
            fields[name] = forms.CharField(
                label=f"{text}: {label}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=getattr(score, name),
            )
        return fields

    def score_data(self) -> dict[int, dict[str, Any]]:
        return {score.pk: self.standard_values(score) for score in self.scores}


class ModerationForm(_PerStandardForm):
    """The moderated score and a comment for every standard."""

    field_names = ("moderated_score", "moderation_comment")

    def standard_fields(self, score: Section11Score) -> dict[str, forms.Field]:
        return {
            "moderated_score": forms.TypedChoiceField(
                label=f"{score.standard.text}: moderated score",
                choices=_SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                initial=score.moderated_score
                if score.moderated_score is not None
                else score.self_score,
                error_messages={"required": "Choose the moderated score."},
            ),
            "moderation_comment": forms.CharField(
                label=f"{score.standard.text}: comment",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=score.moderation_comment,
            ),
        }

    def moderated(self) -> dict[int, tuple[int, str]]:
        return {
            s.pk: (
                self.cleaned_data[_standard_field(s, "moderated_score")],
                self.cleaned_data.get(_standard_field(s, "moderation_comment"), ""),
            )
            for s in self.scores
        }


class ChallengeForm(forms.Form):
    version = VersionField()
    challenge_on = GOVUKDateField(label="Date of the challenge session")
    challenge_attendees = forms.CharField(
        label="Who attended", widget=_TEXTAREA, help_text="Roles and agencies."
    )
    challenge_notes = forms.CharField(label="Notes", widget=_TEXTAREA)


class FeedbackForm(forms.Form):
    version = VersionField()
    feedback = forms.CharField(label="Feedback to the agency", widget=_TEXTAREA)


class Section11CycleForm(forms.Form):
    name = forms.CharField(max_length=200)
    year_label = forms.CharField(
        label="Reporting year", max_length=9, help_text="For example 2022-23"
    )
    opens_on = GOVUKDateField(label="Opens on")
    deadline = GOVUKDateField(label="Deadline for returns")
    standard_set = forms.ModelChoiceField(
        label="Standard set", queryset=FormTemplate.objects.none(), empty_label=None
    )
    previous = forms.ModelChoiceField(
        label="Previous cycle (its scores are carried forward)",
        queryset=Section11Cycle.objects.all(),
        required=False,
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.active(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self,
            "standard_set",
            FormTemplate.objects.filter(purpose=FormTemplate.Purpose.SECTION11),
        )


class SurveyForm(forms.Form):
    title = forms.CharField(max_length=200)
    topic = forms.CharField(max_length=200, required=False)
    audience = forms.ChoiceField(label="Who it is for", choices=Survey.Audience.choices)
    form = forms.ModelChoiceField(
        label="Questionnaire", queryset=FormTemplate.objects.none(), empty_label=None
    )
    intro = forms.CharField(
        label="Introduction", required=False, widget=_TEXTAREA, help_text="Use short, plain words."
    )
    opens_on = GOVUKDateField(label="Opens on")
    closes_on = GOVUKDateField(label="Closes on")
    is_sensitive = forms.BooleanField(
        label="Sensitive subject: show an 'Exit this page' button", required=False, initial=True
    )
    section11_cycle = forms.ModelChoiceField(
        label="Linked Section 11 cycle", queryset=Section11Cycle.objects.all(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "form", FormTemplate.objects.filter(purpose=FormTemplate.Purpose.SURVEY)
        )


class SurveyUpdateForm(forms.Form):
    version = VersionField()
    title = forms.CharField(max_length=200)
    topic = forms.CharField(max_length=200, required=False)
    intro = forms.CharField(
        label="Introduction", required=False, widget=_TEXTAREA, help_text="Use short, plain words."
    )
    opens_on = GOVUKDateField(label="Opens on")
    closes_on = GOVUKDateField(label="Closes on")
    is_sensitive = forms.BooleanField(
        label="Sensitive subject: show an 'Exit this page' button", required=False
    )


class AuditForm(forms.Form):
    title = forms.CharField(max_length=200)
    theme = forms.CharField(max_length=200)
    kind = forms.ChoiceField(label="Type of audit", choices=Audit.Kind.choices)
    priority = forms.ModelChoiceField(
        label="Linked priority", queryset=Priority.objects.all(), required=False
    )
    tool = forms.ModelChoiceField(
        label="Audit tool", queryset=FormTemplate.objects.none(), empty_label=None
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Participating agencies",
        queryset=Agency.objects.active(),
        widget=forms.CheckboxSelectMultiple,
    )
    planned_for = GOVUKDateField(label="Planned for")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "tool", FormTemplate.objects.filter(purpose=FormTemplate.Purpose.AUDIT_TOOL)
        )


class AuditCaseForm(forms.Form):
    case_reference = forms.CharField(
        max_length=30, help_text="The case reference only. Never a child's name."
    )
    agency = forms.ModelChoiceField(queryset=Agency.objects.none())
    auditor = forms.ModelChoiceField(queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, audit: Audit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", audit.agencies.all())
        limit_choices(
            self,
            "auditor",
            User.objects.filter(is_active=True, role_grants__isnull=False).distinct(),
        )


class AuditModerationForm(forms.Form):
    moderation_on = GOVUKDateField(label="Date of the moderation meeting")

    def __init__(self, *args: Any, cases: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cases = cases
        for case in cases:
            self.fields[f"c{case.pk}_grade"] = forms.ChoiceField(
                label=f"Case {case.case_reference}: agreed grade",
                choices=[("", "Choose a grade"), *Grade.choices],
                initial=case.agreed_grade or case.auditor_grade,
            )
            self.fields[f"c{case.pk}_notes"] = forms.CharField(
                label=f"Case {case.case_reference}: notes", required=False, widget=_TEXTAREA
            )

    def grades(self) -> dict[int, tuple[str, str]]:
        return {
            c.pk: (
                self.cleaned_data[f"c{c.pk}_grade"],
                self.cleaned_data.get(f"c{c.pk}_notes", ""),
            )
            for c in self.cases
        }


class AuditFindingForm(forms.Form):
    title = forms.CharField(max_length=200, help_text="No names or identifying details.")
    summary = forms.CharField(widget=_TEXTAREA)
    recorded_on = GOVUKDateField(label="Agreed on")
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    action_description = forms.CharField(
        label="Action (optional)", required=False, widget=_TEXTAREA
    )
    action_agency = forms.ModelChoiceField(
        label="Agency responsible for the action", queryset=Agency.objects.none(), required=False
    )
    action_due = GOVUKDateField(label="Action due by", required=False)

    def __init__(self, *args: Any, audit: Audit, **kwargs: Any) -> None:
        from safeguarding.learning.selectors import theme_list

        super().__init__(*args, **kwargs)
        limit_choices(self, "themes", theme_list())
        limit_choices(self, "action_agency", audit.agencies.all())


class AuditCompleteForm(forms.Form):
    completed_on = GOVUKDateField(label="Completed on")
    findings_summary = forms.CharField(label="Summary of findings", widget=_TEXTAREA)
    confirmed = forms.BooleanField(
        label="I understand the audit cannot be changed once it is complete",
        error_messages={"required": "Confirm that the audit cannot be changed once complete."},
    )


class Section11SubmitForm(forms.Form):
    confirmed = forms.BooleanField(
        label="I confirm the self-assessment is complete and cannot be changed once submitted",
        error_messages={"required": "Confirm that the return is ready to submit."},
    )


class CommentaryForm(forms.Form):
    priority = forms.ModelChoiceField(queryset=Priority.objects.all())
    agency = forms.ModelChoiceField(queryset=Agency.objects.none())
    year_label = forms.CharField(
        label="Reporting year", max_length=9, help_text="For example 2022-23"
    )
    half = forms.ChoiceField(label="Half-year", choices=PerformanceCommentary.Half.choices)
    worked_well = forms.CharField(label="What has worked well", widget=_TEXTAREA)
    areas_for_improvement = forms.CharField(label="Areas for improvement", widget=_TEXTAREA)
    agency_actions = forms.CharField(label="What your agency has done", widget=_TEXTAREA)
    multi_agency_support = forms.CharField(
        label="Where multi-agency support is needed", required=False, widget=_TEXTAREA
    )
    escalation = forms.CharField(
        label="Issues to escalate to the Executive Board", required=False, widget=_TEXTAREA
    )

    EXTRA = "extra_"

    def __init__(
        self,
        *args: Any,
        agencies: Any,
        extra_questions: Sequence[Question] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", agencies)
        for question in extra_questions:
            if question.kind != Question.Kind.EVIDENCE:
                self.fields[self.EXTRA + question.key] = _question_field(question)

    def commentary_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith(self.EXTRA)}
        data["extra_answers"] = {
            k.removeprefix(self.EXTRA): "" if v is None else str(v)
            for k, v in self.cleaned_data.items()
            if k.startswith(self.EXTRA)
        }
        return data


class CommentaryReviewForm(forms.Form):
    version = VersionField()
    qeg_comments = forms.CharField(label="QEG comments", widget=_TEXTAREA)


class BoardResponseForm(forms.Form):
    version = VersionField()
    board_response = forms.CharField(label="The Executive Board's response", widget=_TEXTAREA)
    board_responded_on = GOVUKDateField(label="Date of the response")


class ScrutinyReportForm(forms.Form):
    title = forms.CharField(max_length=200)
    board_meeting_on = GOVUKDateField(label="Executive Board meeting")
    summary = forms.CharField(widget=_TEXTAREA)


class ScrutinyAssessmentForm(forms.Form):
    theme = forms.ModelChoiceField(queryset=ScrutinyTheme.objects.active())
    assessed_on = GOVUKDateField(label="Assessed on")
    evidence_reviewed = forms.CharField(label="Evidence reviewed", widget=_TEXTAREA)
    judgement = forms.ChoiceField(choices=ScrutinyAssessment.Judgement.choices)
    recommendations = forms.CharField(required=False, widget=_TEXTAREA)


class RecommendationActionForm(forms.Form):
    description = forms.CharField(label="Action", widget=_TEXTAREA)
    owner_agency = forms.ModelChoiceField(
        label="Agency responsible", queryset=Agency.objects.active()
    )
    due_date = GOVUKDateField(label="Due by")


class ProfessionalDifferenceForm(forms.Form):
    raised_by_agency = forms.ModelChoiceField(label="Raised by", queryset=Agency.objects.active())
    with_agency = forms.ModelChoiceField(label="Raised with", queryset=Agency.objects.active())
    issue = forms.CharField(
        widget=_TEXTAREA, help_text="What the disagreement is about. No names."
    )
    raised_on = GOVUKDateField(label="Raised on")


class ProfessionalDifferenceUpdateForm(forms.Form):
    version = VersionField()
    stage = forms.ChoiceField(choices=ProfessionalDifference.Stage.choices)
    resolved_on = GOVUKDateField(label="Resolved on", required=False)
    outcome = forms.CharField(required=False, widget=_TEXTAREA)
