from __future__ import annotations

from django.urls import path

from safeguarding.actions import views

app_name = "actions"
urlpatterns = [
    path("", views.action_list, name="action_list"),
    path("export/", views.action_export, name="action_export"),
    path("plans/", views.action_plan_list, name="action_plan_list"),
    path("plans/<int:pk>/", views.action_plan_detail, name="action_plan_detail"),
    path(
        "plans/<int:pk>/review/",
        views.action_plan_review_record,
        name="action_plan_review_record",
    ),
    path("plans/<int:pk>/actions/add/", views.action_create, name="action_create"),
    path("<int:pk>/", views.action_detail, name="action_detail"),
    path("<int:pk>/change/", views.action_update, name="action_update"),
    path("<int:pk>/progress/", views.action_progress_add, name="action_progress_add"),
    path(
        "updates/<int:pk>/evidence/",
        views.action_evidence_download,
        name="action_evidence_download",
    ),
]
