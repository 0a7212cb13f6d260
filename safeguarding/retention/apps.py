from __future__ import annotations

from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "safeguarding.retention"
    label = "retention"
    verbose_name = "Retention and legal hold"

    def ready(self) -> None:
        from safeguarding.retention import policies

        policies.register()
