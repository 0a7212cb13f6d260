"""Partnership: the partnership itself, its areas (local authorities and their districts), the
agencies (with their name history), the governance groups and their memberships, the
priorities, and the people who hold roles (role grants are managed here).

May import: core, accounts, activity_log.
"""
