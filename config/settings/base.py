"""Base settings: everything lives here; behaviour is switched by environment variables.

local.py, test.py and production.py hold small overrides only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "safeguarding"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The partnership this installation serves (shown in the service header).
PARTNERSHIP_NAME = env(
    "PARTNERSHIP_NAME", default="Cambridgeshire and Peterborough Safeguarding Children Partnership"
)
SERVICE_NAME = env("SERVICE_NAME", default="Safeguarding Partnership Platform")
# The service's public address, for full links in e-mails (no trailing slash).
SITE_URL = env("SITE_URL", default="")

# ---------------------------------------------------------------------------
# Applications. Order matters only for template overrides: ours come first.
# ---------------------------------------------------------------------------
LOCAL_APPS = [
    "safeguarding.core",
    "safeguarding.accounts",
    "safeguarding.activity_log",
    "safeguarding.partnership",
    "safeguarding.retention",
    "safeguarding.actions",
    "safeguarding.learning",
    "safeguarding.governance",
    "safeguarding.case_reviews",
    "safeguarding.child_deaths",
    "safeguarding.training",
    "safeguarding.assurance",
    "safeguarding.datasets",
    "safeguarding.exploitation",
    "safeguarding.annual_reports",
    "safeguarding.website",
    "safeguarding.demo",
]
INSTALLED_APPS = [
    *LOCAL_APPS,
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "govuk_frontend_django",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "safeguarding.core.middleware.RequestContextMiddleware",
    "safeguarding.accounts.middleware.IdleTimeoutMiddleware",
    "safeguarding.accounts.middleware.MFARequiredMiddleware",
    # Counts public website page views (website.stats), outside the public page cache.
    "safeguarding.website.middleware.PageViewMiddleware",
    # AxesMiddleware must be last (it turns lockouts into responses).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "safeguarding.core.context_processors.service",
            ],
            "builtins": ["safeguarding.core.templatetags.govuk"],
        },
    }
]
FORM_RENDERER = "safeguarding.core.forms.GovUKFormRenderer"

# ---------------------------------------------------------------------------
# Database: DATABASE_URL (PostgreSQL in CI and production), else embedded SQLite.
# ---------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock at BEGIN, so the activity log's hash chain stays serial.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Each worker thread keeps its connection (checked before reuse) instead of opening one
    # per request: a cached public page then costs no connection set-up (bench/website_load.py).
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Accounts, sign-in and MFA (django-allauth), lockout (django-axes)
# ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "safeguarding.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Safeguarding Partnership] "
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_SIGNUP_FORM_CLASS = "safeguarding.partnership.signup.PractitionerSignupForm"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_FORMS = {"login": "safeguarding.accounts.forms.LoginForm"}
# django-axes locks an account after 5 failures (AXES_*); allauth only throttles by address.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = SERVICE_NAME
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False)
# Enforce MFA for every role that can see case-level or personal data (see accounts.roles).
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=False)

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "login"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_VERBOSE = False
# Accounts are locked by e-mail address (the requirement: 5 failed attempts locks the account).
# Address-based throttling belongs at the load balancer (docs/deployment.md), so axes' advice
# to lock by IP address as well is silenced deliberately.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

SESSION_COOKIE_HTTPONLY = True
# Messages live in the session: no cookie beyond the session and CSRF ones (privacy notice).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 60 * 60
# Idle timeout (seconds) for staff roles; everyone else gets IDLE_TIMEOUT_OTHERS.
IDLE_TIMEOUT_STAFF = env.int("IDLE_TIMEOUT_STAFF", default=30 * 60)
IDLE_TIMEOUT_OTHERS = env.int("IDLE_TIMEOUT_OTHERS", default=2 * 60 * 60)

# ---------------------------------------------------------------------------
# Encryption of identifying data at rest (core.fields.EncryptedTextField).
# FIELD_ENCRYPTION_KEYS: comma-separated Fernet keys, newest first (rotation).
# HASH_KEY: key for keyed hashes (NHS numbers, child identifiers).
# ---------------------------------------------------------------------------
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])
HASH_KEY = env("HASH_KEY", default="")

# ---------------------------------------------------------------------------
# Security headers
# ---------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Behind a load balancer that sets X-Forwarded-For, set TRUST_X_FORWARDED_FOR=1 so the activity
# log records the client's address rather than the balancer's (core.http.client_ip).
TRUST_X_FORWARDED_FOR = env.bool("TRUST_X_FORWARDED_FOR", default=False)

# ---------------------------------------------------------------------------
# Domain rules that a partnership may change (read as settings.X; every default is here, once)
# ---------------------------------------------------------------------------
# Case reviews (statutory-rules.md): notify within 5 working days; rapid review within 15;
# a practice review published within 6 months; the final report goes to the Panel and DfE 7
# working days before publication; reminders this many working days before a deadline.
CASE_REVIEW_NOTIFICATION_WORKING_DAYS = env.int("CASE_REVIEW_NOTIFICATION_WORKING_DAYS", default=5)
CASE_REVIEW_RAPID_REVIEW_WORKING_DAYS = env.int(
    "CASE_REVIEW_RAPID_REVIEW_WORKING_DAYS", default=15
)
CASE_REVIEW_TARGET_MONTHS = env.int("CASE_REVIEW_TARGET_MONTHS", default=6)
CASE_REVIEW_ADVANCE_COPY_WORKING_DAYS = env.int("CASE_REVIEW_ADVANCE_COPY_WORKING_DAYS", default=7)
CASE_REVIEW_REMINDER_WORKING_DAYS = env.int("CASE_REVIEW_REMINDER_WORKING_DAYS", default=5)
CASE_REVIEW_UPLOAD_MAX_MB = env.int("CASE_REVIEW_UPLOAD_MAX_MB", default=20)
# Child deaths: agencies return information within 15 working days, reminded 5 before.
CHILD_DEATH_REQUEST_WORKING_DAYS = env.int("CHILD_DEATH_REQUEST_WORKING_DAYS", default=15)
CHILD_DEATH_REMINDER_WORKING_DAYS = env.int("CHILD_DEATH_REMINDER_WORKING_DAYS", default=5)
CHILD_DEATH_FORM_VERSION = env("CHILD_DEATH_FORM_VERSION", default="NCMD reporting form 2021-04")
CHILD_DEATH_NAME_MATCH_RATIO = env.float("CHILD_DEATH_NAME_MATCH_RATIO", default=0.85)
# Actions: owners are reminded this many working days before an action is due.
ACTION_REMINDER_WORKING_DAYS = env.int("ACTION_REMINDER_WORKING_DAYS", default=5)
# Training (docs/modules/training.md).
# Governance: papers larger than this are refused; staff are reminded this many days before the
# published arrangements' review date.
GOVERNANCE_PAPER_MAX_MB = env.int("GOVERNANCE_PAPER_MAX_MB", default=20)
GOVERNANCE_REVIEW_REMINDER_DAYS = env.int("GOVERNANCE_REVIEW_REMINDER_DAYS", default=60)
# Years after a child leaves the MACE process before their record is anonymised.
EXPLOITATION_RETENTION_YEARS = env.int("EXPLOITATION_RETENTION_YEARS", default=6)
TRAINING_OFFER_HOURS = env.int("TRAINING_OFFER_HOURS", default=48)
TRAINING_CANCELLATION_WORKING_DAYS = env.int("TRAINING_CANCELLATION_WORKING_DAYS", default=3)
TRAINING_NON_ATTENDANCE_CHARGE_PENCE = env.int(
    "TRAINING_NON_ATTENDANCE_CHARGE_PENCE", default=5000
)
TRAINING_REMINDER_DAYS = env.list("TRAINING_REMINDER_DAYS", cast=int, default=[14, 5])
TRAINING_IMPACT_SURVEY_DAYS = env.int("TRAINING_IMPACT_SURVEY_DAYS", default=91)
# Quality assurance: Section 11 every 2 years, reminders 10 working days before; survey
# answers are shown only where a question has at least 5; the "Exit this page" destination.
SECTION11_CYCLE_YEARS = env.int("SECTION11_CYCLE_YEARS", default=2)
SECTION11_REMINDER_WORKING_DAYS = env.int("SECTION11_REMINDER_WORKING_DAYS", default=10)
SURVEY_MIN_ANSWERS = env.int("SURVEY_MIN_ANSWERS", default=5)
SURVEY_EXIT_URL = env("SURVEY_EXIT_URL", default="https://www.bbc.co.uk/weather")
# More answers than this to one survey within one clock hour are flagged as a burst.
SURVEY_BURST_PER_HOUR = env.int("SURVEY_BURST_PER_HOUR", default=30)
# The most single-use survey links issued at once for one invited group.
SURVEY_LINKS_MAX = env.int("SURVEY_LINKS_MAX", default=500)
# Safeguarding data: the largest return accepted (MB), and where uploads wait for the import
# task.
DATASETS_MAX_UPLOAD_MB = env.int("DATASETS_MAX_UPLOAD_MB", default=200)
DATASETS_UPLOAD_DIR = env("DATASETS_UPLOAD_DIR", default=None)  # None: the system temp folder
# The check before an import is put in use warns when a figure moves by more than this share
# (per cent) of the figure in use, or a year has fewer than this share of the year before's rows.
DATASETS_CHECK_CHANGE_PERCENT = env.int("DATASETS_CHECK_CHANGE_PERCENT", default=50)
# A second analyst or staff member must approve an import before it is put in use.
DATASETS_REQUIRE_SECOND_APPROVAL = env.bool("DATASETS_REQUIRE_SECOND_APPROVAL", default=False)

# ---------------------------------------------------------------------------
# Retention schedule (safeguarding.retention; docs/modules/retention.md has the table). Years
# after the event each record type's clock starts from; None keeps the records. The command
# `manage.py retention_apply --apply` runs nightly; a legal hold stops removal.
# ---------------------------------------------------------------------------
# Training bookings and evaluations: 6 years after the session (the Limitation Act 1980 period
# for a claim about what someone was trained in). Then anonymised: the attendance, agency and
# evaluation scores stay (the yearly training figures count them); the person goes.
RETENTION_TRAINING_YEARS = env.int("RETENTION_TRAINING_YEARS", default=6)
# Anonymous survey answers: 3 years after the survey closes (long enough to compare one
# survey with the next). Then free text, dates and evidence files are blanked; the option
# answers the published percentages are computed from stay.
RETENTION_SURVEY_YEARS = env.int("RETENTION_SURVEY_YEARS", default=3)
# The activity log's own period: 7 years (6 for a claim, plus the year in progress). Past it,
# events are counted on the retention page and archived by hand (runbook); the command never
# deletes them (append-only hash chain; PostgreSQL refuses DELETE).
RETENTION_ACTIVITY_LOG_YEARS = env.int("RETENTION_ACTIVITY_LOG_YEARS", default=7)
# Kept (None): child death case files (the child death review statutory guidance and the
# National Child Mortality Database expect the partnership's records of each death to be kept;
# the period is the partnership's decision with its data protection officer), case review
# files and published reports (the national panel and later reviews rely on them), data
# return records (the published yearly figures are computed from them).
RETENTION_CHILD_DEATH_YEARS = env.int("RETENTION_CHILD_DEATH_YEARS", default=None)
RETENTION_CASE_REVIEW_YEARS = env.int("RETENTION_CASE_REVIEW_YEARS", default=None)
RETENTION_DATA_RETURN_YEARS = env.int("RETENTION_DATA_RETURN_YEARS", default=None)
# Records processed per transaction by retention_apply.
RETENTION_BATCH_SIZE = env.int("RETENTION_BATCH_SIZE", default=500)

# Public forms (core.ratelimit): submissions allowed per client in a window of seconds, keyed
# by a keyed hash of the client's address and browser that lives only in the cache for the
# window (never in the database). Surveys, certificate checks, catalogue search, subscriptions.
RATE_LIMIT_SURVEY = env.int("RATE_LIMIT_SURVEY", default=5)
RATE_LIMIT_CERTIFICATE_CHECK = env.int("RATE_LIMIT_CERTIFICATE_CHECK", default=20)
RATE_LIMIT_SEARCH = env.int("RATE_LIMIT_SEARCH", default=30)
RATE_LIMIT_SUBSCRIBE = env.int("RATE_LIMIT_SUBSCRIBE", default=5)
RATE_LIMIT_WINDOW_SECONDS = env.int("RATE_LIMIT_WINDOW_SECONDS", default=60)

# ---------------------------------------------------------------------------
# Cache: memory by default. With several web processes, point CACHE_URL at Redis (memory only,
# no persistence) so the public page cache and the website's daily unique visitors are shared.
# ---------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Public website pages are served from the cache to anonymous visitors for this long; every
# edit of the website clears it.
WEBSITE_CACHE_SECONDS = env.int("WEBSITE_CACHE_SECONDS", default=60)
# The yearly report page keeps each module's computed section per year in the cache for at most
# this long; any save or delete of a record the section reads recomputes it sooner
# (annual_reports/figure_cache.py). 0 turns it off. Editions and publishing never use it.
ANNUAL_REPORT_CACHE_SECONDS = env.int("ANNUAL_REPORT_CACHE_SECONDS", default=300)

# ---------------------------------------------------------------------------
# Static and uploaded files
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    ("govuk-frontend", BASE_DIR / "node_modules" / "govuk-frontend"),
]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"
FILE_STORAGE_BACKEND = env("FILE_STORAGE_BACKEND", default="filesystem")
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if FILE_STORAGE_BACKEND == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME", default=""),
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# ---------------------------------------------------------------------------
# Background work (django-tasks, database backend) and e-mail
# ---------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@partnership.example")
GOVUK_NOTIFY_API_KEY = env("GOVUK_NOTIFY_API_KEY", default="")
GOVUK_NOTIFY_TEMPLATE_ID = env("GOVUK_NOTIFY_TEMPLATE_ID", default="")

# ---------------------------------------------------------------------------
# Locale and time
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------
# Domain configuration
# ---------------------------------------------------------------------------
# Modules whose `report_section(year)` functions build the annual report, in order.
ANNUAL_REPORT_SECTIONS = env.list(
    "ANNUAL_REPORT_SECTIONS",
    default=[
        "safeguarding.partnership.reporting",
        "safeguarding.datasets.reporting",
        "safeguarding.case_reviews.reporting",
        "safeguarding.child_deaths.reporting",
        "safeguarding.assurance.reporting",
        "safeguarding.training.reporting",
        "safeguarding.governance.reporting",
        "safeguarding.website.reporting",
    ],
)
# Modules whose `seed(stdout)` functions build the demo partnership, in order.
DEMO_SEED_MODULES = [
    "safeguarding.partnership.demo",
    "safeguarding.learning.demo",
    "safeguarding.actions.demo",
    "safeguarding.governance.demo",
    "safeguarding.exploitation.demo",
    "safeguarding.datasets.demo",
    "safeguarding.case_reviews.demo",
    "safeguarding.child_deaths.demo",
    "safeguarding.training.demo",
    "safeguarding.assurance.demo",
    "safeguarding.website.demo",
    "safeguarding.annual_reports.demo",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request bodies and SQL parameters can carry identifying data: never at DEBUG.
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # Each task's start and finish: failures are logged at ERROR and shown in the UI.
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint and its font tools report every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
