"""Every app's entries in one dict, and the URL names that have none yet: an explicit set,
reported in the test summary, never silently skipped. The completeness test fails for a URL
name in neither (a new view without an entry), and for a name in both or in neither the URL
conf (a stale entry)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from django.urls import get_resolver

from safeguarding.core.tests.matrix.spec import Case
from safeguarding.core.tests.test_url_safety import ALLAUTH_PUBLIC, _walk

# Each app's entries live in the module of this package named after it.
APPS = (
    "accounts",
    "actions",
    "activity_log",
    "annual_reports",
    "assurance",
    "case_reviews",
    "child_deaths",
    "core",
    "datasets",
    "exploitation",
    "governance",
    "learning",
    "partnership",
    "published_reports",
    "retention",
    "training",
    "website",
)
MODULES: tuple[ModuleType, ...] = tuple(import_module(f"{__package__}.{app}") for app in APPS)

ENTRIES: dict[str, tuple[Case, ...]] = {}
for module in MODULES:
    for name, cases in module.ENTRIES.items():
        assert name not in ENTRIES, f"{name} has two entries"
        ENTRIES[name] = cases

# URL names with an object parameter whose records the world does not build yet: each app's
# module lists its own in MISSING (empty it app by app: records in the module's build(world)
# and an entry).
MISSING: frozenset[str] = frozenset(
    name for module in MODULES for name in getattr(module, "MISSING", frozenset())
)

EXCEPTED_NAMESPACES = ("admin:", "djdt:")


def url_names() -> set[str]:
    """Every namespaced URL name but allauth's and Django admin's (as the URL safety test)."""
    names = set()
    for _route, name, _callback in _walk(get_resolver().url_patterns):
        if name.startswith(EXCEPTED_NAMESPACES) or name.split(":")[-1] in ALLAUTH_PUBLIC:
            continue
        if ":" in name:
            names.add(name)
    return names


def missing_names() -> set[str]:
    return set(MISSING)
