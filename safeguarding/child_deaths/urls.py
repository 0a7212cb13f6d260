from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from safeguarding.child_deaths import views

app_name = "child_deaths"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("comparators/add/", views.comparator_create, name="comparator_create"),
    path("cases/", views.notification_list, name="notification_list"),
    path("cases/notify/", views.notification_create, name="notification_create"),
    path("cases/<int:pk>/", views.notification_detail, name="notification_detail"),
    path("cases/<int:pk>/change/", views.notification_update, name="notification_update"),
    path("cases/<int:pk>/archive/", views.notification_archive, name="notification_archive"),
    path("cases/<int:pk>/delay/", views.notification_delay, name="notification_delay"),
    path("cases/<int:pk>/requests/add/", views.request_create, name="request_create"),
    path("cases/<int:pk>/review/", views.review_update, name="review_update"),
    path("cases/<int:pk>/review/learning/", views.learning_create, name="learning_create"),
    path(
        "cases/<int:pk>/review/actions/add/",
        views.panel_review_action_add,
        name="panel_review_action_add",
    ),
    path("requests/", views.request_list, name="request_list"),
    path("requests/<int:pk>/", views.request_return, name="request_return"),
    path("requests/<int:pk>/remind/", views.request_remind, name="request_remind"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/add/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/change/", views.meeting_update, name="meeting_update"),
    path("export/national/", views.national_export, name="national_export"),
]
