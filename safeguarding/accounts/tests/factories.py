from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory
from factory.faker import Faker

from safeguarding.accounts.models import RoleAssignment, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory[User]):
    """A verified, active user whose password is PASSWORD."""

    class Meta:
        model = User

    email = Sequence(lambda n: f"person{n}@agency.example")
    full_name = Faker("name", locale="en_GB")

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        kwargs["password"] = PASSWORD
        user = model_class.objects.create_user(*args, **kwargs)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user


class RoleAssignmentFactory(DjangoModelFactory[RoleAssignment]):
    class Meta:
        model = RoleAssignment

    user = SubFactory(UserFactory)
