"""Input shapes for the public website's pages."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding.assurance.models import FormTemplate
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.core.forms import GOVUKDateField, VersionField, limit_choices
from safeguarding.partnership.models import Area, District
from safeguarding.website.models import Audience, Page, Resource, Tool, ToolOutcome, Topic


class PageForm(forms.Form):
    title = forms.CharField(max_length=200)
    slug = forms.SlugField(
        label="Address", max_length=120, help_text="Lower-case words joined by hyphens."
    )
    kind = forms.ChoiceField(label="Kind of page", choices=Page.Kind.choices)
    summary = forms.CharField(max_length=300, help_text="One or two sentences for lists.")
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Markdown: ## headings, - lists, [links](https://...), tables.",
    )
    topic = forms.ModelChoiceField(queryset=Topic.objects.active(), required=False)
    audience = forms.ChoiceField(choices=Audience.choices)
    review_on = GOVUKDateField(label="Review date")
    is_published = forms.BooleanField(label="Published", required=False)


class PageEditForm(PageForm):
    version = VersionField()


class ResourceForm(forms.Form):
    title = forms.CharField(max_length=200)
    slug = forms.SlugField(label="Address", max_length=120)
    kind = forms.ChoiceField(label="Kind of resource", choices=Resource.Kind.choices)
    summary = forms.CharField(max_length=300)
    topic = forms.ModelChoiceField(queryset=Topic.objects.active())
    audience = forms.ChoiceField(choices=Audience.choices)
    practice_review = forms.ModelChoiceField(
        label="Practice review it shares the learning of (optional)",
        queryset=PracticeReview.objects.live().order_by("title"),
        required=False,
        help_text="Shown on the review's public page once the review is published.",
    )
    is_published = forms.BooleanField(label="Published", required=False)


class ResourceEditForm(ResourceForm):
    version = VersionField()


class ResourceVersionForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        required=False,
        help_text="A PDF, Word, Excel or PowerPoint file, up to 20 MB.",
    )
    link = forms.URLField(
        required=False, assume_scheme="https", help_text="Or a link, for a recording or web page."
    )
    notes = forms.CharField(label="What changed", max_length=300, required=False)
    published_on = GOVUKDateField(label="Publication date")
    review_on = GOVUKDateField(label="Review date")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("file")) == bool(data.get("link")):
            self.add_error("file", "Upload a file or give a link, not both and not neither.")
        return data


class FrontDoorForm(forms.Form):
    area = forms.ModelChoiceField(queryset=Area.objects.active())
    district = forms.ModelChoiceField(
        queryset=District.objects.active(),
        required=False,
        help_text="Leave empty for the whole area.",
    )
    name = forms.CharField(max_length=200, help_text="For example, Children's Services")
    phone = forms.CharField(max_length=40)
    hours = forms.CharField(max_length=200, help_text="For example, Monday to Friday, 8am to 6pm")
    out_of_hours_phone = forms.CharField(label="Out-of-hours phone", max_length=40)
    online_form_url = forms.URLField(
        label="Online form link", required=False, assume_scheme="https"
    )
    review_on = GOVUKDateField(label="Review date")


class FrontDoorEditForm(FrontDoorForm):
    version = VersionField()


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one topic."},
    )
    # A field people never see (hidden by CSS, out of the tab order); robots fill it in.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class ConcernAreaForm(forms.Form):
    area = forms.ModelChoiceField(
        label="Where does the child live?",
        queryset=Area.objects.active().order_by("name"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select where the child lives."},
    )


class ConcernDistrictForm(forms.Form):
    district = forms.ModelChoiceField(
        label="Which district does the child live in?",
        queryset=District.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the district where the child lives."},
    )

    def __init__(self, *args: Any, area: Area, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "district", District.objects.active().filter(area=area).order_by("name")
        )


class ToolForm(forms.Form):
    title = forms.CharField(max_length=200)
    slug = forms.SlugField(label="Address", max_length=120)
    summary = forms.CharField(max_length=300)
    intro = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, help_text="Markdown."
    )
    form = forms.ModelChoiceField(
        label="Questionnaire",
        queryset=FormTemplate.objects.filter(purpose=FormTemplate.Purpose.SURVEY),
        help_text="A survey questionnaire from Quality assurance.",
    )
    audience = forms.ChoiceField(choices=Audience.choices)
    is_published = forms.BooleanField(label="Published", required=False)


class ToolEditForm(ToolForm):
    version = VersionField()


class ToolOutcomeForm(forms.Form):
    seriousness = forms.IntegerField(
        min_value=1, max_value=9, help_text="1 is the least serious outcome."
    )
    title = forms.CharField(max_length=120, help_text="For example, Green: healthy behaviour")
    colour = forms.ChoiceField(choices=ToolOutcome.Colour.choices)
    guidance = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}), help_text="Markdown: what to do."
    )


class ToolRuleForm(forms.Form):
    """Question and answer as one choice ("key|answer"), so only real answers can be chosen."""

    answer = forms.ChoiceField(label="Answer")
    outcome = forms.ModelChoiceField(queryset=ToolOutcome.objects.none())

    def __init__(self, *args: Any, tool: Tool, questions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answer = self.fields["answer"]
        assert isinstance(answer, forms.ChoiceField)
        answer.choices = [
            (q.text, [(f"{q.key}|{option}", option) for option in q.options])
            for q in questions
            if q.has_options
        ]
        limit_choices(self, "outcome", ToolOutcome.objects.filter(tool=tool))

    def rule(self) -> dict[str, Any]:
        key, _, option = self.cleaned_data["answer"].partition("|")
        return {"question_key": key, "answer": option, "outcome": self.cleaned_data["outcome"]}
