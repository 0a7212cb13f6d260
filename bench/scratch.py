"""What the PostgreSQL benchmarks share: the DATABASE_URL they need, and a scratch database made
on that server for one run and dropped after it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit


def postgres_url(needs: str) -> str:
    """DATABASE_URL when it names a PostgreSQL server; otherwise "" after saying what to set."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    print(f"Set DATABASE_URL=postgres://... ({needs}).")
    return ""


def database_url(server_url: str, name: str) -> str:
    """The URL of the database `name` on the server `server_url` points at."""
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def _admin(server_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(database_url(server_url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def scratch_database(server_url: str, name: str) -> Iterator[str]:
    """A new, empty database `name` on the server, for the run: yields its URL and drops it
    afterwards (closing Django's connections to it first, where Django was set up)."""
    _admin(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(server_url, f"CREATE DATABASE {name}")
    try:
        yield database_url(server_url, name)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        _admin(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
