"""What every partnership page shares: its breadcrumb trail."""

from __future__ import annotations

from safeguarding.core.pages import Trail

CRUMBS = Trail("Partnership", "partnership:overview")
