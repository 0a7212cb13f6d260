"""Actions: Action plans for any source record (a practice review, a child death review, an audit,
a Section 11 return, a scrutiny finding): owners, due dates, RAG status, progress updates with
evidence, and the review cycle.

May import: core, accounts, activity_log, partnership.
"""
