"""Activity-log verbs of retention and legal hold."""

from __future__ import annotations

LEGAL_HOLD_PLACED = "legal_hold.placed"
LEGAL_HOLD_RELEASED = "legal_hold.released"
# One event per record type per applied run, with counts only (never the removed content).
RETENTION_APPLIED = "retention.applied"
# One event per batch, written in the batch's own transaction with its removals (counts only).
RETENTION_BATCH_APPLIED = "retention.batch_applied"
