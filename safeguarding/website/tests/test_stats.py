"""The site's own statistics: counted exactly, classified from headers, and nothing that
identifies a visitor is stored anywhere."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from safeguarding.website import stats
from safeguarding.website.models import PageViewDay, SiteDay
from safeguarding.website.tests.factories import PageFactory

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
TABLET = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1"


@pytest.mark.parametrize(
    ("referer", "kind"),
    [
        ("", "direct"),
        ("https://www.google.co.uk/search?q=x", "search"),
        ("https://duckduckgo.com/", "search"),
        ("https://www.facebook.com/post", "social"),
        ("https://t.co/abc", "social"),
        ("https://partnership.example/site/", "direct"),
        ("https://council.example/children", "other"),
    ],
)
def test_referrer_kinds(referer: str, kind: str) -> None:
    assert stats.referrer_kind(referer, "partnership.example") == kind


@pytest.mark.parametrize(
    ("agent", "device"), [(PHONE, "mobile"), (DESKTOP, "desktop"), (TABLET, "tablet")]
)
def test_device_classes(agent: str, device: str) -> None:
    assert stats.device_class(agent) == device


def _visit(client, url: str, *, ip: str, agent: str, referer: str = "") -> None:
    response = client.get(url, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, HTTP_REFERER=referer)
    assert response.status_code == 200


def test_views_and_daily_users_are_counted_from_the_first_view_of_each_visitor(client) -> None:
    page = PageFactory.create(slug="neglect")
    home, detail = reverse("website:home"), reverse("website:page_detail", args=[page.slug])
    _visit(client, home, ip="192.0.2.10", agent=PHONE, referer="https://www.google.com/")
    _visit(client, detail, ip="192.0.2.10", agent=PHONE, referer="https://www.facebook.com/")
    _visit(client, home, ip="192.0.2.10", agent=PHONE)  # served from the page cache
    _visit(client, detail, ip="192.0.2.11", agent=DESKTOP)
    day = SiteDay.objects.get()
    assert (day.views, day.users) == (4, 2)
    assert (day.from_search, day.from_social, day.from_direct, day.from_other) == (1, 0, 1, 0)
    assert (day.mobile, day.desktop, day.tablet) == (1, 1, 0)
    by_path = dict(PageViewDay.objects.values_list("path", "views"))
    assert by_path == {home: 2, detail: 2}


def test_robots_signed_in_pages_and_missing_pages_are_not_counted(client, officer) -> None:
    _visit(client, reverse("website:home"), ip="192.0.2.1", agent="ExampleBot/1.0 (crawler)")
    client.get("/site/pages/no-such-page/", REMOTE_ADDR="192.0.2.2", HTTP_USER_AGENT=DESKTOP)
    client.force_login(officer)
    client.get(reverse("website:manage"), HTTP_USER_AGENT=DESKTOP)
    assert not SiteDay.objects.exists()
    assert not PageViewDay.objects.exists()


def test_no_address_or_browser_string_is_stored_anywhere(client) -> None:
    """Scan every text column of every table after visits with distinctive headers."""
    page = PageFactory.create(slug="safer-sleep")
    marker_ip, marker_agent = "203.0.113.77", "Distinctive-Agent-7f3a/1.0 Mobile"
    for url in (reverse("website:home"), reverse("website:page_detail", args=[page.slug])):
        _visit(client, url, ip=marker_ip, agent=marker_agent, referer="https://bing.com/")
    assert SiteDay.objects.get().views == 2
    found = []
    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(
                f,
                (
                    models.CharField | models.TextField | models.JSONField,
                    models.GenericIPAddressField,
                ),
            )
        ]
        for name in text_fields:
            for marker in (marker_ip, "Distinctive-Agent-7f3a"):
                lookup = {f"{name}__icontains": marker}
                try:
                    if model._default_manager.filter(**lookup).exists():
                        found.append(f"{model._meta.label}.{name}")
                except Exception:  # noqa: BLE001,S112 - a column type that cannot be searched
                    continue
    assert found == []


def test_the_training_catalogue_is_a_page_of_the_public_site_and_downloads_are_not(client) -> None:
    _visit(client, reverse("training:course_list"), ip="192.0.2.5", agent=DESKTOP)
    client.get(reverse("core:healthz"), REMOTE_ADDR="192.0.2.5", HTTP_USER_AGENT=DESKTOP)
    assert dict(PageViewDay.objects.values_list("path", "views")) == {
        reverse("training:course_list"): 1
    }


def test_addresses_carrying_codes_or_tokens_are_counted_under_their_pattern(client) -> None:
    """A certificate code or a subscription token never reaches the statistics, and made-up
    values add no rows."""
    for code in ("ABCD-EFGH", "ZZZZ-0000"):
        _visit(
            client,
            reverse("training:certificate_verify_code", args=[code]),
            ip="192.0.2.9",
            agent=DESKTOP,
        )
    paths = dict(PageViewDay.objects.values_list("path", "views"))
    assert paths == {"/training/certificates/verify/<str:code>/": 2}
