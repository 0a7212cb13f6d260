"""Pure rules about the child's identity and age: NHS number check digit, name normalisation for
duplicate matching, age at death and its band, and review timeliness bands."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from difflib import SequenceMatcher

from safeguarding.child_deaths.models import AgeBand
from safeguarding.core.dates import add_months

NHS_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def nhs_number_clean(value: str) -> str:
    """Digits only: NHS numbers are often written 943 476 5919 or 943-476-5919."""
    return re.sub(r"[\s-]", "", value or "")


def nhs_check_digit(first_nine: str) -> int | None:
    """Modulus 11: weights 10..2, 11 - (sum mod 11); 11 becomes 0; 10 means no valid number."""
    total = sum(int(d) * w for d, w in zip(first_nine, NHS_WEIGHTS, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def nhs_number_is_valid(value: str) -> bool:
    digits = nhs_number_clean(value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def name_normalise(name: str) -> str:
    """Upper case, accents and punctuation removed, single spaces: "Zoë  O'Neil" -> "ZOE ONEIL"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    letters = re.sub(r"[^A-Za-z ]", "", plain)
    return " ".join(letters.upper().split())


def name_similarity(first: str, second: str) -> float:
    """0..1 similarity of two normalised names (difflib ratio, word order ignored)."""
    a = " ".join(sorted(name_normalise(first).split()))
    b = " ".join(sorted(name_normalise(second).split()))
    return SequenceMatcher(None, a, b).ratio()


def age_in_years(born: date, on: date) -> int:
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


def age_band(born: date, died: date) -> AgeBand | None:
    """The national age band, or None when the person was 18 or over (not a child)."""
    days = (died - born).days
    if days < 28:
        return AgeBand.NEONATAL
    years = age_in_years(born, died)
    if years < 1:
        return AgeBand.INFANT
    if years < 5:
        return AgeBand.ONE_TO_FOUR
    if years < 10:
        return AgeBand.FIVE_TO_NINE
    if years < 15:
        return AgeBand.TEN_TO_FOURTEEN
    if years < 18:
        return AgeBand.FIFTEEN_TO_SEVENTEEN
    return None


class Timeliness:
    WITHIN_6 = "within_6"
    SIX_TO_12 = "6_to_12"
    OVER_12 = "over_12"
    LABELS = {
        WITHIN_6: "Within 6 months",
        SIX_TO_12: "6 to 12 months",
        OVER_12: "Over 12 months",
    }


def timeliness_band(died: date, completed: date) -> str:
    """Months from death to completed review: on or before the date 6 months after the death
    is within 6 months; on or before 12 months after is 6 to 12 months; later is over 12."""
    if completed <= add_months(died, 6):
        return Timeliness.WITHIN_6
    if completed <= add_months(died, 12):
        return Timeliness.SIX_TO_12
    return Timeliness.OVER_12


def months_between(start: date, end: date) -> int:
    """Whole calendar months from start to end."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def text_identifies_child(text: str, *, child_name: str) -> bool:
    """True when free text written for the activity log carries the child's name (any part
    of three letters or more) or something that looks like an NHS number (10 digits, spaced
    or not): such text must not reach the log."""
    if re.search(r"\d{10}", nhs_number_clean(text)):
        return True
    words = set(name_normalise(text).split())
    return any(len(part) >= 3 and part in words for part in name_normalise(child_name).split())
