"""One matrix for the whole platform (issue #12): every URL pattern of every app, tried with a
reachable and an unreachable object for anonymous, every role, a person with no role and the
read-only roles, by GET and POST. A URL name without an entry fails the build."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from safeguarding.core.tests.matrix.conftest import CASES_RUN
from safeguarding.core.tests.matrix.registry import ENTRIES, missing_names, url_names
from safeguarding.core.tests.matrix.spec import (
    ANONYMOUS,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    ROLES,
)
from safeguarding.core.tests.matrix.world import World

pytestmark = pytest.mark.django_db


def test_every_url_name_has_an_entry() -> None:
    without = url_names() - set(ENTRIES) - missing_names()
    assert not without, "URL names with no matrix entry:\n" + "\n".join(sorted(without))
    both = set(ENTRIES) & missing_names()
    assert not both, "URL names both with an entry and listed as missing:\n" + "\n".join(
        sorted(both)
    )
    stale = (set(ENTRIES) | missing_names()) - url_names()
    assert not stale, "matrix entries for URL names that no longer exist:\n" + "\n".join(
        sorted(stale)
    )


def _answer(response: Any) -> str:
    status = response.status_code
    if status in (301, 302, 303):
        location = response.get("Location", "")
        return LOGIN if "/accounts/login/" in location else OK
    return {200: OK, 403: FORBIDDEN, 404: NOT_FOUND, 405: NOT_ALLOWED}.get(status, str(status))


def _matches(role: str, expected: str, got: str) -> bool:
    if role == ANONYMOUS and expected == LOGIN:
        # As the URL safety test: sign-in, or a 404/405 before anything is shown.
        return got in (LOGIN, NOT_FOUND, NOT_ALLOWED)
    return got == expected


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_url_matrix(world: World, name: str) -> None:
    problems = []
    count = 0
    for case in ENTRIES[name]:
        url = reverse(name, kwargs=dict(case.fill(world)))
        for role in ROLES:
            client = world.clients[role]
            for method, answers in (("get", case.get), ("post", case.post)):
                cache.clear()  # rate limits (public forms) would answer 429 by the end
                with transaction.atomic():
                    response = getattr(client, method)(url, {})
                    transaction.set_rollback(True)
                got = _answer(response)
                count += 1
                if not _matches(role, answers[role], got):
                    problems.append(
                        f"{method.upper()} {url} [{case.label}] as {role}: "
                        f"got {got}, expected {answers[role]}"
                    )
    CASES_RUN.append(count)
    assert not problems, f"{name}:\n" + "\n".join(problems)
