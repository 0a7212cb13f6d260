"""The matrix's seeded world (once per module, rolled back at the end) and the count of cases
run (the root conftest prints it in the terminal summary, summed over xdist's workers)."""

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
