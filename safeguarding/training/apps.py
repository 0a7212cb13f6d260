from __future__ import annotations

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "safeguarding.training"
    label = "training"
    verbose_name = "Training"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_card, register_nav
        from safeguarding.training import cards

        register_card("training.bookings", cards.my_training_card, order=40)
        register_card("training.agency", cards.agency_training_card, order=41)
        register_nav(
            NavItem(
                key="training",
                label="Training",
                url_name="training:course_list",
                visible=lambda user: user.is_authenticated,
                order=50,
            )
        )
        from safeguarding.training import evidence, retention, subject_access

        retention.register()
        subject_access.register()
        evidence.register()
