from __future__ import annotations

from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "safeguarding.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_nav
        from safeguarding.learning import permissions

        register_nav(
            NavItem(
                key="learning",
                label="Learning",
                url_name="learning:learning_point_list",
                visible=permissions.can_view_learning,
                order=40,
            )
        )
