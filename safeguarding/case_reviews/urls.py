"""Case reviews' URLs: the paths keep their short words; the names are the glossary's."""

from __future__ import annotations

from django.urls import path

from safeguarding.case_reviews import views

app_name = "case_reviews"
urlpatterns = [
    path("", views.case_review_home, name="case_review_home"),
    path("deadlines/", views.deadline_list, name="deadline_list"),
    path("notifications/", views.incident_notification_list, name="incident_notification_list"),
    path("requests/", views.agency_request_list, name="agency_request_list"),
    path(
        "notifications/add/",
        views.incident_notification_create,
        name="incident_notification_create",
    ),
    path(
        "notifications/<int:pk>/",
        views.incident_notification_detail,
        name="incident_notification_detail",
    ),
    path(
        "notifications/<int:pk>/change/",
        views.incident_notification_update,
        name="incident_notification_update",
    ),
    path(
        "notifications/<int:pk>/archive/",
        views.incident_notification_archive,
        name="incident_notification_archive",
    ),
    path("notifications/<int:pk>/children/add/", views.child_add, name="child_add"),
    path("children/<int:pk>/identity/", views.child_identity, name="child_identity"),
    path(
        "children/<int:pk>/identity/change/",
        views.child_identity_update,
        name="child_identity_update",
    ),
    path("rapid-reviews/<int:pk>/", views.rapid_review_detail, name="rapid_review_detail"),
    path("rapid-reviews/<int:pk>/change/", views.rapid_review_update, name="rapid_review_update"),
    path(
        "rapid-reviews/<int:pk>/requests/add/",
        views.agency_request_create,
        name="agency_request_create",
    ),
    path(
        "rapid-reviews/<int:pk>/learning/add/",
        views.rapid_review_learning_add,
        name="rapid_review_learning_add",
    ),
    path(
        "rapid-reviews/<int:pk>/commission/",
        views.practice_review_commission,
        name="practice_review_commission",
    ),
    path("requests/<int:pk>/", views.agency_request_submit, name="agency_request_submit"),
    path(
        "request-documents/<int:pk>/",
        views.agency_request_document_download,
        name="agency_request_document_download",
    ),
    path("reviews/", views.practice_review_list, name="practice_review_list"),
    path("reviews/export/", views.practice_review_export, name="practice_review_export"),
    path("reviews/add/", views.practice_review_create, name="practice_review_create"),
    path("reviews/<int:pk>/", views.practice_review_detail, name="practice_review_detail"),
    path("reviews/<int:pk>/change/", views.practice_review_update, name="practice_review_update"),
    path("reviews/<int:pk>/stage/", views.practice_review_stage, name="practice_review_stage"),
    path(
        "reviews/<int:pk>/target/",
        views.practice_review_target_revise,
        name="practice_review_target_revise",
    ),
    path(
        "reviews/<int:pk>/advance-copy/",
        views.practice_review_advance_copy,
        name="practice_review_advance_copy",
    ),
    path(
        "reviews/<int:pk>/archive/", views.practice_review_archive, name="practice_review_archive"
    ),
    path("reviews/<int:pk>/milestones/add/", views.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/done/", views.milestone_complete, name="milestone_complete"),
    path("reviews/<int:pk>/findings/add/", views.finding_add, name="finding_add"),
    path(
        "reviews/<int:pk>/recommendations/add/",
        views.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "reviews/<int:pk>/actions/add/",
        views.practice_review_action_add,
        name="practice_review_action_add",
    ),
    path("reviews/<int:pk>/dissemination/add/", views.dissemination_add, name="dissemination_add"),
    path(
        "reviews/<int:pk>/report/",
        views.practice_review_report_download,
        name="practice_review_report_download",
    ),
]
