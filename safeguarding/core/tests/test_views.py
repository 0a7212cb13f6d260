from __future__ import annotations

import re

import pytest
from django.urls import reverse

from safeguarding.core.registry import Card, CardItem, _cards, cards_for_user, register_card
from safeguarding.core.testing import ViewMatrix

pytestmark = pytest.mark.django_db


def test_home_matrix(client, owner, outsider) -> None:
    matrix = ViewMatrix(client, reverse("core:home"))
    matrix.allowed(owner)
    matrix.allowed(outsider)  # everyone signed in has a home page, even with nothing on it
    matrix.wrong_method(owner, "post")


def test_front_door_sends_anonymous_visitors_to_the_public_website(client) -> None:
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("website:home")
    public_home = client.get(response["Location"])
    assert public_home.status_code == 200
    content = public_home.content.decode()
    assert reverse("training:course_list") in content  # the training catalogue
    assert reverse("training:certificate_verify") in content  # the certificate checker
    assert "My work" not in client.get(reverse("core:home"), follow=True).content.decode()


def test_front_door_shows_my_work_when_signed_in(client, outsider) -> None:
    client.force_login(outsider)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert response.templates[0].name == "core/home.html"


def test_registered_cards_appear_on_my_work_for_the_right_people(client, owner, outsider) -> None:
    def provider(user):
        if not user.is_partnership_admin:
            return None
        return Card(
            title="Synthetic deadlines",
            items=[CardItem(text="Rapid review due", due="1 April 2021")],
        )

    register_card("test_card", provider, order=1)
    try:
        assert [c.title for c in cards_for_user(owner)][:1] == ["Synthetic deadlines"]
        client.force_login(owner)
        content = client.get(reverse("core:home")).content.decode()
        assert "Synthetic deadlines" in content
        assert "Due 1 April 2021" in content
        client.force_login(outsider)
        assert "Synthetic deadlines" not in client.get(reverse("core:home")).content.decode()
    finally:
        _cards.pop("test_card")


@pytest.mark.parametrize("name", ["core:accessibility", "core:privacy", "core:healthz"])
def test_information_pages_are_public(client, name) -> None:
    assert client.get(reverse(name)).status_code == 200
    assert client.post(reverse(name)).status_code == 405


def test_security_headers_and_scripts_only_from_files(client, owner) -> None:
    """Every page's scripts are files from this site ('self'): no inline script, so a page
    served from the public cache needs no nonce and nothing inline can run."""
    client.force_login(owner)
    response = client.get(reverse("core:home"))
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert re.search(r"script-src[^;]*'self'", csp)
    scripts = re.findall(rb"<script([^>]*)>", response.content)
    assert scripts  # GOV.UK Frontend's start-up scripts
    assert all(b"src=" in attributes for attributes in scripts)
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_not_found_page_is_in_the_service_style(client, owner) -> None:
    client.force_login(owner)
    response = client.get("/partnership/agencies/999999/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"govuk-header" in response.content


def test_forbidden_page_is_in_the_service_style(client, member_readonly) -> None:
    from safeguarding.partnership.tests.factories import PartnershipFactory

    PartnershipFactory.create()
    client.force_login(member_readonly)
    response = client.post(reverse("partnership:agency_create"), {})
    assert response.status_code == 403
    assert b"You cannot do this" in response.content


def test_only_session_and_csrf_cookies_are_set(client, owner) -> None:
    from safeguarding.accounts.tests.factories import PASSWORD

    client.get(reverse("account_login"))
    client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    client.get(reverse("core:home"))
    assert set(client.cookies.keys()) <= {"sessionid", "csrftoken"}


def test_no_third_party_scripts_or_styles(client, owner) -> None:
    client.force_login(owner)
    content = client.get(reverse("core:home")).content.decode()
    sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', content)
    assert sources == []
