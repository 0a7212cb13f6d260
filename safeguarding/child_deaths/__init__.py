"""Child deaths: The child death overview panel's case work: notifications, information gathering,
meetings, panel review and analysis, timeliness and the national data export.

Identifying details of the child are encrypted at rest and matched by keyed hashes; figures are
de-identified (reporting.py feeds the annual report). Only CDOP managers and CDOP panel members
(for their meetings' cases) see case records; agency leads see their own information requests.
The module guide is docs/modules/child_deaths.md.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
