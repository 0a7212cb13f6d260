"""Training: Multi-agency training: courses, sessions, bookings and waiting lists, attendance,
evaluation, certificates, virtual briefings, single-agency course validation and training needs.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
