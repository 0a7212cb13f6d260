from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AreaFactory


@pytest.fixture
def area(db: None) -> Area:
    return AreaFactory.create(name="Northshire", la_number="873")


@pytest.fixture
def samples() -> Path:
    default = Path(settings.BASE_DIR).parent / "shared" / "samples" / "dev"
    folder = Path(os.environ.get("DATASETS_SAMPLES_DIR", default))
    if not folder.is_dir():
        pytest.skip(f"The shared dev samples are not at {folder}.")
    return folder
