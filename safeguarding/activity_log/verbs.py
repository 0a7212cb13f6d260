"""The verbs the activity log records itself, for every app: a view of a sensitive record, an
export or download, signing in and out. Apps record their own writes with their own verbs
(`<app>/verbs.py`). These are read back by verb in tests and reports, so their values stay."""

from __future__ import annotations

VIEWED = "viewed"
EXPORTED = "exported"
SIGNED_IN = "signed_in"
SIGNED_OUT = "signed_out"
