from __future__ import annotations

from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "safeguarding.assurance"
    label = "assurance"
    verbose_name = "Assurance"

    def ready(self) -> None:
        from safeguarding.assurance import cards, permissions
        from safeguarding.core.registry import NavItem, register_card, register_nav

        register_nav(
            NavItem(
                key="assurance",
                label="Quality assurance",
                url_name="assurance:overview",
                visible=permissions.can_view_assurance,
                order=50,
            )
        )
        register_card("assurance_section11", cards.section11_returns_card, order=40)
        register_card("assurance_audit_cases", cards.audit_cases_card, order=41)
        register_card("assurance_review", cards.assurance_review_card, order=42)
        from safeguarding.assurance import evidence, retention

        retention.register()
        evidence.register()
