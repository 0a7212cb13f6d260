"""Local development (make run): SQLite, console e-mail, demo keys."""

from __future__ import annotations

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, env

# The demo serves the real "page not found" and error pages: Django's debug page would list
# every URL pattern to anyone. A developer who wants it runs `DJANGO_DEBUG=1 make run`.
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="local-development-only-not-secret")  # noqa: S105
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
# Demo keys only: production refuses to start without its own (see production.py).
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS", default=["3tDgLlbiwhXgfRa8SHnkDhmrGjYzPtm8khNo0RyfiEc="]
)
HASH_KEY = env("HASH_KEY", default="local-demo-hash-key")
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come from the finders through WhiteNoise, so they are served with DEBUG off and
# no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if env.bool("USE_TASK_WORKER", default=False):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
_ = BASE_DIR
