from __future__ import annotations

from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "safeguarding.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_card, register_nav
        from safeguarding.governance import cards, evidence, permissions

        evidence.register_built_in()
        register_card("governance.papers_late", cards.papers_late_card, order=30)
        register_card(
            "governance.arrangements_review_due", cards.arrangements_review_card, order=35
        )
        register_nav(
            NavItem(
                key="governance",
                label="Governance",
                url_name="governance:home",
                visible=permissions.can_view_governance,
                order=15,
            )
        )
