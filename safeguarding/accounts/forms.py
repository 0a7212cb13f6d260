"""allauth's login form, with the credential django-axes counts failed attempts against."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm


class LoginForm(AllauthLoginForm):  # type: ignore[misc]
    def user_credentials(self) -> dict[str, Any]:
        credentials: dict[str, Any] = super().user_credentials()
        # django-axes identifies the account by AXES_USERNAME_FORM_FIELD ("login").
        credentials["login"] = credentials.get("email") or credentials.get("username")
        return credentials
