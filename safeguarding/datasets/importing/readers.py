"""Which parser reads a return, by its kind (detected from the files' content)."""

from __future__ import annotations

from pathlib import Path

from safeguarding.datasets import specifications
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
) -> list[str]:
    """Read the return into the store, the later layouts' records (Annex A lists 9-11, the
    census's pre-proceedings module and episode codes) included; the optional parts of the
    layout the file carried (`specifications.PART_*`)."""
    if kind == ReturnKind.ANNEX_A:
        lists = annex_a.read(
            paths[0], sink=store, problems=problems, progress=progress, later=store
        )
        return specifications.annex_a_parts(lists)
    if kind == ReturnKind.CIN:
        cin.read(
            paths[0],
            sink=store,
            problems=problems,
            la_number=batch.area.la_number,
            period_end=batch.period_end,
            progress=progress,
            later=store,
        )
        return specifications.cin_parts(specifications.collection_year(batch.period_end))
    if detect.is_ssda903_xml(paths[0]):
        ssda903.read_xml(paths[0], sink=store, problems=problems, progress=progress)
    else:
        ssda903.read_csv(paths, sink=store, problems=problems, progress=progress)
    return []
