from __future__ import annotations

from django.urls import path

from safeguarding.datasets import comparator_views, views

app_name = "datasets"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("definitions/", views.definitions, name="definitions"),
    path("export/", views.figures_export, name="figures_export"),
    path("areas/<int:pk>/", views.area_detail, name="area_detail"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/add/", views.import_create, name="import_create"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("imports/<int:pk>/cancel/", views.import_cancel, name="import_cancel"),
    path("imports/<int:pk>/withdraw/", views.import_withdraw, name="import_withdraw"),
    path("populations/", views.population_list, name="population_list"),
    path("populations/<int:pk>/change/", views.population_update, name="population_update"),
    path("comparators/", comparator_views.comparator_list, name="comparator_list"),
    path("comparators/import/", comparator_views.comparator_import, name="comparator_import"),
]
