from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DatasetsConfig(AppConfig):
    name = "safeguarding.datasets"
    label = "datasets"
    verbose_name = "Safeguarding data"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_card, register_nav
        from safeguarding.datasets import cards, permissions

        register_card("datasets.imports", cards.imports_card, order=60)
        post_migrate.connect(_recompute_stale_figures, sender=self)
        register_nav(
            NavItem(
                key="datasets",
                label="Data",
                url_name="datasets:dashboard",
                visible=permissions.can_view_figures,
                order=60,
            )
        )
        from safeguarding.datasets import retention

        retention.register()


def _recompute_stale_figures(**kwargs: Any) -> None:
    """After migrating (a deploy), figures stored by older counting rules are recomputed."""
    from safeguarding.datasets import services

    services.stored_figures_refresh_stale()
