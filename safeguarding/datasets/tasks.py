"""Background wrapper around the import service (long imports run here, not in the request)."""

from __future__ import annotations

from pathlib import Path

from django_tasks import task

from safeguarding.datasets import services


@task()
def import_batch_run_task(
    *, batch_id: int, paths: list[str], names: list[str] | None = None
) -> str:
    batch = services.import_batch_run(
        batch_id=batch_id, paths=[Path(p) for p in paths], names=names
    )
    return str(batch.status)
