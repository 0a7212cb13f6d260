"""Activity-log verbs of the datasets app (`<entity>.<past participle>`)."""

from __future__ import annotations

IMPORT_BATCH_STARTED = "import_batch.started"
IMPORT_BATCH_READ = "import_batch.read"
IMPORT_BATCH_FAILED = "import_batch.failed"
IMPORT_BATCH_CONFIRMED = "import_batch.confirmed"
IMPORT_BATCH_CANCELLED = "import_batch.cancelled"
POPULATION_CREATED = "population.created"
POPULATION_CHANGED = "population.changed"
IMPORT_BATCH_CHECKED = "import_batch.checked"
IMPORT_BATCH_WITHDRAWN = "import_batch.withdrawn"
STORED_FIGURES_RECOMPUTED = "stored_figures.recomputed"
COMPARATOR_SET = "comparator.set"
COMPARATORS_IMPORTED = "comparator.imported"
