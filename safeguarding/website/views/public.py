"""The public website: anyone may open these pages without signing in.

Form page: not used: the public forms are GET questions (where the child lives, search), the
subscription, whose answer page must say the same thing whatever was typed, and the tools,
whose answer is shown on the same page and never saved.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.assurance import forms as assurance_forms
from safeguarding.assurance import selectors as assurance_selectors
from safeguarding.case_reviews.rules import report_kind
from safeguarding.core import ratelimit, uploads
from safeguarding.core.http import public
from safeguarding.core.markdown import markdown_to_html
from safeguarding.core.pages import GET_POST, Trail, bound_data
from safeguarding.core.paging import paginate
from safeguarding.website import forms, permissions, selectors, services, tools
from safeguarding.website.cache import cached_for_visitors
from safeguarding.website.models import Audience

CRUMBS = Trail("Public website", "website:home")
PAGE_SIZE = 20


@public
@require_GET
@cached_for_visitors
def home(request: HttpRequest) -> HttpResponse:
    page = selectors.home_page()
    return render(
        request,
        "website/home.html",
        {
            "page": page,
            "body": markdown_to_html(page.body) if page else "",
            "topics": selectors.topic_list_in_use(),
            "pages": selectors.page_list_published().exclude(kind="topic")[:12],
            "tools": selectors.tool_list_published(),
            "surveys": assurance_selectors.survey_list_open_to_anyone(),
        },
    )


@public
@require_GET
@cached_for_visitors
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = permissions.get_published_page_or_404(slug)
    resources = selectors.resource_list_published(topic=page.topic) if page.topic_id else None
    return render(
        request,
        "website/page_detail.html",
        {
            "page": page,
            "body": markdown_to_html(page.body),
            "resources": resources,
            "breadcrumbs": CRUMBS((page.title, "")),
        },
    )


@public
@require_GET
@cached_for_visitors
def resource_list(request: HttpRequest) -> HttpResponse:
    topics = list(selectors.topic_list_in_use())
    topic = next((t for t in topics if t.slug == request.GET.get("topic")), None)
    audience = request.GET.get("audience", "")
    if audience not in Audience.values:
        audience = ""
    resources = selectors.resource_list_published(topic=topic, audience=audience)
    return render(
        request,
        "website/resource_list.html",
        {
            **paginate(request, resources, per_page=PAGE_SIZE, keep=("topic", "audience")),
            "topics": topics,
            "topic": topic,
            "audiences": Audience.choices,
            "audience": audience,
            "breadcrumbs": CRUMBS(("Resources", "")),
        },
    )


@public
@require_GET
@cached_for_visitors
def resource_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = permissions.get_published_resource_or_404(slug)
    return render(
        request,
        "website/resource_detail.html",
        {
            "resource": resource,
            "versions": selectors.resource_versions(resource=resource),
            "breadcrumbs": CRUMBS(
                ("Resources", reverse("website:resource_list")), (resource.title, "")
            ),
        },
    )


@public
@require_GET
def resource_download(request: HttpRequest, slug: str, number: int) -> HttpResponseBase:
    version = permissions.get_published_version_or_404(slug, number)
    kind = uploads.kind_for_name(version.file.name) or uploads.PDF
    name = f"{version.resource.slug}-version-{version.number}{kind.extensions[0]}"
    return uploads.attachment_response(version.file, download_name=name, kind=kind)


@public
@require_GET
@cached_for_visitors
def concern_start(request: HttpRequest) -> HttpResponse:
    """Report a concern, step 1: where does the child live? (A GET form: nothing is kept.)"""
    form = forms.ConcernAreaForm(request.GET if "asked" in request.GET else None)
    if form.is_valid():
        area = form.cleaned_data["area"]
        if selectors.front_door_districts(area=area).exists():
            return redirect("website:concern_district", area.pk)
        return redirect("website:concern_result", area.pk)
    return render(
        request,
        "website/concern_start.html",
        {"form": form, "breadcrumbs": CRUMBS(("Report a concern", ""))},
    )


@public
@require_GET
@cached_for_visitors
def concern_district(request: HttpRequest, area_pk: int) -> HttpResponse:
    area = permissions.get_area_for_concern_or_404(area_pk)
    form = forms.ConcernDistrictForm(request.GET if "asked" in request.GET else None, area=area)
    if form.is_valid():
        return redirect(
            "website:concern_result_district", area.pk, form.cleaned_data["district"].pk
        )
    return render(
        request,
        "website/concern_district.html",
        {
            "form": form,
            "area": area,
            "breadcrumbs": CRUMBS(
                ("Report a concern", reverse("website:concern_start")), (area.name, "")
            ),
        },
    )


@public
@require_GET
@cached_for_visitors
def concern_result(
    request: HttpRequest, area_pk: int, district_pk: int | None = None
) -> HttpResponse:
    area = permissions.get_area_for_concern_or_404(area_pk)
    district = (
        permissions.get_district_for_concern_or_404(area, district_pk)
        if district_pk is not None
        else None
    )
    return render(
        request,
        "website/concern_result.html",
        {
            "area": area,
            "district": district,
            "door": selectors.front_door_for(area=area, district=district),
            "breadcrumbs": CRUMBS(
                ("Report a concern", reverse("website:concern_start")),
                ((district or area).name, ""),
            ),
        },
    )


@public
@require_GET
@cached_for_visitors
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    if query and ratelimit.rate_limited(
        request,
        scope="site_search",
        limit=settings.RATE_LIMIT_SEARCH,
        window=settings.RATE_LIMIT_WINDOW_SECONDS,
    ):
        return ratelimit.too_many_requests(request, window=settings.RATE_LIMIT_WINDOW_SECONDS)
    results = selectors.search(query=query) if query else []
    return render(
        request,
        "website/search.html",
        {"query": query, "results": results, "breadcrumbs": CRUMBS(("Search", ""))},
    )


@public
@require_GET
@cached_for_visitors
def learning_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "website/learning_list.html",
        {
            **paginate(request, selectors.learning_published(), per_page=PAGE_SIZE),
            "breadcrumbs": CRUMBS(("Learning from reviews", "")),
        },
    )


@public
@require_GET
@cached_for_visitors
def learning_detail(request: HttpRequest, pk: int) -> HttpResponse:
    point = permissions.get_published_learning_or_404(pk)
    return render(
        request,
        "website/learning_detail.html",
        {
            "point": point,
            "breadcrumbs": CRUMBS(
                ("Learning from reviews", reverse("website:learning_list")), (point.title, "")
            ),
        },
    )


@public
@require_GET
@cached_for_visitors
def practice_review_list(request: HttpRequest) -> HttpResponse:
    """The case reviews case_reviews marks as published: de-identified (the review's
    pseudonym, as its published report uses it), never a child's details."""
    return render(
        request,
        "website/practice_review_list.html",
        {
            **paginate(request, selectors.practice_review_list_published(), per_page=PAGE_SIZE),
            "breadcrumbs": CRUMBS(
                ("Learning from reviews", reverse("website:learning_list")),
                ("Published case reviews", ""),
            ),
        },
    )


@public
@require_GET
@cached_for_visitors
def practice_review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_published_practice_review_or_404(pk)
    return render(
        request,
        "website/practice_review_detail.html",
        {
            "review": review,
            "learning": selectors.practice_review_learning(review=review),
            "briefings": selectors.practice_review_briefings(review=review),
            "report_is_public": permissions.practice_review_report_is_public(review),
            "breadcrumbs": CRUMBS(
                ("Learning from reviews", reverse("website:learning_list")),
                ("Published case reviews", reverse("website:practice_review_list")),
                (review.title, ""),
            ),
        },
    )


@public
@require_GET
def practice_review_report(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The published final report, under a name made from the review's pseudonym (never the
    uploaded file's own name, which the public should not see)."""
    review = permissions.get_public_practice_review_report_or_404(pk)
    kind = report_kind(review.final_report.name)
    name = f"{slugify(review.title) or 'practice-review'}-final-report{kind.extensions[0]}"
    return uploads.attachment_response(review.final_report, download_name=name, kind=kind)


@public
@require_GET
@cached_for_visitors
def annual_report_list(request: HttpRequest) -> HttpResponse:
    """The yearly reports annual_reports has published, linking to their public pages."""
    return render(
        request,
        "website/annual_report_list.html",
        {
            "published": selectors.annual_report_list_published(),
            "breadcrumbs": CRUMBS(("Yearly reports", "")),
        },
    )


@public
@never_cache
@require_http_methods(GET_POST)
def subscribe(request: HttpRequest) -> HttpResponse:
    window = settings.RATE_LIMIT_WINDOW_SECONDS
    if request.method == "POST" and ratelimit.rate_limited(
        request, scope="subscribe", limit=settings.RATE_LIMIT_SUBSCRIBE, window=window
    ):
        return ratelimit.too_many_requests(request, window=window)
    form = forms.SubscribeForm(bound_data(request))
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"]:  # the honeypot: robots fill it in, people cannot
            services.subscription_request(
                email=form.cleaned_data["email"], topics=list(form.cleaned_data["topics"])
            )
        return redirect("website:subscribe_sent")
    return render(
        request,
        "website/subscribe.html",
        {"form": form, "breadcrumbs": CRUMBS(("Get updates by email", ""))},
    )


@public
@require_GET
def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "website/subscribe_sent.html",
        {"breadcrumbs": CRUMBS(("Get updates by email", ""))},
    )


@public
@never_cache
@require_http_methods(GET_POST)
def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation e-mail shows a button: a mail scanner that follows links
    must not confirm on someone's behalf."""
    done = request.method == "POST" and services.subscription_confirm(token=token)
    return render(
        request,
        "website/subscription_confirm.html",
        {"token": token, "done": done, "posted": request.method == "POST"},
    )


@public
@never_cache
@require_http_methods(GET_POST)
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    done = request.method == "POST" and services.subscription_cancel(token=token)
    return render(
        request,
        "website/unsubscribe.html",
        {"token": token, "done": done, "posted": request.method == "POST"},
    )


@public
@never_cache
@require_http_methods(GET_POST)
def tool_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An interactive tool: answer the questions, see the guidance. The answers are used for
    this page only: nothing is stored, logged or cached."""
    tool = permissions.get_published_tool_or_404(slug)
    questions = tools.tool_questions(tool=tool)
    form = assurance_forms.ResponseForm(bound_data(request), questions=questions)
    outcome = None
    if request.method == "POST" and form.is_valid():
        outcome = tools.tool_outcome(tool=tool, answers=form.answers())
    return render(
        request,
        "website/tool_detail.html",
        {
            "tool": tool,
            "intro": markdown_to_html(tool.intro),
            "form": form,
            "outcome": outcome,
            "guidance": markdown_to_html(outcome.guidance) if outcome else "",
            "breadcrumbs": CRUMBS(("Tools", ""), (tool.title, "")),
        },
    )
