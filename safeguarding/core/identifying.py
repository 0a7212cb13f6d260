"""Spotting what looks like identifying details in free text (a pure module).

`identifying_warnings(text)` returns a short warning for each kind of detail it finds: a full
name ("Firstname Lastname": two capitalised words not in the allow-list of place, agency and
meeting words), a UK phone number, a postcode or a house number and street, a date of birth.
Forms use it as a warning the person must confirm ("I have checked: no names"), not a block:
it cannot be sure, and it is there to make people look again.
"""

from __future__ import annotations

import re

__all__ = ["ALLOWED_WORDS", "identifying_warnings"]

PHONE = re.compile(r"(?<!\d)(?:\+44\s?7\d{3}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
STREET = re.compile(
    r"\b\d{1,4}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Street|St|Road|Rd|Lane|Avenue|Close|Drive|Way|Crescent|Grove|Terrace|Gardens|Court)\b"
)
DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(?:19|20)\d{2})\b"
)
BIRTH_WORDS = re.compile(r"\b(?:DOB|D\.O\.B|date of birth|born on|born)\b", re.IGNORECASE)
NAME_PAIR = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")

# Capitalised words that are not names: places, agencies, meetings, days, months, titles.
ALLOWED_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "our",
        "their",
        "his",
        "her",
        "after",
        "before",
        "during",
        "while",
        "when",
        "where",
        "what",
        "who",
        "which",
        "some",
        "many",
        "most",
        "all",
        "area",
        "areas",
        "district",
        "ward",
        "wards",
        "park",
        "parks",
        "station",
        "bus",
        "train",
        "rail",
        "transport",
        "hub",
        "centre",
        "shopping",
        "town",
        "city",
        "county",
        "street",
        "road",
        "lane",
        "estate",
        "square",
        "market",
        "high",
        "north",
        "south",
        "east",
        "west",
        "central",
        "new",
        "old",
        "upper",
        "lower",
        "little",
        "great",
        "saint",
        "st",
        "children",
        "childrens",
        "child",
        "young",
        "people",
        "youth",
        "service",
        "services",
        "social",
        "care",
        "police",
        "constabulary",
        "fire",
        "health",
        "nhs",
        "trust",
        "hospital",
        "clinical",
        "commissioning",
        "group",
        "board",
        "integrated",
        "system",
        "council",
        "borough",
        "local",
        "authority",
        "school",
        "schools",
        "academy",
        "college",
        "education",
        "team",
        "teams",
        "unit",
        "partnership",
        "safeguarding",
        "community",
        "safety",
        "partners",
        "partner",
        "probation",
        "offending",
        "mace",
        "tactical",
        "strategic",
        "meeting",
        "meetings",
        "group",
        "subgroup",
        "panel",
        "exploitation",
        "criminal",
        "sexual",
        "county",
        "lines",
        "missing",
        "return",
        "home",
        "interview",
        "early",
        "help",
        "family",
        "families",
        "housing",
        "department",
        "office",
        "officer",
        "officers",
        "lead",
        "manager",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "quarter",
        "disruption",
        "outreach",
        "licensing",
        "cctv",
        "operation",
        "project",
        "plan",
        "delivery",
        "action",
        "actions",
        "review",
        "reviews",
        "riverside",
        "canal",
        "library",
        "leisure",
        "retail",
        "takeaway",
        "takeaways",
        "barnardo",
        "barnardos",
        "catch22",
        "victim",
        "support",
        "pseudonym",
        "synthetic",
        "concern",
        "concerns",
        "risk",
        "seen",
        "reported",
        "agreed",
        "discussed",
    ]
)


def _looks_like_name(first: str, last: str) -> bool:
    return first.lower() not in ALLOWED_WORDS and last.lower() not in ALLOWED_WORDS


def identifying_warnings(text: str) -> list[str]:
    """Warnings for what looks like identifying details in `text` (empty when none)."""
    if not text or not text.strip():
        return []
    warnings: list[str] = []
    if any(_looks_like_name(first, last) for first, last in NAME_PAIR.findall(text)):
        warnings.append("a full name")
    if STREET.search(text) or POSTCODE.search(text):
        warnings.append("an address or postcode")
    if PHONE.search(text):
        warnings.append("a phone number")
    if DATE.search(text) and BIRTH_WORDS.search(text):
        warnings.append("a date of birth")
    return warnings
