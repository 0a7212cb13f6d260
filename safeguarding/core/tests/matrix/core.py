"""core: the front door (the public website for anonymous visitors, "My work" for anyone
signed in); the information pages and health check public."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    NOT_ALLOWED,
    Case,
    public,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    # Anonymous visitors are redirected to the public website's home; signed-in: "My work".
    "core:home": (Case("no object", get=public(), post=public(NOT_ALLOWED)),),
    "core:accessibility": (Case("no object", get=public(), post=public(NOT_ALLOWED)),),
    "core:privacy": (Case("no object", get=public(), post=public(NOT_ALLOWED)),),
    "core:healthz": (Case("no object", get=public(), post=public(NOT_ALLOWED)),),
}
