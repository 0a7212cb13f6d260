"""Child deaths: The child death overview panel's case work: notifications, information gathering,
meetings, panel review and analysis, timeliness and the national data export.

May import: core, accounts, activity_log, partnership, actions, learning.
"""
