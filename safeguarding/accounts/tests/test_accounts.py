from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import SENSITIVE_ROLES, Role
from safeguarding.accounts.tests.factories import PASSWORD
from safeguarding.core.testing import ViewMatrix
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2_outside_tests() -> None:
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_sign_in_by_email(client, make_user) -> None:
    user = make_user((Role.PRACTITIONER, AgencyFactory.create()), email="pat@agency.example")
    response = client.post(
        reverse("account_login"), {"login": "pat@agency.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["user"] == user


def test_five_failed_attempts_lock_the_account(client, make_user) -> None:
    user = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong-password"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Your account is locked" in response.content
    assert "_auth_user_id" not in client.session


def test_four_failed_attempts_do_not_lock(client, make_user) -> None:
    user = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    for _ in range(4):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong-password"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_practitioner_self_registration_chooses_their_agency(
    client, django_capture_on_commit_callbacks, run_tasks
) -> None:
    agency = AgencyFactory.create(name="Synthetic Community Health")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "full_name": "Sam Synthetic",
                "email": "sam@health.example",
                "agency": agency.pk,
                "password1": "a-long-synthetic-passphrase",
                "password2": "a-long-synthetic-passphrase",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="sam@health.example")
    assert user.full_name == "Sam Synthetic"
    assert user.roles == frozenset({Role.PRACTITIONER})
    assert user.agency_ids_for(Role.PRACTITIONER) == frozenset({agency.pk})
    # E-mail verification is mandatory: the confirmation goes through the task queue.
    assert len(mail.outbox) == 0
    assert run_tasks() == 1
    assert len(mail.outbox) == 1
    assert "sam@health.example" in mail.outbox[0].to


def test_signup_form_shows_errors_in_a_summary(client) -> None:
    response = client.post(reverse("account_signup"), {"email": "not-an-email"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content


def test_password_reset_sends_an_email_through_a_task(
    client, make_user, django_capture_on_commit_callbacks, run_tasks
) -> None:
    user = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": user.email})
    run_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]


def test_staff_sessions_end_after_30_idle_minutes(client, make_user) -> None:
    assert settings.IDLE_TIMEOUT_STAFF == 30 * 60
    user = make_user(Role.BUSINESS_UNIT)
    client.force_login(user)
    assert client.get(reverse("core:home")).status_code == 200
    session = client.session
    session["last_activity"] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert "_auth_user_id" not in client.session


def test_staff_sessions_survive_29_idle_minutes(client, make_user) -> None:
    user = make_user(Role.BUSINESS_UNIT)
    client.force_login(user)
    client.get(reverse("core:home"))
    session = client.session
    session["last_activity"] = int(time.time()) - 29 * 60
    session.save()
    assert client.get(reverse("core:home")).status_code == 200


def test_practitioners_have_a_longer_idle_limit(client, make_user) -> None:
    user = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    client.force_login(user)
    client.get(reverse("core:home"))
    session = client.session
    session["last_activity"] = int(time.time()) - 31 * 60
    session.save()
    assert client.get(reverse("core:home")).status_code == 200


def test_last_activity_is_written_to_the_session_at_most_once_a_minute(client, make_user) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from safeguarding.accounts.middleware import LAST_SEEN_STEP

    client.force_login(make_user(Role.BUSINESS_UNIT))
    assert client.session["last_activity"] >= int(time.time()) - 5  # signing in is activity
    client.get(reverse("core:home"))
    recent = int(time.time()) - (LAST_SEEN_STEP - 20)
    session = client.session
    session["last_activity"] = recent
    session.save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("core:home")).status_code == 200
    assert client.session["last_activity"] == recent
    assert not [q for q in queries.captured_queries if 'UPDATE "django_session"' in q["sql"]]

    session = client.session
    session["last_activity"] = int(time.time()) - LAST_SEEN_STEP - 1
    session.save()
    client.get(reverse("core:home"))
    assert client.session["last_activity"] >= int(time.time()) - 5


def test_case_insensitive_email_lookups_have_an_index() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, User._meta.db_table)
    assert constraints["accounts_user_email_upper_idx"]["index"]


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="the expression index's plan is PostgreSQL's (SQLite's iexact is LIKE)",
)
def test_email_iexact_uses_the_upper_email_index() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = User.objects.filter(email__iexact="Someone@Agency.Example").explain()
    assert "accounts_user_email_upper_idx" in plan


@override_settings(MFA_REQUIRED=True)
@pytest.mark.parametrize("role", sorted(SENSITIVE_ROLES))
def test_mfa_is_enforced_for_roles_that_see_case_level_data(client, make_user, role) -> None:
    from safeguarding.accounts.roles import AGENCY_SCOPED_ROLES

    spec = (role, AgencyFactory.create()) if role in AGENCY_SCOPED_ROLES else role
    client.force_login(make_user(spec))
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
    # Setting MFA up stays reachable (allauth first asks for the password again).
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    assert setup.request["PATH_INFO"].startswith("/accounts/")


@override_settings(MFA_REQUIRED=True)
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SCRUTINEER, Role.BOARD_MEMBER])
def test_mfa_is_not_forced_on_roles_without_case_level_data(client, make_user, role) -> None:
    spec = (role, AgencyFactory.create()) if role == Role.PRACTITIONER else role
    client.force_login(make_user(spec))
    assert client.get(reverse("core:home")).status_code == 200


@override_settings(MFA_REQUIRED=True)
def test_mfa_enforcement_lets_people_with_totp_through(client, make_user) -> None:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = make_user(Role.BUSINESS_UNIT)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    assert client.get(reverse("core:home")).status_code == 200


def test_production_settings_enforce_mfa() -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "FIELD_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZpZWxkLWtleS0zMi1ieXRlcy0wMDA=",
        "HASH_KEY": "synthetic",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        "ALLOWED_HOSTS": "platform.example",
        "SITE_URL": "https://platform.example",
    }
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; print(settings.MFA_REQUIRED)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True"


def test_profile_page_matrix(client, make_user, outsider) -> None:
    user = make_user(Role.BOARD_MEMBER)
    matrix = ViewMatrix(client, reverse("accounts:profile"))
    response = matrix.allowed(user)
    assert b"Board member" in response.content
    matrix.allowed(outsider)  # everyone signed in has an account page
    matrix.wrong_method(user, "post")
    matrix.anonymous_redirected()
