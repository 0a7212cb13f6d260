from __future__ import annotations

from django.urls import path

from safeguarding.retention import views

app_name = "retention"
urlpatterns = [
    path("", views.home, name="home"),
    path("holds/add/", views.legal_hold_place, name="legal_hold_place"),
    path("holds/<int:pk>/release/", views.legal_hold_release, name="legal_hold_release"),
    path("people/", views.person_find, name="person_find"),
    path("people/<int:pk>/data/", views.person_data_download, name="person_data_download"),
    path("your-data/", views.my_data, name="my_data"),
]
