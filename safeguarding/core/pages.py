"""One shape for every page: breadcrumbs and the form page.

Every app builds its pages from these pieces instead of writing them out by hand.

* `Trail("Case reviews", "case_reviews:case_review_home")` makes an app's breadcrumbs:
  `CRUMBS(("Reviews", url), ("Add", ""))` gives Home > Case reviews > Reviews > Add.
* `form_page(request, form_class=..., save=..., ...)` is a whole GET/POST form view: it binds
  the form, validates it, calls the service, attaches the service's errors (the GOV.UK error
  summary heads the page), handles edit conflicts one way (the form takes the record's current
  version, so the next submit knows the other person's changes), shows the success message and
  redirects. The view keeps its permission-checked fetch and names the service call.
* `initial_from(record, form_class)` is the initial data for an edit form: each form field the
  record has, plus its version.

Views that need a different page say why in their module docstring ("form page: not used, ...").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from safeguarding.core.forms import add_service_errors

F = TypeVar("F", bound=forms.Form)
T = TypeVar("T")

GET_POST = ["GET", "POST"]
FORM_TEMPLATE = "components/form_page.html"

Crumb = tuple[str, str]


class Trail:
    """An app's breadcrumb trail: Home, then the app's home page, then whatever a page adds.

    A crumb is (label, url); the current page's crumb has an empty url.
    """

    def __init__(self, label: str, url_name: str, *args: Any) -> None:
        self.label = label
        self.url_name = url_name
        self.args = args

    def __call__(self, *extra: Crumb) -> list[Crumb]:
        return [
            ("Home", reverse("core:home")),
            (self.label, reverse(self.url_name, args=self.args or None)),
            *extra,
        ]


def bound_data(request: HttpRequest) -> Any:
    """The POST data to bind a form to, or None on GET (an unbound form shows no errors)."""
    return request.POST if request.method == "POST" else None


def bound_files(request: HttpRequest) -> Any:
    return request.FILES if request.method == "POST" else None


def initial_from(record: Model, form_class: type[forms.Form], **overrides: Any) -> dict[str, Any]:
    """Initial values for an edit form: every form field the record has an attribute for
    (related records as themselves, which choice fields accept), plus `version`."""
    initial: dict[str, Any] = {}
    for name in form_class.base_fields:
        if name in overrides:
            continue
        if hasattr(record, name):
            initial[name] = getattr(record, name)
    initial.update(overrides)
    return initial


def _message(value: str | Callable[[T], str], result: T) -> str:
    return value(result) if callable(value) else value


def _url(value: str | Callable[[T], str], result: T) -> str:
    return value(result) if callable(value) else value


def form_page(
    request: HttpRequest,
    *,
    form_class: type[F],
    save: Callable[[F], T],
    success_url: str | Callable[[T], str],
    title: str,
    submit: str,
    breadcrumbs: list[Crumb],
    success_message: str | Callable[[T], str] = "",
    initial: Mapping[str, Any] | None = None,
    form_kwargs: Mapping[str, Any] | None = None,
    record: Model | None = None,
    caption: str = "",
    intro: str = "",
    template: str = FORM_TEMPLATE,
    context: Mapping[str, Any] | None = None,
    on_error: Callable[[F, ValidationError], None] | None = None,
) -> HttpResponse:
    """The whole form view: GET shows the form, POST validates it and calls `save(form)`.

    `save` calls one service with the form's cleaned values and returns what it made or
    changed; a ValidationError it raises is shown on the form (by field where the form has
    that field). Pass the `record` being edited so an edit conflict refreshes the version.
    `on_error` lets a page add context from a service error (for example, possible duplicates).
    """
    form = form_class(
        bound_data(request),
        files=bound_files(request),
        initial=dict(initial or {}),
        **dict(form_kwargs or {}),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form)
        except ValidationError as exc:
            add_service_errors(form, exc, record=record)
            if on_error is not None:
                on_error(form, exc)
        else:
            text = _message(success_message, result)
            if text:
                messages.success(request, text)
            return redirect(_url(success_url, result))
    return render(
        request,
        template,
        {
            "form": form,
            "title": title,
            "submit": submit,
            "caption": caption,
            "intro": intro,
            "breadcrumbs": breadcrumbs,
            **dict(context or {}),
        },
    )


def cleaned(form: forms.Form, *, drop: Iterable[str] = ("version",)) -> dict[str, Any]:
    """The form's cleaned values without the fields a service takes separately (the version)."""
    skip = set(drop)
    return {k: v for k, v in form.cleaned_data.items() if k not in skip}
