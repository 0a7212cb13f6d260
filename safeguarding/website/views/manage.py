"""The business unit's pages for the website: pages, resources and versions, front doors, what
is due for review, and the site's statistics."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core import charts
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Crumb,
    RecordView,
    Trail,
    calls,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.website import forms, permissions, selectors, services, tools
from safeguarding.website.models import Tool

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Website", "website:manage")


@login_required
@require_GET
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_website_management(request.user))
    pages, versions, doors = selectors.reviews_due(on=timezone.localdate())
    return render(
        request,
        "website/manage.html",
        {
            "pages": selectors.page_list_for_management(),
            "resources": selectors.resource_list_for_management(),
            "doors": selectors.front_door_list_for_management(),
            "tools": selectors.tool_list_for_management(),
            "due_pages": pages,
            "due_versions": versions,
            "due_doors": doors,
            "can_manage": permissions.can_manage_website(request.user),
            "breadcrumbs": [("Home", reverse("core:home")), ("Website", "")],
        },
    )


def _may_manage(user: User) -> None:
    require(permissions.can_view_website_management(user))
    require(permissions.can_manage_website(user), write_attempt=True)


def _to_manage(record: object) -> str:
    return reverse("website:manage")


def _record_crumbs(title: str) -> list[Crumb]:
    return CRUMBS((title, ""))


page_create = create_view(
    check=_may_manage,
    form_class=forms.PageForm,
    save=lambda user, form: services.page_create(actor=user, **form.cleaned_data),
    success_message=lambda page: f"“{page.title}” has been added.",
    success_url=_to_manage,
    title="Add a page",
    submit="Add page",
    breadcrumbs=lambda: CRUMBS(("Add a page", "")),
)


def _change_page(
    form_class: type[Form],
    fetch: Callable[..., Any],
    service: Callable[..., object],
    record: str,
    *,
    label: Callable[[Any], str] = attrgetter("title"),
    initial: Callable[[Any], Mapping[str, Any]] | None = None,
) -> RecordView:
    """A page changing one page, resource, tool or front door (`record`, named by `label`): the
    form starts from the record, the service is told its version (an edit conflict refreshes
    it), and the page returns to the website's management page."""
    return form_view(
        form_class,
        calls(service, record, versioned=True),
        fetch=partial(fetch, write=True),
        initial=initial or (lambda obj: initial_from(obj, form_class)),
        edits_record=True,
        success_message=lambda obj: f"“{label(obj)}” has been updated.",
        success_url=_to_manage,
        title=lambda obj: f"Change “{label(obj)}”",
        submit="Save changes",
        breadcrumbs=lambda obj, crumb: _record_crumbs(label(obj)),
    )


page_update = _change_page(
    forms.PageEditForm,
    permissions.get_page_for_user_or_404,
    services.page_update,
    "page",
    initial=lambda page: initial_from(page, forms.PageEditForm, topic=page.topic_id),
)


resource_create = create_view(
    check=_may_manage,
    form_class=forms.ResourceForm,
    save=lambda user, form: services.resource_create(actor=user, **form.cleaned_data),
    success_message=lambda resource: (
        f"“{resource.title}” has been added. Now add its first version."
    ),
    success_url=lambda resource: reverse("website:resource_version_add", args=[resource.pk]),
    title="Add a resource",
    submit="Add resource",
    breadcrumbs=lambda: CRUMBS(("Add a resource", "")),
)


resource_update = _change_page(
    forms.ResourceEditForm,
    permissions.get_resource_for_user_or_404,
    services.resource_update,
    "resource",
)


resource_version_add = form_view(
    forms.ResourceVersionForm,
    calls(services.resource_version_add, "resource"),
    fetch=partial(permissions.get_resource_for_user_or_404, write=True),
    result_message=lambda version: (
        f"Version {version.number} of “{version.resource.title}” has been published."
    ),
    success_url=_to_manage,
    title=lambda resource: f"Add a version of “{resource.title}”",
    intro="The version it replaces stays listed as superseded. People who follow the "
    "topic are sent a short notice when the resource is published.",
    submit="Add version",
    breadcrumbs=lambda resource, crumb: CRUMBS((resource.title, ""), ("New version", "")),
)


front_door_create = create_view(
    check=_may_manage,
    form_class=forms.FrontDoorForm,
    save=lambda user, form: services.front_door_create(actor=user, **form.cleaned_data),
    success_message=lambda door: f"“{door.name}” has been added.",
    success_url=_to_manage,
    title="Add where to report a concern",
    submit="Add",
    breadcrumbs=lambda: CRUMBS(("Report a concern", "")),
)


front_door_update = _change_page(
    forms.FrontDoorEditForm,
    permissions.get_front_door_for_user_or_404,
    services.front_door_update,
    "front_door",
    label=attrgetter("name"),
)


@login_required
@require_GET
def statistics(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_website_management(request.user))
    years = selectors.statistics_years()
    asked = request.GET.get("year", "")
    try:
        year = ReportingYear.parse(asked) if asked else (years[0] if years else None)
    except ValueError as exc:
        raise Http404 from exc
    context: dict[str, object] = {
        "years": years,
        "year": year,
        "breadcrumbs": CRUMBS(("Statistics", "")),
    }
    if year is not None:
        months = selectors.site_figures_by_month(year=year)
        context.update(
            figures=selectors.site_figures_for_year(year=year),
            top_pages=selectors.top_pages(year=year),
            chart=charts.bar_chart(
                key="website-views-by-month",
                title=f"Page views by month, {year.label}",
                figures=[charts.Figure(label, views) for label, views, _ in months],
                columns=("Month", "Page views"),
                caption_style="m",
            ),
            months=months,
        )
    return render(request, "website/statistics.html", context)


tool_create = create_view(
    check=_may_manage,
    form_class=forms.ToolForm,
    save=lambda user, form: services.tool_create(actor=user, **form.cleaned_data),
    success_message=lambda tool: f"“{tool.title}” has been added. Now add its outcomes.",
    success_url=lambda tool: reverse("website:tool_outcome_add", args=[tool.pk]),
    title="Add an interactive tool",
    intro="A tool asks the questions of a survey questionnaire and shows guidance from the "
    "answers. Nothing anyone answers is kept.",
    submit="Add tool",
    breadcrumbs=lambda: CRUMBS(("Add a tool", "")),
)


tool_update = _change_page(
    forms.ToolEditForm, permissions.get_tool_for_user_or_404, services.tool_update, "tool"
)


def _tool_crumbs(tool: Tool, crumb: Crumb) -> list[Crumb]:
    return CRUMBS((tool.title, reverse("website:tool_update", args=[tool.pk])))


def _rules_url(tool: Tool) -> str:
    return reverse("website:tool_rule_add", args=[tool.pk])


# What the pages building a tool's outcomes and rules share: the tool fetched for writing, its
# trail, and a return to its rules (the next thing to add).
tool_page = partial(
    form_view,
    fetch=partial(permissions.get_tool_for_user_or_404, write=True),
    success_url=_rules_url,
    breadcrumbs=_tool_crumbs,
)

tool_outcome_add = tool_page(
    forms.ToolOutcomeForm,
    calls(services.tool_outcome_add, "tool"),
    result_message=lambda outcome: f"The outcome “{outcome.title}” has been added.",
    title=lambda tool: f"Add an outcome to “{tool.title}”",
    submit="Add outcome",
)


tool_rule_add = tool_page(
    forms.ToolRuleForm,
    lambda user, tool, form: services.tool_rule_add(actor=user, tool=tool, **form.rule()),
    form_kwargs=lambda user, tool: {"tool": tool, "questions": tools.tool_questions(tool=tool)},
    success_message="The answer now leads to that outcome.",
    title=lambda tool: f"Which answers lead to which outcome: “{tool.title}”",
    intro="Each answer chosen here leads to an outcome; the tool shows the most serious "
    "outcome that any answer leads to, or the least serious when none does.",
    submit="Add",
)
