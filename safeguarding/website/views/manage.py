"""The business unit's pages for the website: pages, resources and versions, front doors, what
is due for review, and the site's statistics."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core import charts
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    GET_POST,
    Crumb,
    Trail,
    calls,
    create_view,
    form_page,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.website import forms, permissions, selectors, services, tools

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


page_update = form_view(
    fetch=partial(permissions.get_page_for_user_or_404, write=True),
    form_class=forms.PageEditForm,
    initial=lambda page: initial_from(page, forms.PageEditForm, topic=page.topic_id),
    edits_record=True,
    save=calls(services.page_update, "page", versioned=True),
    success_message=lambda page: f"“{page.title}” has been updated.",
    success_url=_to_manage,
    title=lambda page: f"Change “{page.title}”",
    submit="Save changes",
    breadcrumbs=lambda page, crumb: _record_crumbs(page.title),
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


resource_update = form_view(
    fetch=partial(permissions.get_resource_for_user_or_404, write=True),
    form_class=forms.ResourceEditForm,
    initial=lambda resource: initial_from(resource, forms.ResourceEditForm),
    edits_record=True,
    save=calls(services.resource_update, "resource", versioned=True),
    success_message=lambda resource: f"“{resource.title}” has been updated.",
    success_url=_to_manage,
    title=lambda resource: f"Change “{resource.title}”",
    submit="Save changes",
    breadcrumbs=lambda resource, crumb: _record_crumbs(resource.title),
)


@login_required
@require_http_methods(GET_POST)
def resource_version_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    resource = permissions.get_resource_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.ResourceVersionForm,
        save=lambda form: services.resource_version_add(
            actor=request.user, resource=resource, **form.cleaned_data
        ),
        success_message=lambda version: (
            f"Version {version.number} of “{resource.title}” has been published."
        ),
        success_url=reverse("website:manage"),
        title=f"Add a version of “{resource.title}”",
        intro="The version it replaces stays listed as superseded. People who follow the "
        "topic are sent a short notice when the resource is published.",
        submit="Add version",
        breadcrumbs=CRUMBS((resource.title, ""), ("New version", "")),
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


front_door_update = form_view(
    fetch=partial(permissions.get_front_door_for_user_or_404, write=True),
    form_class=forms.FrontDoorEditForm,
    initial=lambda door: initial_from(door, forms.FrontDoorEditForm),
    edits_record=True,
    save=calls(services.front_door_update, "front_door", versioned=True),
    success_message=lambda door: f"“{door.name}” has been updated.",
    success_url=_to_manage,
    title=lambda door: f"Change “{door.name}”",
    submit="Save changes",
    breadcrumbs=lambda door, crumb: _record_crumbs(door.name),
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


tool_update = form_view(
    fetch=partial(permissions.get_tool_for_user_or_404, write=True),
    form_class=forms.ToolEditForm,
    initial=lambda tool: initial_from(tool, forms.ToolEditForm),
    edits_record=True,
    save=calls(services.tool_update, "tool", versioned=True),
    success_message=lambda tool: f"“{tool.title}” has been updated.",
    success_url=_to_manage,
    title=lambda tool: f"Change “{tool.title}”",
    submit="Save changes",
    breadcrumbs=lambda tool, crumb: _record_crumbs(tool.title),
)


@login_required
@require_http_methods(GET_POST)
def tool_outcome_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    tool = permissions.get_tool_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.ToolOutcomeForm,
        save=lambda form: services.tool_outcome_add(
            actor=request.user, tool=tool, **form.cleaned_data
        ),
        success_message=lambda outcome: f"The outcome “{outcome.title}” has been added.",
        success_url=reverse("website:tool_rule_add", args=[tool.pk]),
        title=f"Add an outcome to “{tool.title}”",
        submit="Add outcome",
        breadcrumbs=CRUMBS((tool.title, reverse("website:tool_update", args=[tool.pk]))),
    )


tool_rule_add = form_view(
    fetch=partial(permissions.get_tool_for_user_or_404, write=True),
    form_class=forms.ToolRuleForm,
    form_kwargs=lambda tool: {"tool": tool, "questions": tools.tool_questions(tool=tool)},
    save=lambda user, tool, form: services.tool_rule_add(actor=user, tool=tool, **form.rule()),
    success_message="The answer now leads to that outcome.",
    success_url=lambda tool: reverse("website:tool_rule_add", args=[tool.pk]),
    title=lambda tool: f"Which answers lead to which outcome: “{tool.title}”",
    intro="Each answer chosen here leads to an outcome; the tool shows the most serious "
    "outcome that any answer leads to, or the least serious when none does.",
    submit="Add",
    breadcrumbs=lambda tool, crumb: CRUMBS(
        (tool.title, reverse("website:tool_update", args=[tool.pk]))
    ),
)
