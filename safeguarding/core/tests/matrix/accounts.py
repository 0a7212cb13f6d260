"""accounts: a person's own profile, for anyone signed in."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    OK,
    Case,
    expect,
    read_page,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    "accounts:profile": (read_page("no object", expect(OK)),),
}
