"""One shape for every page: breadcrumbs and the form page.

Every app builds its pages from these pieces instead of writing them out by hand.

* `Trail("Case reviews", "case_reviews:case_review_home")` makes an app's breadcrumbs:
  `CRUMBS(("Reviews", url), ("Add", ""))` gives Home > Case reviews > Reviews > Add.
* `form_page(request, form_class=..., save=..., ...)` is a whole GET/POST form view: it binds
  the form, validates it, calls the service, attaches the service's errors (the GOV.UK error
  summary heads the page), handles edit conflicts one way (the form takes the record's current
  version, so the next submit knows the other person's changes), shows the success message and
  redirects. The view keeps its permission-checked fetch and names the service call.
* `form_view(fetch=..., form_class=..., save=..., ...)` declares a form page about one record
  (`/<pk>/...`): it returns the whole view, signed-in and GET/POST only, that fetches the record
  through the app's permission-checked fetch (`read_fetch` on GET, for a page readers see too)
  and shows `form_page`; hooks run on GET (`opened`: log a view) and on a service error
  (`on_error`: add context). An app binds what its pages about one kind of record share once,
  with `functools.partial`, so each page is a declaration of what is really its own (the form,
  the service, the words).
* `create_view(check=..., form_class=..., save=..., ...)` declares a form page about no
  existing record (`/add/`): the view runs the app's permission check, then `form_page`.
* `calls(service, "record")` is the usual `save` of a declared page (the service called with
  the record and the form's cleaned values, and its version for an edit); `calls_on(service,
  actor=..., record=...)` is the same for a view function that calls `form_page` itself.
* `initial_from(record, form_class)` is the initial data for an edit form: each form field the
  record has, plus its version.
* `Closed(message, url)` is what a page says instead of its form when the record is in a state
  that has no form (`form_view(closed=...)`): the message, then a redirect to `url`.

Views that need a different page say why in their module docstring ("Form page: not used, ...").
A view that must stay a function calls `form_page` with the reason in a comment on the line above
the call (`# A function, not a declaration: <reason>.`); core/tests/test_view_contracts.py checks
the comment and caps how many such calls remain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

F = TypeVar("F", bound=forms.Form)
T = TypeVar("T")
R = TypeVar("R")

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
    on_error: Callable[[F, ValidationError], Mapping[str, Any] | None] | None = None,
) -> HttpResponse:
    """The whole form view: GET shows the form, POST validates it and calls `save(form)`.

    `save` calls one service with the form's cleaned values and returns what it made or
    changed; a ValidationError it raises is shown on the form (by field where the form has
    that field). Pass the `record` being edited so an edit conflict refreshes the version.
    `on_error(form, error)` returns context to add from a service error (for example, the
    possible duplicates it found), or None.
    """
    form = form_class(
        bound_data(request),
        files=bound_files(request),
        initial=dict(initial or {}),
        **dict(form_kwargs or {}),
    )
    extra: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form)
        except ValidationError as exc:
            add_service_errors(form, exc, record=record)
            if on_error is not None:
                extra.update(on_error(form, exc) or {})
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
            **extra,
        },
    )


def cleaned(form: forms.Form, *, drop: Iterable[str] = ("version",)) -> dict[str, Any]:
    """The form's cleaned values without the fields a service takes separately (the version)."""
    skip = set(drop)
    return {k: v for k, v in form.cleaned_data.items() if k not in skip}


class Words(NamedTuple):
    """What a form page says, when it is fixed: its heading, its button and the message once
    saved (`Words("Add a milestone", "Add milestone", "The milestone has been added.")`)."""

    title: str
    submit: str
    done: str = ""


def calls(
    service: Callable[..., T], record: str, *, versioned: bool = False
) -> Callable[[User, Any, forms.Form], T]:
    """The usual `save` of a page about a record: `service(actor=user, <record>=the record,
    **cleaned(form))`; `versioned=True` passes the form's version as `expected_version` (an
    edit). The service's keyword arguments are the form's fields, so a form and its service
    are checked together by the page's tests, not by mypy."""

    def save(user: User, obj: Any, form: forms.Form) -> T:
        return calls_on(service, actor=user, versioned=versioned, **{record: obj})(form)

    return save


def calls_on(
    service: Callable[..., T], *, actor: User, versioned: bool = False, **record: Any
) -> Callable[[forms.Form], T]:
    """`calls` for a view function that calls `form_page` itself, where the record and the
    signed-in user are already known: `save=calls_on(services.district_update,
    actor=request.user, district=district, versioned=True)` is `form_page`'s `save(form)`,
    `service(actor=actor, district=district, **cleaned(form))` with the form's version as
    `expected_version` when `versioned`."""

    def save(form: forms.Form) -> T:
        data = cleaned(form)
        if versioned:
            data["expected_version"] = form.cleaned_data["version"]
        return service(actor=actor, **record, **data)

    return save


class Closed(NamedTuple):
    """A page with no form for the record as it is (a return already submitted, a case
    already audited): `message` is shown (`level`, info unless said) and the page redirects to
    `url`, on GET and POST alike, with nothing saved."""

    message: str
    url: str
    level: int = messages.INFO


Text = str | Callable[[R], str]
"""Words on a page: fixed, or made from the record the page is about."""

RecordView = Callable[[AuthenticatedHttpRequest, int], HttpResponse]


def _text(value: Text[R], record: R) -> str:
    return value(record) if callable(value) else value


def form_view(
    form_class: type[F],
    save: Callable[[User, R, F], T],
    words: Words | None = None,
    *,
    fetch: Callable[[User, int], R],
    read_fetch: Callable[[User, int], R] | None = None,
    success_url: Text[R] = "",
    breadcrumbs: Callable[[R, Crumb], list[Crumb]],
    title: Text[R] = "",
    submit: Text[R] = "",
    success_message: Text[R] = "",
    caption: Text[R] = "",
    crumb: Text[R] = "",
    initial: Callable[[R], Mapping[str, Any]] | None = None,
    form_kwargs: Callable[[User, R], Mapping[str, Any]] | None = None,
    edits_record: bool = False,
    intro: Text[R] = "",
    template: str = FORM_TEMPLATE,
    context: Mapping[str, Any] | Callable[[User, R], Mapping[str, Any]] | None = None,
    result_message: Callable[[T], str] | None = None,
    result_url: Callable[[T], str] | None = None,
    closed: Callable[[User, R], Closed | None] | None = None,
    opened: Callable[[User, R], object] | None = None,
    on_error: Callable[[User, F, ValidationError], Mapping[str, Any] | None] | None = None,
) -> RecordView:
    """Declare a form page about one record; returns the view for `path("<int:pk>/...")`.

    `form_view(forms.MilestoneForm, calls(services.milestone_add, "review"), Words(...),
    fetch=..., ...)`: the form, how it saves and what the page says come first (by position
    or by name), then what the app's pages about that kind of record share.

    The view is signed-in only (`login_required`) and answers GET and POST only (405
    otherwise). It fetches the record with `fetch(user, pk)`, the app's permission-checked
    fetch (`partial(permissions.get_x_for_user_or_404, write=True)`: 404 for no access, 403 for
    read-only), then shows `form_page`:

    * `read_fetch(user, pk)`, when given, fetches the record on GET instead (the read check:
      people who may only read see the page, and its template decides whether to show the
      form); a POST always goes through `fetch`;
    * `save(user, record, form)` calls one service and returns what it made or changed;
    * `title`, `caption`, `intro`, `crumb`, `success_message` and `success_url` are fixed words
      or made from the record (`lambda review: review.title`); `words=Words(title, submit,
      done)` says the fixed heading, button and success message in one line;
    * `breadcrumbs(record, (crumb or title, ""))` is the trail, ending at this page;
    * `initial(record)` and `form_kwargs(user, record)` feed the form (choices that depend on
      the record or on who is signed in), `context` (or `context(user, record)`) the template;
      `edits_record=True` says the form edits the fetched record itself (an edit conflict
      refreshes its version);
    * `result_message(result)` and `result_url(result)` make the success message and address
      from what `save` returned (a new record's number, its page), instead of
      `success_message` and `success_url`;
    * `closed(user, record)` returns a `Closed` when the record is in a state that has no form
      (already submitted): the page shows its message and redirects, before any form;
    * `opened(user, record)` runs on GET only, once the form is to be shown (to log a view of
      a sensitive record the form shows);
    * `on_error(user, form, error)` returns context to add when the service refuses
      (`{"duplicates": error.matches}`), or None.

    A page that does more than fetch one record and call one service (several forms, a form
    chosen by who is signed in, a second value in its address) stays a view function calling
    `form_page`, with a comment `# A function, not a declaration: <reason>.` above the call
    (core/tests/test_view_contracts.py counts them).
    """
    if not success_url and result_url is None:
        raise TypeError("form_view needs a success_url or a result_url")

    @login_required
    @require_http_methods(GET_POST)
    def view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        user = request.user
        reading = request.method == "GET" and read_fetch is not None
        record = read_fetch(user, pk) if read_fetch is not None and reading else fetch(user, pk)
        if closed is not None and (shut := closed(user, record)) is not None:
            messages.add_message(request, shut.level, shut.message)
            return redirect(shut.url)
        if opened is not None and request.method == "GET":
            opened(user, record)
        if words is not None:
            page_title, button, done = words.title, words.submit, words.done
        else:
            page_title = _text(title, record)
            button, done = _text(submit, record), _text(success_message, record)
        return form_page(
            request,
            form_class=form_class,
            save=lambda form: save(user, record, form),
            success_message=result_message or done,
            success_url=result_url or _text(success_url, record),
            title=page_title,
            caption=_text(caption, record),
            submit=button,
            initial=initial(record) if initial else None,
            form_kwargs=form_kwargs(user, record) if form_kwargs else None,
            record=record if edits_record and isinstance(record, Model) else None,
            intro=_text(intro, record),
            template=template,
            context=context(user, record) if callable(context) else context,
            on_error=(lambda form, exc: on_error(user, form, exc)) if on_error else None,
            breadcrumbs=breadcrumbs(record, (_text(crumb, record) or page_title, "")),
        )

    view.form_class = form_class  # type: ignore[attr-defined]
    return view


PlainView = Callable[[AuthenticatedHttpRequest], HttpResponse]


def create_view(
    *,
    check: Callable[[User], None],
    form_class: type[F],
    save: Callable[[User, F], T],
    title: str,
    submit: str,
    success_url: Callable[[T], str],
    breadcrumbs: Callable[[], list[Crumb]],
    success_message: str | Callable[[T], str] = "",
    caption: str = "",
    intro: str = "",
    template: str = FORM_TEMPLATE,
    context: Mapping[str, Any]
    | Callable[[AuthenticatedHttpRequest], Mapping[str, Any]]
    | None = None,
    form_kwargs: Callable[[User], Mapping[str, Any]] | None = None,
    initial: Callable[[], Mapping[str, Any]] | None = None,
    on_error: Callable[[User, F, ValidationError], Mapping[str, Any] | None] | None = None,
) -> PlainView:
    """Declare a form page about no existing record (adding one); returns the view.

    Signed-in only and GET/POST only, like `form_view`. `check(user)` is the app's permission
    check (`core.permissions.require`: 403 for someone who may look but not write);
    `save(user, form)` calls one service, and `success_url` and `success_message` may be made
    from what it returns. `breadcrumbs()` is called per request (URLs are not known when the
    module is imported), and so are `initial()` (today's date), `form_kwargs(user)` (the
    choices the signed-in user may pick) and `context(request)` (a list shown under the form,
    paged by the request's `?page=`). `on_error(user, form, error)` returns context to add when
    the service refuses, as for `form_view`.
    """

    @login_required
    @require_http_methods(GET_POST)
    def view(request: AuthenticatedHttpRequest) -> HttpResponse:
        user = request.user
        check(user)
        return form_page(
            request,
            form_class=form_class,
            save=lambda form: save(user, form),
            initial=initial() if initial else None,
            form_kwargs=form_kwargs(user) if form_kwargs else None,
            success_message=success_message,
            success_url=success_url,
            title=title,
            caption=caption,
            submit=submit,
            intro=intro,
            template=template,
            context=context(request) if callable(context) else context,
            on_error=(lambda form, exc: on_error(user, form, exc)) if on_error else None,
            breadcrumbs=breadcrumbs(),
        )

    view.form_class = form_class  # type: ignore[attr-defined]
    return view
