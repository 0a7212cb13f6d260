"""Real browser: a business unit officer sets up an authenticator app, signs out, and signs in
again with e-mail, password and a one-time code. Every page is scanned with axe."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings

from safeguarding.accounts.roles import Role
from safeguarding.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(secret: str, steps_ahead: int = 0) -> str:
    counter = int(time.time()) // getattr(settings, "MFA_TOTP_PERIOD", 30) + steps_ahead
    return str(format_hotp_value(hotp_value(secret, counter)))


def _sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.check()
    page.page.get_by_label("Email").fill(email)
    page.page.get_by_label("Password").fill(PASSWORD)
    page.page.get_by_role("button", name="Sign In").click()


def test_sign_in_with_an_authenticator_app(browser_page, make_user) -> None:
    user = make_user(Role.BUSINESS_UNIT, email="officer@agency.example")
    page = browser_page

    _sign_in(page, user.email)
    page.page.wait_for_url("**/")
    page.check()
    assert page.page.get_by_role("heading", name="My work").is_visible()

    page.goto("/accounts/profile/")
    page.page.get_by_role("link", name="Manage two-factor authentication").click()
    page.check()
    page.page.get_by_role("button", name="Activate").first.click()
    page.page.wait_for_load_state("load")
    if "/reauthenticate/" in page.page.url:  # allauth asks for the password again first
        page.check()
        page.page.get_by_label("Password").fill(PASSWORD)
        page.page.get_by_role("button", name="Confirm").click()
    page.page.wait_for_url("**/totp/activate/")
    page.check()
    secret = page.page.input_value("#authenticator_secret")
    page.page.get_by_label("Authenticator code").fill(_code(secret))
    page.press("Activate")
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    page.press("Sign out")

    _sign_in(page, user.email)
    page.page.wait_for_url("**/2fa/authenticate/")
    page.check()
    # The code used to activate cannot be used again: the next period's code is accepted
    # (MFA_TOTP_TOLERANCE allows one period of clock drift).
    page.page.get_by_label("Code").fill(_code(secret, steps_ahead=1))
    page.press("Sign In", url="**/")
    assert page.page.get_by_role("heading", name="My work").is_visible()


def test_wrong_password_shows_the_error_summary(browser_page, make_user) -> None:
    user = make_user(Role.BUSINESS_UNIT)
    page = browser_page
    page.goto("/accounts/login/")
    page.page.get_by_label("Email").fill(user.email)
    page.page.get_by_label("Password").fill("not-the-password")
    page.press("Sign In")
    assert page.page.locator(".govuk-error-summary").is_visible()
