"""An import's progress, written where the progress page can see it while the import runs."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, connections

ProgressWrite = Callable[[int, int], None]


def progress_writer(batch_id: int) -> tuple[ProgressWrite, Callable[[], None]]:
    """(write(done, total), close). Progress is written on a second connection (PostgreSQL), so
    the page sees it while the import's own transaction is still open. Elsewhere it is written
    when the import ends."""
    if connection.vendor != "postgresql":
        return (lambda done, total: None), (lambda: None)
    side = connections.create_connection("default")

    def write(done: int, total: int) -> None:
        with side.cursor() as cursor:
            cursor.execute(
                "UPDATE datasets_importbatch SET rows_done = %s, rows_total = %s WHERE id = %s",
                [done, max(total, done), batch_id],
            )

    return write, side.close
