"""Pages for building forms: audit tools, Section 11 standard sets, survey questionnaires."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import FormTemplate, FormVersion
from safeguarding.assurance.views.common import CRUMBS, may_manage_all, paginate
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Closed,
    Crumb,
    Words,
    calls,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _forms_crumb() -> Crumb:
    return ("Forms", reverse("assurance:form_list"))


def _form_crumbs(template: FormTemplate, last: str) -> list[Crumb]:
    return CRUMBS(
        _forms_crumb(),
        (template.name, reverse("assurance:form_detail", args=[template.pk])),
        (last, ""),
    )


@login_required
@require_GET
def form_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    return render(
        request,
        "assurance/form_list.html",
        {
            **paginate(request, selectors.form_list()),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Forms", "")),
        },
    )


def _form_url(template: FormTemplate) -> str:
    return reverse("assurance:form_detail", args=[template.pk])


form_create = create_view(
    check=may_manage_all,
    form_class=forms.FormTemplateForm,
    save=lambda user, form: services.form_template_create(actor=user, **form.cleaned_data),
    success_message=lambda template: f"{template.name} has been created. Add a section next.",
    success_url=_form_url,
    title="Create a form",
    submit="Create form",
    breadcrumbs=lambda: CRUMBS(_forms_crumb(), ("Create", "")),
)


@login_required
@require_GET
def form_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = permissions.get_form_for_user_or_404(request.user, pk)
    version = selectors.form_version_latest(template=template)
    return render(
        request,
        "assurance/form_detail.html",
        {
            "template": template,
            "version": version,
            "versions": template.versions.order_by("-number"),
            "sections": selectors.form_version_sections(version=version),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(_forms_crumb(), (template.name, "")),
        },
    )


def _frozen_note(version: FormVersion) -> str:
    if version.is_frozen:
        number = version.number
        return (
            f"Version {number} already has responses, so it cannot change. Your change will "
            f"make version {number + 1}; earlier responses keep version {number}."
        )
    return ""


def _latest_version(user: User, pk: int) -> FormVersion:
    """The form's latest version (what a change is made to), the form fetched for writing."""
    template = permissions.get_form_for_user_or_404(user, pk, write=True)
    return selectors.form_version_latest(template=template)


def _no_sections(user: User, version: FormVersion) -> Closed | None:
    if version.sections.exists():
        return None
    return Closed(
        "Add a section before adding questions.",
        reverse("assurance:form_section_add", args=[version.template_id]),
    )


# What the pages that change a form's latest version share: they say when the change makes a
# new version, and return to the form's page.
version_page = partial(
    form_view,
    fetch=_latest_version,
    intro=_frozen_note,
    success_url=lambda version: _form_url(version.template),
    breadcrumbs=lambda version, crumb: _form_crumbs(version.template, crumb[0]),
)

form_section_add = version_page(
    forms.FormSectionForm,
    lambda user, version, form: services.form_section_add(
        actor=user, template=version.template, **form.cleaned_data
    ),
    Words("Add a section", "Add section", "The section has been added."),
)

form_question_add = version_page(
    forms.QuestionForm,
    lambda user, version, form: services.form_question_add(actor=user, **form.cleaned_data),
    Words("Add a question", "Add question", "The question has been added."),
    form_kwargs=lambda user, version: {"sections": version.sections.all()},
    closed=_no_sections,
)

form_question_update = form_view(
    forms.QuestionChangeForm,
    calls(services.form_question_update, "question"),
    Words("Change a question", "Save question", "The question has been changed."),
    fetch=partial(permissions.get_question_for_user_or_404, write=True),
    initial=lambda question: initial_from(
        question, forms.QuestionChangeForm, choices="\n".join(question.choices or [])
    ),
    intro=lambda question: _frozen_note(question.section.form_version),
    success_url=lambda question: _form_url(question.section.form_version.template),
    breadcrumbs=lambda question, crumb: _form_crumbs(
        question.section.form_version.template, crumb[0]
    ),
)


@login_required
@require_POST
def form_question_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = permissions.get_question_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.form_question_remove(actor=request.user, question=question),
        done=lambda version: f"The question has been removed from version {version.number}.",
        to=reverse("assurance:form_detail", args=[question.section.form_version.template_id]),
    )
