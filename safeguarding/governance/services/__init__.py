"""Every write to the arrangements, meetings and priorities, each recorded in the activity log in
the same transaction.

Rules:

* One holder per seat: an appointment may not overlap another for the same role (and, for the
  partner roles, the same agency). Checked under a lock on the seat's rows
  (`select_for_update`), because SQLite has no exclusion constraint.
* Attendance, minutes and decisions are recorded only once the meeting has started.
* Papers are checked by their content (PDF, Word, Excel or PowerPoint files) and size, and stored
  under generated names.
* An escalation goes to a group above the meeting's group in the governance structure, and
  lands on that group's next meeting: the next one already scheduled, or the next scheduled.
* A version of the arrangements is published only once a lead safeguarding partner for each of
  the three statutory partners (local authority, police, health) has signed it off (for a
  version agreed under Working Together 2018, a safeguarding partner for each).
"""

from safeguarding.governance.services.arrangements import (
    SIGNING_ROLES,
    STATUTORY_ROLES,
    appointment_create,
    appointment_end,
    arrangements_document_create,
    arrangements_document_publish,
    arrangements_document_sign,
    arrangements_member_add,
    arrangements_signatories_missing,
    budget_line_record,
    funding_contribution_record,
)
from safeguarding.governance.services.meetings import (
    DEFAULT_PAPERS_WORKING_DAYS,
    AttendanceEntry,
    agenda_item_add,
    decision_record,
    escalation_outcome_record,
    escalation_raise,
    group_papers_policy_set,
    is_higher_group,
    meeting_action_record,
    meeting_attendance_record,
    meeting_cancel,
    meeting_invitations_send,
    meeting_minutes_record,
    meeting_recipients,
    meeting_reschedule,
    meeting_schedule,
    papers_working_days_for,
)
from safeguarding.governance.services.papers import (
    PAPER_KINDS,
    paper_check,
    paper_download_record,
    paper_upload,
    papers_publish,
)
from safeguarding.governance.services.priorities import (
    evidence_link,
    evidence_link_by_id,
    priority_plan_save,
    priority_progress_record,
)
from safeguarding.governance.services.reminders import (
    GovernanceReminderResult,
    governance_reminders_send,
)

__all__ = [
    "DEFAULT_PAPERS_WORKING_DAYS",
    "PAPER_KINDS",
    "SIGNING_ROLES",
    "STATUTORY_ROLES",
    "AttendanceEntry",
    "GovernanceReminderResult",
    "agenda_item_add",
    "appointment_create",
    "appointment_end",
    "arrangements_document_create",
    "arrangements_document_publish",
    "arrangements_document_sign",
    "arrangements_member_add",
    "arrangements_signatories_missing",
    "budget_line_record",
    "decision_record",
    "escalation_outcome_record",
    "escalation_raise",
    "evidence_link",
    "evidence_link_by_id",
    "funding_contribution_record",
    "governance_reminders_send",
    "group_papers_policy_set",
    "is_higher_group",
    "meeting_action_record",
    "meeting_attendance_record",
    "meeting_cancel",
    "meeting_invitations_send",
    "meeting_minutes_record",
    "meeting_recipients",
    "meeting_reschedule",
    "meeting_schedule",
    "paper_download_record",
    "paper_check",
    "paper_upload",
    "papers_publish",
    "papers_working_days_for",
    "priority_plan_save",
    "priority_progress_record",
]
