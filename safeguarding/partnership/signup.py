"""The practitioner sign-up form allauth uses (ACCOUNT_SIGNUP_FORM_CLASS): the fields come from
partnership.forms; allauth calls `signup()` once the account exists, which registers the
practitioner through the service."""

from __future__ import annotations

from typing import Any

from safeguarding.accounts.models import User
from safeguarding.partnership import services
from safeguarding.partnership.forms import PractitionerSignupFields


class PractitionerSignupForm(PractitionerSignupFields):
    def signup(self, request: Any, user: User) -> None:
        services.practitioner_register(
            user=user,
            full_name=self.cleaned_data["full_name"],
            agency=self.cleaned_data["agency"],
        )
