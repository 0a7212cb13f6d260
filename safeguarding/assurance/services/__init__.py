"""Every write of the assurance app, split by sub-domain and re-exported here."""

from __future__ import annotations

from safeguarding.assurance.services.audits import (
    audit_case_add,
    audit_case_complete,
    audit_complete,
    audit_create,
    audit_finding_record,
    audit_moderate,
)
from safeguarding.assurance.services.forms import (
    answers_clean,
    form_question_add,
    form_question_remove,
    form_question_update,
    form_section_add,
    form_template_create,
    form_version_editable,
    form_version_freeze,
    response_record,
)
from safeguarding.assurance.services.oversight import (
    commentary_board_response_record,
    commentary_review,
    commentary_submit,
    professional_difference_record,
    professional_difference_update,
    scrutiny_assessment_record,
    scrutiny_recommendation_action,
    scrutiny_report_create,
)
from safeguarding.assurance.services.section11 import (
    ReminderResult,
    section11_action_plan,
    section11_challenge_record,
    section11_cycle_create,
    section11_feedback_record,
    section11_return_moderate,
    section11_return_save,
    section11_return_submit,
    section11_send_reminders,
)
from safeguarding.assurance.services.surveys import survey_answer, survey_create, survey_update

__all__ = [
    "ReminderResult",
    "answers_clean",
    "audit_case_add",
    "audit_case_complete",
    "audit_complete",
    "audit_create",
    "audit_finding_record",
    "audit_moderate",
    "commentary_board_response_record",
    "commentary_review",
    "commentary_submit",
    "form_question_add",
    "form_question_remove",
    "form_question_update",
    "form_section_add",
    "form_template_create",
    "form_version_editable",
    "form_version_freeze",
    "professional_difference_record",
    "professional_difference_update",
    "response_record",
    "scrutiny_assessment_record",
    "scrutiny_recommendation_action",
    "scrutiny_report_create",
    "section11_action_plan",
    "section11_challenge_record",
    "section11_cycle_create",
    "section11_feedback_record",
    "section11_return_moderate",
    "section11_return_save",
    "section11_return_submit",
    "section11_send_reminders",
    "survey_answer",
    "survey_create",
    "survey_update",
]
