"""Accounts: the User, the roles people hold, sign-in (django-allauth), MFA enforcement and
idle-session timeout.

May import: core. The role grant's agency is a lazy reference to partnership.Agency (no Python
import), so every app can ask "does this user hold this role, for which agencies?".
"""
