"""The files of an import: kept in a folder of their own until the import has read them."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from safeguarding.datasets.rules import ALLOWED_SUFFIXES

UPLOAD_FOLDER_PREFIX = "datasets-upload-"


def files_store(files: Sequence[UploadedFile | Path]) -> list[Path]:
    """Copy each file into a new upload folder (settings.DATASETS_UPLOAD_DIR, or the system's
    temporary folder). An upload is saved under a name of our own (return-0.xlsx: never the
    uploader's name); a file given by path keeps its name, so messages name it."""
    folder = Path(tempfile.mkdtemp(prefix=UPLOAD_FOLDER_PREFIX, dir=settings.DATASETS_UPLOAD_DIR))
    paths = []
    for index, item in enumerate(files):
        if isinstance(item, Path):
            path = folder / item.name
            shutil.copyfile(item, path)
        else:
            name = str(item.name or "").lower()
            suffix = next((s for s in ALLOWED_SUFFIXES if name.endswith(s)), ".bin")
            path = folder / f"return-{index}{suffix}"
            with path.open("wb") as handle:
                for chunk in item.chunks():
                    handle.write(chunk)
        paths.append(path)
    return paths


def files_delete(paths: Sequence[Path]) -> None:
    """Delete an import's files, and their upload folder once it is empty."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
        if path.parent.name.startswith(UPLOAD_FOLDER_PREFIX):
            with contextlib.suppress(OSError):
                path.parent.rmdir()
