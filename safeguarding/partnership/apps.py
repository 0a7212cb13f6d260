from __future__ import annotations

from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "safeguarding.partnership"
    label = "partnership"
    verbose_name = "Partnership"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_nav
        from safeguarding.partnership import permissions

        register_nav(
            NavItem(
                key="partnership",
                label="Partnership",
                url_name="partnership:overview",
                visible=permissions.can_view_partnership,
                order=10,
            )
        )
