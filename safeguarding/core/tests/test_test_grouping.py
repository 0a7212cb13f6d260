"""The suite's own set-up: `make test` runs two pytest-xdist workers with `--dist loadgroup`,
and the root conftest marks each test with the group that keeps it on one worker (its file; the
tests that share the seeded demo, together). pytest-xdist reads those marks in its own collection
hook: if it reads them before the conftest sets them, or a pytest release changes how it reads
them (pytest-dev/pytest-xdist#1386, pytest 9.2), every file is spread over both workers and the
demo is seeded twice, with nothing failing. This test fails instead."""

from __future__ import annotations

import pytest


def test_this_test_is_kept_to_its_files_worker(request: pytest.FixtureRequest) -> None:
    path = request.node.nodeid.split("::")[0]
    marks = [mark.args[0] for mark in request.node.iter_markers("xdist_group")]
    assert marks == [path]
    if request.config.getoption("loadgroup", default=False):  # a pytest-xdist worker
        assert request.node.nodeid.endswith(f"@{path}"), (
            "pytest-xdist did not take up this test's group: see this module's docstring"
        )
