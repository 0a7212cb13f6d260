"""Counts views of the public website's pages (website.stats): every page anyone may open
without signing in (views marked @public: the website, the training catalogue, virtual
briefings, certificate checks...), after the response is made, for GET requests that gave an
HTML page, from browsers that are not robots. Pages served from the cache are counted too: this
middleware sits outside the page cache. Downloads and the health check are not page views."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import ResolverMatch
from django.utils import timezone

from safeguarding.core.http import client_ip
from safeguarding.website import stats

NOT_PAGES = frozenset({"core:healthz"})
# A page whose address carries a secret or a made-up value (a certificate code, a subscription
# token, a survey's public id) is counted under its pattern, never its address: the statistics
# must not keep the value, and made-up values must not add rows.
SECRET_PARAMETERS = frozenset({"code", "token", "public_id", "key"})


def _counted_path(path: str, match: ResolverMatch) -> str:
    if SECRET_PARAMETERS & set(match.kwargs):
        return "/" + str(match.route)
    return path


class PageViewMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            request.method == "GET"
            and response.status_code == 200
            and match is not None
            and getattr(match.func, "is_public_view", False)
            and match.view_name not in NOT_PAGES
            and response.get("Content-Type", "").startswith("text/html")
        ):
            agent = request.META.get("HTTP_USER_AGENT", "")
            if not stats.is_bot(agent):
                stats.page_view_record(
                    path=_counted_path(request.path, match),
                    ip=client_ip(request) or "",
                    user_agent=agent,
                    referer=request.META.get("HTTP_REFERER", ""),
                    own_host=request.get_host(),
                    now=timezone.now(),
                )
        return response
