"""The case reviews breadcrumb trail: Home > Case reviews > whatever a page adds."""

from __future__ import annotations

from safeguarding.core.pages import Trail

CRUMBS = Trail("Case reviews", "case_reviews:case_review_home")
