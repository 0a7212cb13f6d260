"""The activity-log verbs learning's services record (`<entity>.<past participle>`)."""

from __future__ import annotations

THEME_CREATED = "theme.created"
THEME_RENAMED = "theme.renamed"
THEME_RETIRED = "theme.retired"
THEME_REINSTATED = "theme.reinstated"

LEARNING_POINT_RECORDED = "learning_point.recorded"
LEARNING_POINT_UPDATED = "learning_point.updated"
LEARNING_POINT_PUBLISHED = "learning_point.published"
LEARNING_POINT_UNPUBLISHED = "learning_point.unpublished"
LEARNING_POINT_SOURCE_TITLE_CHANGED = "learning_point.source_title_changed"
