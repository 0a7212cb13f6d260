"""Training rules shared by forms and services (forms never import services)."""

from __future__ import annotations

# The partnership's checklist for validating single-agency safeguarding training.
VALIDATION_CHECKLIST: list[tuple[str, str]] = [
    ("procedures", "Reflects the partnership's current safeguarding procedures"),
    ("priorities", "Covers the Board's priorities relevant to the audience"),
    ("learning", "Includes learning from local and national case reviews"),
    ("escalation", "Explains resolving professional differences (escalation)"),
    ("voice", "Keeps the lived experience and voice of the child central"),
    ("trainer", "The trainer has the knowledge and experience to deliver it"),
]
