"""Assurance: Quality assurance: multi-agency audits, Section 11 self-assessment, single agency
performance commentary, surveys, independent scrutiny and professional differences.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
