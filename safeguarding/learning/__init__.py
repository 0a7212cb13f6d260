"""Learning: The managed taxonomy of learning themes and the learning points any module records
against its source record; the database of learning is built on them.

May import: core, accounts, activity_log, partnership.
"""
