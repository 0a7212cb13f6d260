"""Test settings: real database (PostgreSQL when DATABASE_URL is set, else SQLite)."""

from __future__ import annotations

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; argon2 in real use
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
FIELD_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWZpZWxkLWtleS0zMi1ieXRlcy0wMDA="]
HASH_KEY = "test-only-hash-key"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks are recorded in the database and run explicitly by tests (run_pending_tasks fixture).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
MFA_TOTP_TOLERANCE = 1
# Tests count and check what the report computes: its sections are not kept in the cache
# (the cache's own tests turn it on).
ANNUAL_REPORT_CACHE_SECONDS = 0
