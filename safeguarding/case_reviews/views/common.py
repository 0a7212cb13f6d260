"""Helpers shared by the case review views: breadcrumbs, the form page, service errors."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

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
