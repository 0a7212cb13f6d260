from __future__ import annotations

from django.apps import AppConfig


class ActivityLogConfig(AppConfig):
    name = "safeguarding.activity_log"
    label = "activity_log"
    verbose_name = "Activity log"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from safeguarding.activity_log import receivers
        from safeguarding.core.registry import NavItem, register_nav

        user_logged_in.connect(receivers.on_signed_in, dispatch_uid="activity_signed_in")
        user_logged_out.connect(receivers.on_signed_out, dispatch_uid="activity_signed_out")
        register_nav(
            NavItem(
                key="activity_log",
                label="Activity log",
                url_name="activity_log:event_list",
                visible=lambda user: user.is_partnership_admin,
                order=900,
            )
        )
