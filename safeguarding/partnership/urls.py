from __future__ import annotations

from django.urls import path

from safeguarding.partnership import views

app_name = "partnership"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("areas/", views.area_list, name="area_list"),
    path("areas/add/", views.area_create, name="area_create"),
    path("change/", views.partnership_update, name="partnership_update"),
    path("areas/<int:pk>/", views.area_detail, name="area_detail"),
    path("areas/<int:pk>/change/", views.area_update, name="area_update"),
    path("areas/<int:pk>/districts/add/", views.district_create, name="district_create"),
    path(
        "areas/<int:pk>/districts/<int:district_pk>/change/",
        views.district_update,
        name="district_update",
    ),
    path("agencies/", views.agency_list, name="agency_list"),
    path("agencies/add/", views.agency_create, name="agency_create"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency_detail"),
    path("agencies/<int:pk>/change/", views.agency_update, name="agency_update"),
    path("agencies/<int:pk>/rename/", views.agency_rename, name="agency_rename"),
    path("agencies/<int:pk>/disable/", views.agency_disable, name="agency_disable"),
    path("groups/", views.group_list, name="group_list"),
    path("groups/add/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/change/", views.group_update, name="group_update"),
    path("groups/<int:pk>/members/add/", views.group_membership_add, name="group_membership_add"),
    path(
        "groups/<int:pk>/members/<int:membership_pk>/end/",
        views.group_membership_end,
        name="group_membership_end",
    ),
    path("governance/", views.governance, name="governance"),
    path("priorities/", views.priority_list, name="priority_list"),
    path("priorities/add/", views.priority_create, name="priority_create"),
    path("priorities/<int:pk>/", views.priority_detail, name="priority_detail"),
    path("priorities/<int:pk>/change/", views.priority_update, name="priority_update"),
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="person_deactivate"),
    path("people/<int:pk>/roles/<int:grant_pk>/remove/", views.role_revoke, name="role_revoke"),
]
