"""People and the roles they hold."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Upper

from safeguarding.accounts.roles import (
    AGENCY_SCOPED_ROLES,
    READ_ONLY_ROLES,
    SENSITIVE_ROLES,
    STAFF_ROLES,
    Role,
)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with their work e-mail address. People are deactivated, never
    deleted: the activity log keeps pointing at them."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    objects = UserManager()  # type: ignore[misc,assignment]

    class Meta:
        ordering = ["full_name", "email"]
        indexes = [
            # Case-insensitive look-ups by address (`email__iexact`: the activity log's person
            # filter, a session's trainer) compare UPPER(email): without this index each is a
            # sequential scan of every person (docs/modules/volume.md).
            models.Index(Upper("email"), name="accounts_user_email_upper_idx"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.email

    # --- roles -------------------------------------------------------------------------
    def _grants(self) -> list[tuple[str, int | None]]:
        cache = getattr(self, "_role_grants_cache", None)
        if cache is None:
            cache = list(self.role_grants.values_list("role", "agency_id"))
            self._role_grants_cache = cache
        return cache

    def clear_role_cache(self) -> None:
        self.__dict__.pop("_role_grants_cache", None)

    @property
    def roles(self) -> frozenset[str]:
        if not self.is_authenticated or not self.is_active:
            return frozenset()
        return frozenset(role for role, _agency in self._grants())

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def agency_ids_for(self, *roles: str) -> frozenset[int]:
        """Agencies for which the user holds any of `roles` (agency-scoped roles only)."""
        if not self.is_authenticated or not self.is_active:
            return frozenset()
        return frozenset(
            agency for role, agency in self._grants() if role in roles and agency is not None
        )

    @property
    def lead_agency_ids(self) -> frozenset[int]:
        """Agencies whose safeguarding lead this user is (Role.AGENCY_LEAD)."""
        return self.agency_ids_for(Role.AGENCY_LEAD)

    @property
    def is_partnership_staff(self) -> bool:
        return self.has_role(*STAFF_ROLES)

    @property
    def is_partnership_admin(self) -> bool:
        return self.has_role(Role.PARTNERSHIP_ADMIN)

    @property
    def is_read_only(self) -> bool:
        """Holds only read-only roles (scrutineer, board member)."""
        roles = self.roles
        return bool(roles) and roles <= READ_ONLY_ROLES

    @property
    def needs_mfa(self) -> bool:
        return bool(self.roles & SENSITIVE_ROLES)


class RoleAssignment(models.Model):
    """A role granted to a person, for one agency when the role is agency-scoped."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=40, choices=Role.choices)
    agency = models.ForeignKey(
        "partnership.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_grants",
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "agency"], name="unique_role_grant_per_agency"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(agency__isnull=True),
                name="unique_role_grant_without_agency",
            ),
        ]

    def __str__(self) -> str:
        label = Role(self.role).label
        return f"{label} ({self.agency})" if self.agency_id else label

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.role in AGENCY_SCOPED_ROLES and self.agency_id is None:
            raise ValidationError({"agency": "Choose the agency this role is for."})
        if self.role not in AGENCY_SCOPED_ROLES and self.agency_id is not None:
            raise ValidationError({"agency": "This role is for the whole partnership."})
