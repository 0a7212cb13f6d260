from __future__ import annotations

from django.urls import path

from safeguarding.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.learning_point_list, name="learning_point_list"),
    path("points/<int:pk>/", views.learning_point_detail, name="learning_point_detail"),
    path("points/<int:pk>/publish/", views.learning_point_publish, name="learning_point_publish"),
    path(
        "points/<int:pk>/unpublish/",
        views.learning_point_unpublish,
        name="learning_point_unpublish",
    ),
    path(
        "sources/<int:source_type_id>/<int:source_id>/",
        views.learning_source_detail,
        name="learning_source_detail",
    ),
    path("export/", views.learning_export, name="learning_export"),
    path("trends/", views.learning_trends, name="learning_trends"),
    path("trends/export/", views.learning_trends_export, name="learning_trends_export"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/add/", views.theme_create, name="theme_create"),
    path("themes/<int:pk>/", views.theme_detail, name="theme_detail"),
    path("themes/<int:pk>/rename/", views.theme_rename, name="theme_rename"),
    path("themes/<int:pk>/retire/", views.theme_retire, name="theme_retire"),
    path("themes/<int:pk>/reinstate/", views.theme_reinstate, name="theme_reinstate"),
]
