from __future__ import annotations

from django.urls import path

from safeguarding.activity_log import views

app_name = "activity_log"
urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("viewers/<int:content_type_id>/<str:object_id>/", views.viewer_list, name="viewer_list"),
    path("background-jobs/", views.task_list, name="task_list"),
]
