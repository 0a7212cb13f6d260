"""The annual report's pages: the computed report of a year (reports.py), editions with their
sections, workflow and publication (editions.py), context figures (context.py),
partners' contributions (contributions.py), the scrutineer's report (scrutineer.py), and the public
pages of published versions (public.py)."""

from __future__ import annotations

from safeguarding.annual_reports.views.context import (
    context_figure_create,
    context_figure_import,
    context_figure_list,
    context_figure_update,
)
from safeguarding.annual_reports.views.contributions import (
    contribution_accept,
    contribution_detail,
    contribution_list,
    contribution_request,
    contribution_return,
    contribution_submit,
    contribution_update,
)
from safeguarding.annual_reports.views.editions import (
    edition_create,
    edition_detail,
    edition_follow_up,
    edition_preview,
    edition_publish,
    edition_reopen,
    edition_return,
    edition_sign_off,
    edition_submit,
    edition_update,
    figure_list,
    section_create,
    section_move,
    section_update,
)
from safeguarding.annual_reports.views.provenance import figure_detail, figure_records
from safeguarding.annual_reports.views.reports import (
    report_detail,
    report_download,
    report_index,
)
from safeguarding.annual_reports.views.scrutineer import (
    scrutineer_part_list,
    scrutineer_part_update,
    scrutineer_parts_create,
)

__all__ = [
    "contribution_accept",
    "contribution_detail",
    "contribution_list",
    "contribution_request",
    "contribution_return",
    "contribution_submit",
    "contribution_update",
    "context_figure_create",
    "context_figure_import",
    "context_figure_list",
    "context_figure_update",
    "edition_create",
    "edition_detail",
    "edition_follow_up",
    "edition_preview",
    "edition_publish",
    "edition_reopen",
    "edition_return",
    "edition_sign_off",
    "edition_submit",
    "edition_update",
    "figure_detail",
    "figure_list",
    "figure_records",
    "report_detail",
    "report_download",
    "report_index",
    "scrutineer_part_list",
    "scrutineer_part_update",
    "scrutineer_parts_create",
    "section_create",
    "section_move",
    "section_update",
]
