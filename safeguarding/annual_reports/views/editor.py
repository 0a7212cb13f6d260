"""The report editor shared by sections and partners' contributions: core.pages.form_page plus a
Preview button, which re-renders the page with the text as it will be published (this year's
figures, after disclosure control) without saving. No script: the CSP forbids inline JS."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.http import HttpResponse
from django.shortcuts import render

from safeguarding.annual_reports import catalogue, selectors, text
from safeguarding.annual_reports.models import ReportEdition
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, form_page

F = TypeVar("F", bound=forms.Form)
TEMPLATE = "annual_reports/section_form.html"


def editor_page(
    request: AuthenticatedHttpRequest,
    *,
    edition: ReportEdition,
    form_class: type[F],
    save: Callable[[F], Any],
    title: str,
    submit: str,
    breadcrumbs: list[Crumb],
    success_url: str,
    success_message: str,
    cancel_url: str,
    form_kwargs: Mapping[str, Any] | None = None,
    initial: Mapping[str, Any] | None = None,
    record: Any = None,
    intro: str = "",
) -> HttpResponse:
    values, shown = selectors.edition_figures(year=selectors.edition_year(edition))
    context: dict[str, Any] = {
        "edition": edition,
        "figures": [
            (key, item.figure.label, catalogue.format_value(shown[key], item.figure.unit))
            for key, item in values.items()
        ],
        "preview": None,
        "preview_errors": [],
        "cancel_url": cancel_url,
        "intro": intro,
    }
    if request.method == "POST" and "preview" in request.POST:
        form = form_class(request.POST, **dict(form_kwargs or {}))
        form.is_valid()
        rendered = text.render(
            request.POST.get("body", ""), lookup=selectors.figure_lookup(values, shown)
        )
        context.update(preview=rendered.html, preview_errors=rendered.errors)
        return render(
            request,
            TEMPLATE,
            {
                "form": form,
                "title": title,
                "submit": submit,
                "breadcrumbs": breadcrumbs,
                **context,
            },
        )
    # A function, not a declaration: the editor shared by the section and contribution pages,
    # whose Preview button re-renders the page without saving.
    return form_page(
        request,
        form_class=form_class,
        form_kwargs=form_kwargs,
        initial=initial,
        record=record,
        save=save,
        success_message=success_message,
        success_url=success_url,
        title=title,
        submit=submit,
        breadcrumbs=breadcrumbs,
        template=TEMPLATE,
        context=context,
    )
