"""Helpers shared by the case review views: breadcrumbs, the form page, service errors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from safeguarding.core.concurrency import EditConflictError
from safeguarding.core.http import AuthenticatedHttpRequest

GET_POST = ["GET", "POST"]


def crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Home", reverse("core:home")),
        ("Case reviews", reverse("case_reviews:case_review_home")),
        *extra,
    ]


def bind(request: AuthenticatedHttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def add_errors(form: Form, exc: ValidationError, *, current_version: int | None = None) -> None:
    """Attach a service's ValidationError to the form, by field where the form has it. On an
    edit conflict the form takes the current version, so the next submit is made knowing the
    other person's changes."""
    if isinstance(exc, EditConflictError):
        form.add_error(None, exc)
        if current_version is not None and form.data:
            data = form.data.copy()  # type: ignore[attr-defined]
            data["version"] = str(current_version)
            form.data = data
        return
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(None, exc)


def form_page(
    request: AuthenticatedHttpRequest,
    form: Form,
    *,
    title: str,
    submit: str,
    breadcrumbs: list[tuple[str, str]],
    caption: str = "",
    intro: str = "",
) -> HttpResponse:
    return render(
        request,
        "case_reviews/form_page.html",
        {
            "form": form,
            "title": title,
            "submit": submit,
            "caption": caption,
            "intro": intro,
            "breadcrumbs": breadcrumbs,
        },
    )
