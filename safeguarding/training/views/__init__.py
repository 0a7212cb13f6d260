"""Training pages, split by audience and, for running training, by sub-domain: public
(catalogue, briefings, certificate checks), learner (booking and their own records), catalogue
(courses, sessions, briefings, certificates), register (registers and approvals), reports
(agency statements, the impact report), agency (an agency lead's page of their staff's
training), validations and needs (the training needs survey).
Re-exported for urls.py; the breadcrumb trail is in views/common.py."""

from __future__ import annotations

from safeguarding.training.views.agency import agency_training
from safeguarding.training.views.catalogue import (
    briefing_create,
    certificate_revoke,
    course_create,
    course_update,
    manage,
    session_add,
    session_cancel,
    session_create,
    session_update,
)
from safeguarding.training.views.learner import (
    booking_calendar,
    booking_cancel,
    booking_list,
    briefing_complete,
    certificate_download,
    certificate_list,
    evaluation_create,
    impact_response_create,
    offer_accept,
    session_book,
    waitlist_leave,
)
from safeguarding.training.views.needs import (
    needs_response_create,
    needs_survey_create,
    needs_survey_detail,
    needs_survey_list,
)
from safeguarding.training.views.public import (
    briefing_detail,
    briefing_list,
    certificate_verify,
    certificate_verify_code,
    course_detail,
    course_list,
    session_detail,
)
from safeguarding.training.views.register import (
    approval_list,
    booking_approve,
    register_mark_all,
    session_register,
)
from safeguarding.training.views.reports import agency_statement, impact_report, statement_list
from safeguarding.training.views.validations import (
    validation_create,
    validation_detail,
    validation_list,
    validation_resubmit,
)

__all__ = [
    "agency_training",
    "agency_statement",
    "approval_list",
    "booking_approve",
    "booking_calendar",
    "booking_cancel",
    "booking_list",
    "briefing_complete",
    "briefing_create",
    "briefing_detail",
    "briefing_list",
    "certificate_download",
    "certificate_list",
    "certificate_revoke",
    "certificate_verify",
    "certificate_verify_code",
    "course_create",
    "course_detail",
    "course_list",
    "course_update",
    "evaluation_create",
    "impact_report",
    "impact_response_create",
    "manage",
    "needs_response_create",
    "needs_survey_create",
    "needs_survey_detail",
    "needs_survey_list",
    "offer_accept",
    "register_mark_all",
    "session_add",
    "session_book",
    "session_cancel",
    "session_create",
    "session_detail",
    "session_register",
    "session_update",
    "statement_list",
    "validation_create",
    "validation_detail",
    "validation_list",
    "validation_resubmit",
    "waitlist_leave",
]
