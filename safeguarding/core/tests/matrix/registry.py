"""Every app's entries in one dict, and the URL names that have none yet (reported, never
silently skipped: the completeness test fails for any name in neither)."""

from __future__ import annotations

from django.urls import get_resolver

from safeguarding.core.tests.matrix import (
    accounts,
    actions,
    activity_log,
    core,
    learning,
    partnership,
    retention,
)
from safeguarding.core.tests.matrix.spec import Case
from safeguarding.core.tests.test_url_safety import ALLAUTH_PUBLIC, _walk

ENTRIES: dict[str, tuple[Case, ...]] = {}
for module in (accounts, actions, activity_log, core, learning, partnership, retention):
    for name, cases in module.ENTRIES.items():
        assert name not in ENTRIES, f"{name} has two entries"
        ENTRIES[name] = cases

# URL names with no entry yet, by app: the lead decides. Empty this set app by app.
MISSING_APPS: frozenset[str] = frozenset(
    {
        "annual_reports",
        "assurance",
        "case_reviews",
        "child_deaths",
        "datasets",
        "governance",
        "published_reports",
        "training",
        "website",
    }
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
    return {name for name in url_names() - set(ENTRIES) if name.split(":")[0] in MISSING_APPS}
