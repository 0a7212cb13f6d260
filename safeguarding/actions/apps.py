from __future__ import annotations

from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "safeguarding.actions"
    label = "actions"
    verbose_name = "Actions"

    def ready(self) -> None:
        from safeguarding.actions import cards, permissions
        from safeguarding.core.registry import NavItem, register_card, register_nav

        register_card("actions.mine", cards.my_actions_card, order=20)
        register_card("actions.plans_due_for_review", cards.plans_due_for_review_card, order=25)
        register_nav(
            NavItem(
                key="actions",
                label="Actions",
                url_name="actions:action_list",
                visible=permissions.can_view_actions,
                order=30,
            )
        )
