"""Pages for learning: the list of learning the user may see, a permanent page per learning
point, and the themes taxonomy (administrators add, rename, retire and reinstate).

Form page: not used for the learning list, its export and the trends: GET search and filter
forms (nothing is saved).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_export
from safeguarding.core.buttons import button_post
from safeguarding.core.charts import Chart, Series, grouped_bar_chart
from safeguarding.core.exports import stream_response
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, Crumb, Trail, calls_on, create_view, form_page
from safeguarding.core.paging import filter_query, page_of
from safeguarding.core.permissions import require
from safeguarding.learning import forms, permissions, selectors, services

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

_PER_PAGE = 25
_THEMES_PER_PAGE = 50

CRUMBS = Trail("Learning", "learning:learning_point_list")


def _theme_crumbs(*extra: Crumb) -> list[Crumb]:
    return CRUMBS(("Themes", reverse("learning:theme_list")), *extra)


# --- learning points -----------------------------------------------------------------


@login_required
@require_GET
def learning_point_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_learning(request.user))
    form = forms.LearningSearchForm(
        request.GET or None, themes=selectors.theme_list_with_usage(user=request.user)
    )
    filters = form.filters()
    points = selectors.learning_point_list_for_user(user=request.user, **filters)
    page = page_of(request, points, per_page=_PER_PAGE)
    query = filter_query(request, keep=tuple(form.fields))
    return render(
        request,
        "learning/learning_point_list.html",
        {
            "form": form,
            "page_obj": page,
            "query": query,
            "filtered": any(filters.values()),
            "sees_unpublished": permissions.can_view_unpublished_learning(request.user),
            "breadcrumbs": [("Home", reverse("core:home")), (CRUMBS.label, "")],
        },
    )


@login_required
@require_GET
def learning_point_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    point = permissions.get_learning_point_for_user_or_404(request.user, pk)
    return render(
        request,
        "learning/learning_point_detail.html",
        {
            "point": point,
            "sees_unpublished": permissions.can_view_unpublished_learning(request.user),
            "can_edit": permissions.can_edit_learning_point(request.user, point),
            "breadcrumbs": CRUMBS((point.title, "")),
        },
    )


@login_required
@require_POST
def learning_point_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Publish the learning to practitioners (partnership staff)."""
    point = permissions.get_learning_point_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.learning_point_publish(actor=request.user, point=point),
        done="The learning is published: practitioners can now see it.",
        to=reverse("learning:learning_point_detail", args=[point.pk]),
    )


@login_required
@require_POST
def learning_point_unpublish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Withdraw the learning from practitioners (partnership staff)."""
    point = permissions.get_learning_point_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.learning_point_unpublish(actor=request.user, point=point),
        done="The learning is withdrawn: practitioners no longer see it.",
        to=reverse("learning:learning_point_detail", args=[point.pk]),
    )


@login_required
@require_GET
def learning_source_detail(
    request: AuthenticatedHttpRequest, source_type_id: int, source_id: int
) -> HttpResponse:
    """The permanent page of one review (or other source): all its learning the user may see."""
    require(permissions.can_view_learning(request.user))
    points = list(
        selectors.learning_point_list_for_source_ref(
            user=request.user, source_type_id=source_type_id, source_id=source_id
        )
    )
    if not points:
        raise Http404
    first = points[0]
    title = first.source_title or f"Learning from a {first.get_source_kind_display().lower()}"
    return render(
        request,
        "learning/learning_source_detail.html",
        {
            "points": points,
            "title": title,
            "kind": first.get_source_kind_display(),
            "sees_unpublished": permissions.can_view_unpublished_learning(request.user),
            "breadcrumbs": CRUMBS((title, "")),
        },
    )


_FORMATS = {"csv", "xlsx"}


def _export(
    request: AuthenticatedHttpRequest,
    *,
    what: str,
    filename: str,
    header: list[str] | tuple[str, ...],
    rows: Iterable[list[object]],
    row_count: int,
) -> StreamingHttpResponse:
    """Stream the export (rows from a generator); the event records how many rows it has."""
    file_format = request.GET.get("format", "csv")
    if file_format not in _FORMATS:
        raise Http404
    event_record_export(actor=request.user, what=what, rows=row_count, file_format=file_format)
    return stream_response(file_format, filename, header, rows, sheet=what)


@login_required
@require_GET
def learning_export(request: AuthenticatedHttpRequest) -> StreamingHttpResponse:
    """The learning the user may see, with the list page's search and filters, as CSV or XLSX."""
    require(permissions.can_view_learning(request.user))
    form = forms.LearningSearchForm(request.GET or None)
    points = selectors.learning_point_list_for_user(user=request.user, **form.filters())
    return _export(
        request,
        what="Learning",
        filename="learning",
        header=selectors.LEARNING_EXPORT_HEADER,
        rows=selectors.learning_export_rows(points=points),
        row_count=points.count(),
    )


def _trend(request: AuthenticatedHttpRequest) -> tuple[forms.TrendForm, selectors.ThemeTrend]:
    form = forms.TrendForm(request.GET or None)
    years = form.years(earliest=selectors.earliest_learning_year(user=request.user))
    return form, selectors.theme_trend(years=years, user=request.user)


def _trend_chart(trend: selectors.ThemeTrend) -> Chart:
    """The themes used in these years (most used first), one bar per year, with their table."""
    years = [year.label for year in trend.years]
    span = f" from {years[0]} to {years[-1]}" if years else ""
    list_url = reverse("learning:learning_point_list")
    return grouped_bar_chart(
        key="trend",
        title="Themes of learning by reporting year",
        description=f"How many learning points carry each theme in each reporting year{span}. "
        "The table below gives the same figures.",
        groups=years,
        series=[
            Series(
                row.theme.name,
                row.counts,
                href=f"{list_url}?{urlencode({'theme': row.theme.slug})}",
            )
            for row in trend.rows
            if row.total
        ],
        label_column="Theme",
        caption="Learning points by theme and reporting year",
        total_column="Total",
        empty="No learning was recorded in these years.",
    )


@login_required
@require_GET
def learning_trends(request: AuthenticatedHttpRequest) -> HttpResponse:
    """How often each theme appears per reporting year: an SVG chart and the same figures in a
    table, counting only the learning the user may see."""
    require(permissions.can_view_learning(request.user))
    form, trend = _trend(request)
    query = filter_query(request, keep=tuple(form.fields))
    return render(
        request,
        "learning/learning_trends.html",
        {
            "form": form,
            "trend": trend,
            "chart": _trend_chart(trend),
            "year_totals": trend.year_totals(),
            "query": query,
            "sees_unpublished": permissions.can_view_unpublished_learning(request.user),
            "breadcrumbs": CRUMBS(("Trends", "")),
        },
    )


@login_required
@require_GET
def learning_trends_export(request: AuthenticatedHttpRequest) -> StreamingHttpResponse:
    require(permissions.can_view_learning(request.user))
    _form, trend = _trend(request)
    rows = selectors.trend_export_rows(trend=trend)
    return _export(
        request,
        what="Learning themes by year",
        filename="learning-themes-by-year",
        header=selectors.trend_export_header(trend=trend),
        rows=rows,
        row_count=len(rows),
    )


# --- themes --------------------------------------------------------------------------


@login_required
@require_GET
def theme_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_themes(request.user))
    return render(
        request,
        "learning/theme_list.html",
        {
            "page_obj": page_of(
                request,
                selectors.theme_list_with_usage(user=request.user),
                per_page=_THEMES_PER_PAGE,
            ),
            "can_manage": permissions.can_manage_themes(request.user),
            "breadcrumbs": CRUMBS(("Themes", "")),
        },
    )


@login_required
@require_GET
def theme_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = permissions.get_theme_for_user_or_404(request.user, pk)
    return render(
        request,
        "learning/theme_detail.html",
        {
            "theme": theme,
            "history": selectors.theme_name_history(theme=theme),
            "can_manage": permissions.can_manage_theme(request.user, theme),
            "breadcrumbs": _theme_crumbs((theme.name, "")),
        },
    )


def _may_manage_themes(user: User) -> None:
    require(permissions.can_view_themes(user))
    require(permissions.can_manage_themes(user), write_attempt=True)


theme_create = create_view(
    check=_may_manage_themes,
    form_class=forms.ThemeForm,
    save=lambda user, form: services.theme_create(actor=user, **form.cleaned_data),
    success_message=lambda theme: f"The theme “{theme.name}” has been added.",
    success_url=lambda theme: reverse("learning:theme_list"),
    title="Add a theme",
    submit="Add theme",
    breadcrumbs=lambda: _theme_crumbs(("Add", "")),
)


@login_required
@require_http_methods(GET_POST)
def theme_rename(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = permissions.get_theme_for_user_or_404(request.user, pk, write=True)
    old_name = theme.name
    # A function, not a declaration: its message names the theme by its old name and its new
    # one, and a declaration knows only the record before saving or the result after.
    return form_page(
        request,
        form_class=forms.ThemeRenameForm,
        initial={"new_name": theme.name, "version": theme.version},
        record=theme,
        save=calls_on(services.theme_rename, actor=request.user, theme=theme, versioned=True),
        success_message=lambda theme: f"“{old_name}” is now called “{theme.name}”.",
        success_url=reverse("learning:theme_detail", args=[theme.pk]),
        title=f"Rename “{old_name}”",
        submit="Rename theme",
        intro=(
            "Learning already recorded with this theme keeps it under the new name. The old "
            "name is kept in the theme's history."
        ),
        breadcrumbs=_theme_crumbs(
            (old_name, reverse("learning:theme_detail", args=[theme.pk])), ("Rename", "")
        ),
    )


@login_required
@require_POST
def theme_retire(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = permissions.get_theme_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.theme_retire(actor=request.user, theme=theme),
        done=f"“{theme.name}” has been retired. Learning recorded with it keeps it, but it "
        "cannot be chosen for new learning.",
        to=reverse("learning:theme_detail", args=[theme.pk]),
    )


@login_required
@require_POST
def theme_reinstate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = permissions.get_theme_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.theme_reinstate(actor=request.user, theme=theme),
        done=f"“{theme.name}” can be chosen for new learning again.",
        to=reverse("learning:theme_detail", args=[theme.pk]),
    )
