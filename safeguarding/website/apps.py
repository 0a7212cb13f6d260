from __future__ import annotations

from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "safeguarding.website"
    label = "website"
    verbose_name = "Public website"

    def ready(self) -> None:
        from safeguarding.core.registry import NavItem, register_card, register_nav
        from safeguarding.website import cards, permissions

        register_card("website.reviews_due", cards.reviews_due_card, order=70)
        _clear_the_public_cache_when_published_records_change()
        register_nav(
            NavItem(
                key="website",
                label="Website",
                url_name="website:manage",
                visible=permissions.can_manage_website,
                order=80,
            )
        )


def _clear_the_public_cache_when_published_records_change() -> None:
    """Cache invalidation (the one use STYLE.md allows signals for): the public site shows
    records other apps own (published learning, practice reviews, report versions). When any
    of them is saved or deleted, for example unpublished or archived, the public page cache is
    cleared after the commit, so a withdrawn record is never served from the cache."""
    from django.apps import apps
    from django.db import transaction
    from django.db.models.signals import post_delete, post_save

    from safeguarding.website import cache

    def clear(**kwargs: object) -> None:
        transaction.on_commit(cache.clear)

    for label in ("learning.LearningPoint", "case_reviews.PracticeReview",
                  "annual_reports.PublishedVersion"):  # fmt: skip
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(clear, sender=model, weak=False, dispatch_uid=f"website-cache-{label}")
        post_delete.connect(
            clear, sender=model, weak=False, dispatch_uid=f"website-cache-del-{label}"
        )
