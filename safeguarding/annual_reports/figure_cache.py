"""The yearly report's computed sections, kept in the cache per year instead of recomputed on
every request to the report page (#17: "expensive figures are stored, not recomputed per
request").

A section is kept under its module, its year, today's date (some figures are "as of today",
such as the current status of actions) and the write generation of every app it reads
(SECTION_APPS). Any save or delete of a record in one of those apps moves that app's generation
on (`record_written`, connected in apps.py to post_save, post_delete and m2m_changed), so the
next request computes the section afresh. Bulk writes that send no signal (`update()`,
`bulk_create`) are caught by the time limit: settings.ANNUAL_REPORT_CACHE_SECONDS (300; 0
turns the cache off). With several web processes, the generations live in each process's memory
unless CACHE_URL names a shared cache (Redis), so another process may show figures up to that
time limit old; the deployment guide's CACHE_URL advice applies.

Only the report page and its download read from here (selectors.annual_report_build). Editions,
their figure list, sign-off and publishing compute every figure from the records each time, so
what is signed off and published is never a cached value.
"""

from __future__ import annotations

import logging
import pickle
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.module_loading import import_string

from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear

logger = logging.getLogger(__name__)

# Apps whose records every section may read (people, agencies and areas, shared capabilities).
SHARED_APPS = ("core", "accounts", "partnership", "actions", "learning")

# The apps each section reads, besides SHARED_APPS. A module not listed here reads everything
# (any write moves its generation on), as governance does (its priorities' evidence links any
# module's records).
SECTION_APPS: dict[str, tuple[str, ...]] = {
    "safeguarding.partnership.reporting": ("governance",),
    "safeguarding.datasets.reporting": ("datasets",),
    "safeguarding.case_reviews.reporting": ("case_reviews",),
    "safeguarding.child_deaths.reporting": ("child_deaths",),
    "safeguarding.assurance.reporting": ("assurance",),
    "safeguarding.training.reporting": ("training",),
    "safeguarding.website.reporting": ("website",),
}

# Writes to these never change a figure (the activity log, sessions, queued tasks).
_IGNORED_APPS = frozenset({"activity_log", "sessions", "django_tasks_database", "admin"})
_EVERYTHING = "*"


def _generation_key(app_label: str) -> str:
    return f"annual_reports:figures:generation:{app_label}"


def _apps_read(module_path: str) -> tuple[str, ...]:
    own = SECTION_APPS.get(module_path)
    if own is None:
        return (_EVERYTHING,)
    return (*SHARED_APPS, *own)


def record_written(sender: type[Any], **kwargs: Any) -> None:
    """Signal receiver: a record of `sender`'s app was saved or deleted."""
    label = sender._meta.app_label
    if label in _IGNORED_APPS:
        return
    for key in (_generation_key(label), _generation_key(_EVERYTHING)):
        try:
            cache.incr(key)
        except ValueError:  # not set yet (or expired): any new value differs from what was kept
            cache.set(key, timezone.now().timestamp(), None)


def _section_key(module_path: str, year: ReportingYear) -> str:
    apps = _apps_read(module_path)
    generations = cache.get_many([_generation_key(label) for label in apps])
    stamp = ",".join(str(generations.get(_generation_key(label), 0)) for label in apps)
    return (
        f"annual_reports:figures:{module_path}:{year.label}:"
        f"{timezone.localdate().isoformat()}:{stamp}"
    )


def module_section(module_path: str, year: ReportingYear) -> ReportSection:
    """The module's computed section for the year, from the cache when nothing it reads has
    been written since it was computed (and within the time limit)."""
    seconds = settings.ANNUAL_REPORT_CACHE_SECONDS
    build = import_string(f"{module_path}.report_section")
    if seconds <= 0:
        return build(year)  # type: ignore[no-any-return]
    key = _section_key(module_path, year)
    kept = cache.get(key)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    section: ReportSection = build(year)
    try:
        cache.set(key, section, seconds)
    except (pickle.PicklingError, TypeError, AttributeError):  # a section that cannot be kept
        logger.warning("Annual report section %s could not be cached", module_path)
    return section


def module_sections(year: ReportingYear) -> dict[str, ReportSection]:
    """Each module's section for the year by its key (settings order), as
    catalogue.module_sections, read through the cache."""
    sections: dict[str, ReportSection] = {}
    for module_path in settings.ANNUAL_REPORT_SECTIONS:
        section = module_section(module_path, year)
        sections[section.key] = section
    return sections
