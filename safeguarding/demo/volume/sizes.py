"""How much each scale makes. `large` is issue #17's ten years of a large partnership; `medium`
is a tenth of it and `small` a hundredth (fast enough for a test). The sizes are totals, spread
over the years asked for. `returns_years`: the most recent ended reporting years that get the
demo areas' three data returns (the demo's own 2019-20 and 2020-21 are kept, not repeated)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    people: int
    courses: int
    sessions: int
    bookings: int
    practice_reviews: int
    actions_per_review: int
    child_deaths: int
    events: int
    returns_years: int

    @property
    def actions(self) -> int:
        return self.practice_reviews * self.actions_per_review


SCALES: dict[str, Sizes] = {
    "large": Sizes(
        people=50_000,
        courses=50,
        sessions=5_000,
        bookings=150_000,
        practice_reviews=500,
        actions_per_review=10,
        child_deaths=3_000,
        events=1_000_000,
        returns_years=6,
    ),
    "medium": Sizes(
        people=5_000,
        courses=20,
        sessions=500,
        bookings=15_000,
        practice_reviews=50,
        actions_per_review=10,
        child_deaths=300,
        events=100_000,
        returns_years=2,
    ),
    "small": Sizes(
        people=500,
        courses=5,
        sessions=50,
        bookings=1_500,
        practice_reviews=5,
        actions_per_review=10,
        child_deaths=30,
        events=10_000,
        returns_years=0,
    ),
}
