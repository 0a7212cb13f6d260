"""core: the home page for anyone signed in; the information pages and health check public."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import NOT_ALLOWED, OK, Case, expect, public, read_page

ENTRIES: dict[str, tuple[Case, ...]] = {
    "core:home": (read_page("no object", expect(OK)),),
    "core:accessibility": (Case("no object", public(), public(NOT_ALLOWED)),),
    "core:privacy": (Case("no object", public(), public(NOT_ALLOWED)),),
    "core:healthz": (Case("no object", public(), public(NOT_ALLOWED)),),
}
