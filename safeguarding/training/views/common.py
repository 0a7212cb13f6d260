"""What every training page shares: its breadcrumb trail (Home > Training > ...)."""

from __future__ import annotations

from django.urls import reverse

from safeguarding.core.pages import Crumb, Trail

CRUMBS = Trail("Training", "training:course_list")


def manage_crumb() -> Crumb:
    return ("Manage", reverse("training:manage"))


def your_training_crumb() -> Crumb:
    return ("Your training", reverse("training:booking_list"))


def validation_crumb() -> Crumb:
    return ("Validation", reverse("training:validation_list"))
