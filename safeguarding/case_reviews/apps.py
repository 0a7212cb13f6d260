from __future__ import annotations

from django.apps import AppConfig


class CaseReviewsConfig(AppConfig):
    name = "safeguarding.case_reviews"
    label = "case_reviews"
    verbose_name = "Case reviews"

    def ready(self) -> None:
        from safeguarding.case_reviews import cards, permissions
        from safeguarding.core.registry import NavItem, register_card, register_nav

        register_card("case_review_deadlines", cards.deadlines_card, order=20)
        register_nav(
            NavItem(
                key="case_reviews",
                label="Case reviews",
                url_name="case_reviews:case_review_home",
                visible=permissions.can_view_case_review_home,
                order=35,
            )
        )
        from safeguarding.case_reviews import retention

        retention.register()
