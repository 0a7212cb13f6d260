"""The matrix's seeded world (once per module, rolled back at the end) and the case count in
the terminal summary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from safeguarding.core.tests.matrix.world import World, build_world

CASES_RUN: list[int] = []


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from safeguarding.core.tests.matrix.registry import missing_names

    missing = sorted(missing_names())
    if missing:
        terminalreporter.write_line(f"URL matrix: {len(missing)} URL names without an entry yet:")
        by_app: dict[str, list[str]] = {}
        for name in missing:
            app, short = name.split(":")
            by_app.setdefault(app, []).append(short)
        for app, names in sorted(by_app.items()):
            terminalreporter.write_line(f"  {app} ({len(names)}): {' '.join(names)}")
    if CASES_RUN:
        terminalreporter.write_line(
            f"URL matrix: {sum(CASES_RUN)} URL x role x object x method cases checked"
        )
