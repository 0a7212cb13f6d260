"""Retention and legal hold: the schedule of how long each record type is kept and what
happens at the end (delete, anonymise or keep), legal holds that stop it, the scheduled
`retention_apply` command and its history, and the subject access download.

A foundation-level app. May import: core, accounts, activity_log, partnership. Domain apps
register their policies with it (`<app>/retention.py`, from their AppConfig.ready()); it never
imports them.
"""
