"""Activity log: the append-only, hash-chained trail of every write, every view of a sensitive
record and every export or download (technical audit trail; "audit" is a domain word).

May import: core, accounts.
"""
