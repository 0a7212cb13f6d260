"""Pages for building forms: audit tools, Section 11 standard sets, survey questionnaires."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.views.common import GET_POST, bound, crumbs, form_page
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require


def _forms_crumb() -> tuple[str, str]:
    return ("Forms", reverse("assurance:form_list"))


@login_required
@require_GET
def form_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    return render(
        request,
        "assurance/form_list.html",
        {
            "forms": selectors.form_list(),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(("Forms", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def form_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    form = forms.FormTemplateForm(bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            template = services.form_template_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{template.name} has been created. Add a section next.")
            return redirect("assurance:form_detail", template.pk)
    return form_page(
        request,
        form=form,
        title="Create a form",
        submit="Create form",
        breadcrumbs=crumbs(_forms_crumb(), ("Create", "")),
    )


@login_required
@require_GET
def form_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = permissions.get_form_for_user_or_404(request.user, pk)
    version = services.form_version_latest(template=template)
    return render(
        request,
        "assurance/form_detail.html",
        {
            "template": template,
            "version": version,
            "versions": template.versions.order_by("-number"),
            "sections": selectors.form_version_sections(version=version),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(_forms_crumb(), (template.name, "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def form_section_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = permissions.get_form_for_user_or_404(request.user, pk, write=True)
    version = services.form_version_latest(template=template)
    form = forms.FormSectionForm(bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.form_section_add(actor=request.user, template=template, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The section has been added.")
            return redirect("assurance:form_detail", template.pk)
    return form_page(
        request,
        form=form,
        title="Add a section",
        submit="Add section",
        intro=_frozen_note(version),
        breadcrumbs=crumbs(
            _forms_crumb(),
            (template.name, reverse("assurance:form_detail", args=[template.pk])),
            ("Add a section", ""),
        ),
    )


def _frozen_note(version: object) -> str:
    if getattr(version, "is_frozen", False):
        number = getattr(version, "number", 0)
        return (
            f"Version {number} already has responses, so it cannot change. Your change will "
            f"make version {number + 1}; earlier responses keep version {number}."
        )
    return ""


@login_required
@require_http_methods(GET_POST)
def form_question_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = permissions.get_form_for_user_or_404(request.user, pk, write=True)
    version = services.form_version_latest(template=template)
    sections = version.sections.all()
    if not sections.exists():
        messages.info(request, "Add a section before adding questions.")
        return redirect("assurance:form_section_add", template.pk)
    form = forms.QuestionForm(bound(request), sections=sections)
    if request.method == "POST" and form.is_valid():
        try:
            services.form_question_add(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The question has been added.")
            return redirect("assurance:form_detail", template.pk)
    return form_page(
        request,
        form=form,
        title="Add a question",
        submit="Add question",
        intro=_frozen_note(version),
        breadcrumbs=crumbs(
            _forms_crumb(),
            (template.name, reverse("assurance:form_detail", args=[template.pk])),
            ("Add a question", ""),
        ),
    )


@login_required
@require_http_methods(GET_POST)
def form_question_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = permissions.get_question_for_user_or_404(request.user, pk, write=True)
    version = question.section.form_version
    template = version.template
    form = forms.QuestionChangeForm(
        bound(request),
        initial={
            "text": question.text,
            "choices": "\n".join(question.choices or []),
            "required": question.required,
            "help_text": question.help_text,
            "report_label": question.report_label,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.form_question_update(
                actor=request.user, question=question, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The question has been changed.")
            return redirect("assurance:form_detail", template.pk)
    return form_page(
        request,
        form=form,
        title="Change a question",
        submit="Save question",
        intro=_frozen_note(version),
        breadcrumbs=crumbs(
            _forms_crumb(),
            (template.name, reverse("assurance:form_detail", args=[template.pk])),
            ("Change a question", ""),
        ),
    )


@login_required
@require_POST
def form_question_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = permissions.get_question_for_user_or_404(request.user, pk, write=True)
    version = services.form_question_remove(actor=request.user, question=question)
    messages.success(request, f"The question has been removed from version {version.number}.")
    return redirect("assurance:form_detail", version.template_id)
