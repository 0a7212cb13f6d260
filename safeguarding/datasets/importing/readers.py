"""Which parser reads a return, by its kind (detected from the files' content)."""

from __future__ import annotations

from pathlib import Path

from safeguarding.datasets.importing.progress import ProgressWrite
from safeguarding.datasets.importing.store import RecordStore
from safeguarding.datasets.models import ImportBatch, ReturnKind
from safeguarding.datasets.parsers import annex_a, cin, detect, ssda903
from safeguarding.datasets.parsers.common import Problems


def return_read(
    *,
    kind: str,
    paths: list[Path],
    batch: ImportBatch,
    store: RecordStore,
    problems: Problems,
    progress: ProgressWrite,
) -> None:
    if kind == ReturnKind.ANNEX_A:
        annex_a.read(paths[0], sink=store, problems=problems, progress=progress)
    elif kind == ReturnKind.CIN:
        cin.read(
            paths[0],
            sink=store,
            problems=problems,
            la_number=batch.area.la_number,
            period_end=batch.period_end,
            progress=progress,
        )
    elif detect.is_ssda903_xml(paths[0]):
        ssda903.read_xml(paths[0], sink=store, problems=problems, progress=progress)
    else:
        ssda903.read_csv(paths, sink=store, problems=problems, progress=progress)
