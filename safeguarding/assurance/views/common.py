"""What the assurance pages share: the breadcrumb trail."""

from __future__ import annotations

from safeguarding.core.pages import Trail

CRUMBS = Trail("Quality assurance", "assurance:overview")
