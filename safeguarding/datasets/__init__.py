"""Safeguarding data: Imports the local authorities' data returns (Annex A, CIN census, SSDA903)
and computes each area's safeguarding figures.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
