"""Tested restore: a `pg_dump -Fc` of the database restores into a scratch database whole.

These tests need the test database to be PostgreSQL and the PostgreSQL client tools on PATH (CI:
.ci/run sets DATABASE_URL). On SQLite they are skipped, and the skip gives the reason. They use
transactional_db, because pg_dump reads committed rows from a connection of its own. Runbook:
docs/runbooks/backup-and-restore.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection, transaction
from psycopg.conninfo import make_conninfo

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.partnership import services
from safeguarding.partnership.models import Partnership

BASE_DIR = Path(settings.BASE_DIR)
SCRIPT = BASE_DIR / "scripts" / "backup_restore_check.sh"
PG_TOOLS = ("pg_dump", "pg_restore", "psql", "createdb", "dropdb")
SCRATCH_SUFFIX = "_restore_check"  # as in scripts/backup_restore_check.sh


@dataclass(frozen=True)
class Server:
    """How to reach the PostgreSQL server that holds the test database."""

    host: str
    port: str
    user: str
    password: str
    test_db: str

    @property
    def scratch_db(self) -> str:
        return f"{self.test_db}{SCRATCH_SUFFIX}"

    def libpq_env(self) -> dict[str, str]:
        env = dict(os.environ)
        for name, value in [
            ("PGHOST", self.host),
            ("PGPORT", self.port),
            ("PGUSER", self.user),
            ("PGPASSWORD", self.password),
        ]:
            if value:
                env[name] = value
        return env

    def url(self, db: str) -> str:
        credentials = quote(self.user, safe="")
        if self.password:
            credentials += ":" + quote(self.password, safe="")
        port = f":{self.port}" if self.port else ""
        return f"postgres://{credentials}@{self.host or '127.0.0.1'}{port}/{db}"

    def connect(self, db: str) -> psycopg.Connection[Any]:
        params = {"host": self.host, "port": self.port, "user": self.user}
        params["password"] = self.password
        given = {name: value for name, value in params.items() if value}
        return psycopg.connect(make_conninfo("", dbname=db, **given))


def _run(args: list[str], *, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed argument lists, no shell
        args, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _drop_scratch(server: Server) -> None:
    _run(["dropdb", "--if-exists", server.scratch_db], env=server.libpq_env())


def _database_exists(server: Server, name: str) -> bool:
    with server.connect("postgres") as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


@pytest.fixture
def server(transactional_db: None) -> Iterator[Server]:
    if connection.vendor != "postgresql":
        pytest.skip(
            "backup and restore needs PostgreSQL: the test database is "
            f"{connection.vendor} (set DATABASE_URL=postgres://... as .ci/run does)"
        )
    missing = [tool for tool in PG_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            "backup and restore needs the PostgreSQL client tools on PATH; not found: "
            + ", ".join(missing)
        )
    db = connection.settings_dict
    found = Server(
        host=str(db.get("HOST") or ""),
        port=str(db.get("PORT") or ""),
        user=str(db.get("USER") or ""),
        password=str(db.get("PASSWORD") or ""),
        test_db=str(db["NAME"]),
    )
    _drop_scratch(found)  # left behind by an interrupted run
    try:
        yield found
    finally:
        _drop_scratch(found)


def _some_records() -> None:
    services.partnership_create(actor=None, name="Northshire Safeguarding Children Partnership")
    services.partnership_create(actor=None, name="Southvale Safeguarding Children Partnership")


def _counts(conn: psycopg.Connection[Any]) -> dict[str, int]:
    counts = {}
    for model in (ActivityEvent, Partnership):
        table = model._meta.db_table
        row = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # noqa: S608
        assert row is not None
        counts[table] = int(row[0])
    return counts


def _chain(conn: psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
    table = ActivityEvent._meta.db_table
    query = f'SELECT id, previous_hash, hash FROM "{table}" ORDER BY id'  # noqa: S608
    return [tuple(row) for row in conn.execute(query).fetchall()]


def test_restored_copy_has_the_same_rows_and_an_intact_chain(
    server: Server, tmp_path: Path
) -> None:
    _some_records()
    dump = tmp_path / "backup.dump"
    env = server.libpq_env()

    dumped = _run(["pg_dump", "-Fc", f"--file={dump}", server.test_db], env=env)
    assert dumped.returncode == 0, dumped.stderr
    created = _run(["createdb", server.scratch_db], env=env)
    assert created.returncode == 0, created.stderr
    restore = ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={server.scratch_db}"]
    restored = _run([*restore, str(dump)], env=env)
    assert restored.returncode == 0, restored.stderr

    with server.connect(server.test_db) as source, server.connect(server.scratch_db) as copy:
        source_counts, copy_counts = _counts(source), _counts(copy)
        source_chain, copy_chain = _chain(source), _chain(copy)
    assert copy_counts == source_counts
    assert source_counts[Partnership._meta.db_table] == 2
    assert source_counts[ActivityEvent._meta.db_table] >= 2
    assert copy_chain == source_chain
    verified = _run(
        [sys.executable, str(BASE_DIR / "manage.py"), "activity_log_verify"],
        env=env
        | {
            "DATABASE_URL": server.url(server.scratch_db),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        },
    )
    assert verified.returncode == 0, verified.stderr
    assert f"Activity log intact: {len(source_chain)} events." in verified.stdout


def _script(server: Server) -> subprocess.CompletedProcess[str]:
    return _run(
        ["bash", str(SCRIPT), server.url(server.test_db)],
        env=server.libpq_env() | {"PYTHON": sys.executable},
    )


def test_backup_restore_check_script_passes_and_drops_its_scratch_database(
    server: Server,
) -> None:
    _some_records()

    result = _script(server)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Row counts match" in result.stdout
    assert "Activity log intact" in result.stdout
    assert "Restore check passed" in result.stdout
    assert not _database_exists(server, server.scratch_db)


def test_backup_restore_check_script_fails_when_the_chain_was_tampered_with(
    server: Server,
) -> None:
    _some_records()
    first = ActivityEvent.objects.order_by("id").values_list("id", flat=True).first()
    table = ActivityEvent._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = 'replica'")  # skips the trigger
        cursor.execute(f'UPDATE "{table}" SET verb = %s WHERE id = %s', ["forged", first])  # noqa: S608

    result = _script(server)

    assert result.returncode != 0
    assert f"Chain broken at event {first}" in result.stderr
    assert not _database_exists(server, server.scratch_db)
