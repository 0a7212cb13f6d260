from __future__ import annotations

from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "safeguarding.datasets"
    label = "datasets"
    verbose_name = "Safeguarding data"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_card, register_nav
        from safeguarding.datasets import cards, permissions

        register_card("datasets.imports", cards.imports_card, order=60)
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
