"""Actions: action plans for any source record (a practice review, a child death review, an audit,
a Section 11 return, a scrutiny finding): owners, due dates, RAG status, progress updates with
evidence, and the review cycle.

Domain apps attach actions to their own records through this API (and nothing else):

* services.action_plan_get_or_create_for(actor=, source=, title=, review_every_months=2)
* services.action_create(actor=, plan=, description=, owner_agency=, due_date=, owner_person=None,
  success_measure="")
* services.action_update(actor=, action=, expected_version=, description=, success_measure=,
  owner_agency=, owner_person=, due_date=)  (EditConflictError)
* services.action_progress_add(actor=, action=, note=, status=, evidence=None, completed_on=None)
* services.action_plan_review_record(actor=, plan=, reviewed_on=, notes="")
* selectors.action_list_for_source(source=, user=None), selectors.action_plan_for_source(source=)
* selectors.action_list_for_user(user=, status=, overdue=, agency=, plan=)
* permissions.get_action_for_user_or_404 / get_action_plan_for_user_or_404

The overdue rule and the RAG colours are documented in models.py; who may do what in
permissions.py.

May import: core, accounts, activity_log, partnership.
"""
