"""learning: every role reads published learning; staff and the case-level roles also see
unpublished points and publish them; the administrator manages themes."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    BUSINESS_UNIT,
    CASE_REVIEW_PANEL,
    CDOP_MANAGER,
    CDOP_PANEL,
    FORBIDDEN,
    NO_ROLE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    expect,
    no_object,
)


def published_point(w: Any) -> dict[str, Any]:
    return {"pk": w.point_published.pk}


def unpublished_point(w: Any) -> dict[str, Any]:
    return {"pk": w.point_unpublished.pk}


def theme(w: Any) -> dict[str, Any]:
    return {"pk": w.theme.pk}


def retired_theme(w: Any) -> dict[str, Any]:
    return {"pk": w.theme_retired.pk}


def group_source(w: Any) -> dict[str, Any]:
    return {
        "source_type_id": ContentType.objects.get_for_model(w.group).pk,
        "source_id": w.group.pk,
    }


ENTRIES: dict[str, tuple[Case, ...]] = {
    "learning:learning_export": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "learning:learning_point_detail": (
        Case(
            "published point",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=published_point,
        ),
        Case(
            "unpublished point",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CDOP_MANAGER, CDOP_PANEL, CASE_REVIEW_PANEL}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=unpublished_point,
        ),
    ),
    "learning:learning_point_list": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "learning:learning_point_publish": (
        Case(
            "unpublished point",
            get=expect(NOT_ALLOWED),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CDOP_MANAGER, CDOP_PANEL, CASE_REVIEW_PANEL}, FORBIDDEN),
            ),
            fill=unpublished_point,
        ),
    ),
    "learning:learning_point_unpublish": (
        Case(
            "published point",
            get=expect(NOT_ALLOWED),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=published_point,
        ),
    ),
    "learning:learning_source_detail": (
        Case(
            "group source",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=group_source,
        ),
    ),
    "learning:learning_trends": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "learning:learning_trends_export": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "learning:theme_create": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "learning:theme_detail": (
        Case(
            "theme",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=theme,
        ),
    ),
    "learning:theme_list": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "learning:theme_reinstate": (
        Case(
            "retired theme",
            get=expect(NOT_ALLOWED),
            post=expect(FORBIDDEN, ({ADMIN}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=retired_theme,
        ),
    ),
    "learning:theme_rename": (
        Case(
            "theme",
            get=expect(FORBIDDEN, ({ADMIN}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=theme,
        ),
    ),
    "learning:theme_retire": (
        Case(
            "theme",
            get=expect(NOT_ALLOWED),
            post=expect(FORBIDDEN, ({ADMIN}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=theme,
        ),
    ),
}
