from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safeguarding.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from safeguarding.accounts.middleware import last_seen_at_sign_in

        user_logged_in.connect(last_seen_at_sign_in, dispatch_uid="accounts_last_seen_at_sign_in")
