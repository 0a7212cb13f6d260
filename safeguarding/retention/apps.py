from __future__ import annotations

from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "safeguarding.retention"
    label = "retention"
    verbose_name = "Retention and legal hold"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_nav
        from safeguarding.retention import permissions, policies

        policies.register()
        register_nav(
            NavItem(
                key="retention",
                label="Retention",
                url_name="retention:home",
                visible=permissions.can_manage_retention,
                order=910,
            )
        )
