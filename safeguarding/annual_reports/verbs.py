"""Activity-log verbs written by the annual reports app."""

from __future__ import annotations

EDITION_CREATED = "report_edition.created"
EDITION_UPDATED = "report_edition.updated"
EDITION_SUBMITTED = "report_edition.submitted"
EDITION_RETURNED = "report_edition.returned"
EDITION_SIGNED_OFF = "report_edition.signed_off"
EDITION_PUBLISHED = "report_edition.published"
EDITION_REOPENED = "report_edition.reopened"
EDITION_FOLLOW_UP_RECORDED = "report_edition.follow_up_recorded"
SECTION_CREATED = "report_section.created"
SECTION_UPDATED = "report_section.updated"
SECTION_MOVED = "report_section.moved"
SIGN_OFF_RECORDED = "report_sign_off.recorded"
CONTEXT_FIGURE_CREATED = "context_figure.created"
CONTEXT_FIGURE_UPDATED = "context_figure.updated"
CONTEXT_FIGURES_IMPORTED = "context_figure.imported"
