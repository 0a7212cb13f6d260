"""Root URL configuration: one include per app, namespaced by app label."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

from safeguarding.core import views as core_views

# Django admin (staff only) signs in through allauth, so lockout and MFA apply there too.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("safeguarding.core.urls")),
    path("accounts/", include("safeguarding.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("activity/", include("safeguarding.activity_log.urls")),
    path("partnership/", include("safeguarding.partnership.urls")),
    path("retention/", include("safeguarding.retention.urls")),
    path("actions/", include("safeguarding.actions.urls")),
    path("learning/", include("safeguarding.learning.urls")),
    path("governance/", include("safeguarding.governance.urls")),
    path("case-reviews/", include("safeguarding.case_reviews.urls")),
    path("child-deaths/", include("safeguarding.child_deaths.urls")),
    path("training/", include("safeguarding.training.urls")),
    path("assurance/", include("safeguarding.assurance.urls")),
    path("data/", include("safeguarding.datasets.urls")),
    path("exploitation/", include("safeguarding.exploitation.urls")),
    path("annual-reports/", include("safeguarding.annual_reports.urls")),
    path("site/", include("safeguarding.website.urls")),
    path("reports/", include("safeguarding.annual_reports.public_urls")),
    path("django-admin/", admin.site.urls),
]

handler403 = core_views.error_403
handler404 = core_views.error_404
handler500 = core_views.error_500
