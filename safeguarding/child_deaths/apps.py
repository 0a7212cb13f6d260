from __future__ import annotations

from django.apps import AppConfig


class ChildDeathsConfig(AppConfig):
    name = "safeguarding.child_deaths"
    label = "child_deaths"
    verbose_name = "Child deaths"

    def ready(self) -> None:
        from safeguarding.child_deaths import cards, permissions
        from safeguarding.core.registry import NavItem, register_card, register_nav

        register_card("child_deaths.requests", cards.requests_to_return_card, order=30)
        register_card("child_deaths.open_cases", cards.open_cases_card, order=31)
        register_nav(
            NavItem(
                key="child_deaths",
                label="Child deaths",
                url_name="child_deaths:dashboard",
                visible=permissions.can_view_figures,
                order=45,
            )
        )
        from safeguarding.child_deaths import retention

        retention.register()
