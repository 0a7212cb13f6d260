"""Governance: the safeguarding arrangements under Working Together 2023 and how the partnership
runs them: dated appointments (lead and delegated safeguarding partners, the chair, the
independent scrutineer), the agencies named in the arrangements, the published arrangements
document and its sign-off, funding, meetings of every group (agendas, papers, attendance,
decisions, actions, escalations), and the priorities plan with its evidence and progress.

A shared capability beside `actions` and `learning`: domain apps may import it (for example to
register evidence providers with `governance.evidence.register`), it imports no domain app.

Public API for other apps:

* evidence.register(model_label, label, figure_fn) -- let records of a model be linked to a
  priority as evidence, with the figures counted from them (see docs/modules/governance.md)
* services.evidence_link(actor=, priority=, record=, note="")
* selectors.priority_evidence(priority=) and reporting.* for the annual report

May import: core, accounts, activity_log, partnership, actions, learning.
"""
