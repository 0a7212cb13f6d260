"""learning: every role reads published learning; staff and the case-level roles also see
unpublished points and publish them; the administrator manages themes."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANY_ROLE,
    CASE_REVIEW_PANEL,
    CDOP_MANAGER,
    CDOP_PANEL,
    FORBIDDEN,
    NO_ROLE,
    NOT_FOUND,
    OK,
    STAFF,
    STAFF_ONLY,
    Case,
    action,
    expect,
    pk,
    read_page,
    same,
)

published_point = pk("point_published")
unpublished_point = pk("point_unpublished")
theme = pk("theme")
retired_theme = pk("theme_retired")


def group_source(w: Any) -> dict[str, Any]:
    return {
        "source_type_id": ContentType.objects.get_for_model(w.group).pk,
        "source_id": w.group.pk,
    }


ENTRIES: dict[str, tuple[Case, ...]] = {
    "learning:learning_export": (read_page("no object", ANY_ROLE),),
    "learning:learning_point_detail": (
        read_page("published point", ANY_ROLE, published_point),
        read_page(
            "unpublished point",
            expect(NOT_FOUND, (STAFF | {CDOP_MANAGER, CDOP_PANEL, CASE_REVIEW_PANEL}, OK)),
            unpublished_point,
        ),
    ),
    "learning:learning_point_list": (read_page("no object", ANY_ROLE),),
    "learning:learning_point_publish": (
        action(
            "unpublished point",
            expect(
                NOT_FOUND, (STAFF, OK), ({CDOP_MANAGER, CDOP_PANEL, CASE_REVIEW_PANEL}, FORBIDDEN)
            ),
            unpublished_point,
        ),
    ),
    "learning:learning_point_unpublish": (action("published point", STAFF_ONLY, published_point),),
    "learning:learning_source_detail": (read_page("group source", ANY_ROLE, group_source),),
    "learning:learning_trends": (read_page("no object", ANY_ROLE),),
    "learning:learning_trends_export": (read_page("no object", ANY_ROLE),),
    "learning:theme_create": (
        same("no object", expect(FORBIDDEN, (ADMIN, OK), (NO_ROLE, NOT_FOUND))),
    ),
    "learning:theme_detail": (read_page("theme", ANY_ROLE, theme),),
    "learning:theme_list": (read_page("no object", ANY_ROLE),),
    "learning:theme_reinstate": (
        action(
            "retired theme", expect(FORBIDDEN, (ADMIN, OK), (NO_ROLE, NOT_FOUND)), retired_theme
        ),
    ),
    "learning:theme_rename": (
        same("theme", expect(FORBIDDEN, (ADMIN, OK), (NO_ROLE, NOT_FOUND)), theme),
    ),
    "learning:theme_retire": (
        action("theme", expect(FORBIDDEN, (ADMIN, OK), (NO_ROLE, NOT_FOUND)), theme),
    ),
}
