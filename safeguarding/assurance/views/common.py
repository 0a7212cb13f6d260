"""Helpers shared by the assurance pages."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

GET_POST = ["GET", "POST"]


def crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Home", reverse("core:home")),
        ("Quality assurance", reverse("assurance:overview")),
        *extra,
    ]


def bound(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def form_page(
    request: HttpRequest,
    *,
    form: Form,
    title: str,
    submit: str,
    breadcrumbs: list[tuple[str, str]],
    intro: str = "",
    multipart: bool = False,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "submit": submit,
        "intro": intro,
        "multipart": multipart,
        "breadcrumbs": breadcrumbs,
        **(extra or {}),
    }
    return render(request, "assurance/form_page.html", context)
