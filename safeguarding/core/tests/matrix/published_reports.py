"""published_reports: the published yearly reports are public (anonymous visitors too); a
year or version never published, or a version with no children's summary, is 404.

The records (a published 2020-21 edition with version 1, an unpublished 2021-22 draft) are
built by the annual_reports matrix module's build(world)."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    NOT_FOUND,
    Case,
    public_page,
)


def _published_year(world: Any) -> dict[str, Any]:
    return {"year": world.ar_published.year_label}


def _draft_year(world: Any) -> dict[str, Any]:
    return {"year": world.ar_draft.year_label}


def _version(world: Any) -> dict[str, Any]:
    return {"year": world.ar_published.year_label, "number": world.ar_version.number}


def _no_version(world: Any) -> dict[str, Any]:
    return {"year": world.ar_published.year_label, "number": world.ar_version.number + 1}


def _draft_version(world: Any) -> dict[str, Any]:
    return {"year": world.ar_draft.year_label, "number": 1}


ENTRIES: dict[str, tuple[Case, ...]] = {
    "published_reports:published_list": (public_page("no object"),),
    "published_reports:published_latest": (
        public_page("a published year", _published_year),
        public_page("a year only drafted", _draft_year, NOT_FOUND),
    ),
    "published_reports:published_version": (
        public_page("version 1", _version),
        public_page("a version not published", _no_version, NOT_FOUND),
        public_page("the unpublished draft", _draft_version, NOT_FOUND),
    ),
    "published_reports:published_pdf": (
        public_page("version 1", _version),
        public_page("the unpublished draft", _draft_version, NOT_FOUND),
    ),
    "published_reports:published_young_people": (
        public_page("version 1", _version),
        public_page("the unpublished draft", _draft_version, NOT_FOUND),
    ),
}

MISSING: frozenset[str] = frozenset()
