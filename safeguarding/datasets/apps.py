from __future__ import annotations

from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "safeguarding.datasets"
    label = "datasets"
    verbose_name = "Safeguarding data"
