"""published_reports: the published yearly reports are public (anonymous visitors too); a
year or version never published, or a version with no children's summary, is 404.

The records (a published 2020-21 edition with version 1, an unpublished 2021-22 draft) are
built by the annual_reports matrix module's build(world)."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    public,
)


def _page(label: str, answer: str, fill: Any) -> Case:
    return Case(label, get=public(answer), post=public(NOT_ALLOWED), fill=fill)


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
    "published_reports:published_list": (
        Case("no object", get=public(), post=public(NOT_ALLOWED)),
    ),
    "published_reports:published_latest": (
        _page("a published year", OK, _published_year),
        _page("a year only drafted", NOT_FOUND, _draft_year),
    ),
    "published_reports:published_version": (
        _page("version 1", OK, _version),
        _page("a version not published", NOT_FOUND, _no_version),
        _page("the unpublished draft", NOT_FOUND, _draft_version),
    ),
    "published_reports:published_pdf": (
        _page("version 1", OK, _version),
        _page("the unpublished draft", NOT_FOUND, _draft_version),
    ),
    "published_reports:published_young_people": (
        _page("version 1", OK, _version),
        _page("the unpublished draft", NOT_FOUND, _draft_version),
    ),
}

MISSING: frozenset[str] = frozenset()
