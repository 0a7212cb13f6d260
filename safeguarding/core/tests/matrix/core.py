"""core: the front door (the public website for anonymous visitors, "My work" for anyone
signed in); the information pages and health check public."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    Case,
    public_page,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    # Anonymous visitors are redirected to the public website's home; signed-in: "My work".
    "core:home": (public_page("no object"),),
    "core:accessibility": (public_page("no object"),),
    "core:privacy": (public_page("no object"),),
    "core:healthz": (public_page("no object"),),
}
