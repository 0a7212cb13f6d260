"""Production settings: refuse to start without their secrets, and pass `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GOOD = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "synthetic-production-secret-" + "k" * 40,
    "FIELD_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZpZWxkLWtleS0zMi1ieXRlcy0wMDA=",
    "HASH_KEY": "synthetic-hash-key",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
    "ALLOWED_HOSTS": "platform.example",
    "SITE_URL": "https://platform.example",
}


def _run(args: list[str], **overrides: str | None) -> subprocess.CompletedProcess[str]:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never has it.
    env = {
        k: v for k, v in os.environ.items() if k not in GOOD and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(GOOD)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY must be set"),
        ("FIELD_ENCRYPTION_KEYS", "FIELD_ENCRYPTION_KEYS and HASH_KEY must be set"),
        ("HASH_KEY", "FIELD_ENCRYPTION_KEYS and HASH_KEY must be set"),
        ("DATABASE_URL", "DATABASE_URL must point at PostgreSQL"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS must list"),
        ("SITE_URL", "SITE_URL must be"),
    ],
)
def test_production_refuses_to_start_without(missing: str, message: str) -> None:
    result = _run(["-c", "import django; django.setup()"], **{missing: None})
    assert result.returncode != 0
    assert message in result.stderr


def test_a_short_secret_key_is_refused() -> None:
    result = _run(["-c", "import django; django.setup()"], SECRET_KEY="too-short")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_demo_serves_real_error_pages_unless_a_developer_asks_for_debug() -> None:
    code = (
        "from django.conf import settings; print(settings.DEBUG, settings.WHITENOISE_USE_FINDERS)"
    )
    local = {"DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": None}
    demo = _run(["-c", f"import django; django.setup(); {code}"], **local)
    assert demo.stdout.split() == ["False", "True"], demo.stderr
    asked = _run(
        ["-c", f"import django; django.setup(); {code}"], **{**local, "DJANGO_DEBUG": "1"}
    )
    assert asked.stdout.split()[0] == "True", asked.stderr
