from __future__ import annotations

from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "safeguarding.website"
    label = "website"
    verbose_name = "Public website"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_card, register_nav
        from safeguarding.website import cards, permissions

        register_card("website.reviews_due", cards.reviews_due_card, order=70)
        register_nav(
            NavItem(
                key="website",
                label="Website",
                url_name="website:manage",
                visible=permissions.can_manage_website,
                order=80,
            )
        )
