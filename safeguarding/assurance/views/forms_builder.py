"""Pages for building forms: audit tools, Section 11 standard sets, survey questionnaires."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import FormTemplate, FormVersion
from safeguarding.assurance.views.common import CRUMBS, paginate
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, Crumb, form_page, initial_from
from safeguarding.core.permissions import require


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


@login_required
@require_http_methods(GET_POST)
def form_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.FormTemplateForm,
        save=lambda form: services.form_template_create(actor=request.user, **form.cleaned_data),
        success_message=lambda template: f"{template.name} has been created. Add a section next.",
        success_url=lambda template: reverse("assurance:form_detail", args=[template.pk]),
        title="Create a form",
        submit="Create form",
        breadcrumbs=CRUMBS(_forms_crumb(), ("Create", "")),
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


@login_required
@require_http_methods(GET_POST)
def form_section_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = permissions.get_form_for_user_or_404(request.user, pk, write=True)
    version = selectors.form_version_latest(template=template)
    return form_page(
        request,
        form_class=forms.FormSectionForm,
        save=lambda form: services.form_section_add(
            actor=request.user, template=template, **form.cleaned_data
        ),
        success_message="The section has been added.",
        success_url=reverse("assurance:form_detail", args=[template.pk]),
        title="Add a section",
        submit="Add section",
        intro=_frozen_note(version),
        breadcrumbs=_form_crumbs(template, "Add a section"),
    )


def _frozen_note(version: FormVersion) -> str:
    if version.is_frozen:
        number = version.number
        return (
            f"Version {number} already has responses, so it cannot change. Your change will "
            f"make version {number + 1}; earlier responses keep version {number}."
        )
    return ""


@login_required
@require_http_methods(GET_POST)
def form_question_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = permissions.get_form_for_user_or_404(request.user, pk, write=True)
    version = selectors.form_version_latest(template=template)
    sections = version.sections.all()
    if not sections.exists():
        messages.info(request, "Add a section before adding questions.")
        return redirect("assurance:form_section_add", template.pk)
    return form_page(
        request,
        form_class=forms.QuestionForm,
        form_kwargs={"sections": sections},
        save=lambda form: services.form_question_add(actor=request.user, **form.cleaned_data),
        success_message="The question has been added.",
        success_url=reverse("assurance:form_detail", args=[template.pk]),
        title="Add a question",
        submit="Add question",
        intro=_frozen_note(version),
        breadcrumbs=_form_crumbs(template, "Add a question"),
    )


@login_required
@require_http_methods(GET_POST)
def form_question_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = permissions.get_question_for_user_or_404(request.user, pk, write=True)
    version = question.section.form_version
    template = version.template
    return form_page(
        request,
        form_class=forms.QuestionChangeForm,
        initial=initial_from(
            question, forms.QuestionChangeForm, choices="\n".join(question.choices or [])
        ),
        save=lambda form: services.form_question_update(
            actor=request.user, question=question, **form.cleaned_data
        ),
        success_message="The question has been changed.",
        success_url=reverse("assurance:form_detail", args=[template.pk]),
        title="Change a question",
        submit="Save question",
        intro=_frozen_note(version),
        breadcrumbs=_form_crumbs(template, "Change a question"),
    )


@login_required
@require_POST
def form_question_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = permissions.get_question_for_user_or_404(request.user, pk, write=True)
    version = services.form_question_remove(actor=request.user, question=question)
    messages.success(request, f"The question has been removed from version {version.number}.")
    return redirect("assurance:form_detail", version.template_id)
