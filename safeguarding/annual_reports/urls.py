from __future__ import annotations

from django.urls import path

from safeguarding.annual_reports import views

app_name = "annual_reports"
urlpatterns = [
    path("", views.report_index, name="report_index"),
    path("editions/add/", views.edition_create, name="edition_create"),
    path("editions/<int:pk>/", views.edition_detail, name="edition_detail"),
    path("editions/<int:pk>/preview/", views.edition_preview, name="edition_preview"),
    path("editions/<int:pk>/edit/", views.edition_update, name="edition_update"),
    path("editions/<int:pk>/figures/", views.figure_list, name="figure_list"),
    path("editions/<int:pk>/sections/add/", views.section_create, name="section_create"),
    path("editions/<int:pk>/submit/", views.edition_submit, name="edition_submit"),
    path("editions/<int:pk>/return/", views.edition_return, name="edition_return"),
    path("editions/<int:pk>/sign-off/", views.edition_sign_off, name="edition_sign_off"),
    path("editions/<int:pk>/publish/", views.edition_publish, name="edition_publish"),
    path("editions/<int:pk>/reopen/", views.edition_reopen, name="edition_reopen"),
    path("editions/<int:pk>/follow-up/", views.edition_follow_up, name="edition_follow_up"),
    path("editions/<int:pk>/context/", views.context_figure_list, name="context_figure_list"),
    path(
        "editions/<int:pk>/context/add/",
        views.context_figure_create,
        name="context_figure_create",
    ),
    path(
        "editions/<int:pk>/context/import/",
        views.context_figure_import,
        name="context_figure_import",
    ),
    path("context/<int:pk>/edit/", views.context_figure_update, name="context_figure_update"),
    path(
        "editions/<int:pk>/contributions/",
        views.contribution_list,
        name="contribution_list",
    ),
    path(
        "editions/<int:pk>/contributions/request/",
        views.contribution_request,
        name="contribution_request",
    ),
    path("contributions/<int:pk>/", views.contribution_detail, name="contribution_detail"),
    path("contributions/<int:pk>/edit/", views.contribution_update, name="contribution_update"),
    path("contributions/<int:pk>/submit/", views.contribution_submit, name="contribution_submit"),
    path("contributions/<int:pk>/accept/", views.contribution_accept, name="contribution_accept"),
    path("contributions/<int:pk>/return/", views.contribution_return, name="contribution_return"),
    path(
        "editions/<int:pk>/scrutineer/",
        views.scrutineer_part_list,
        name="scrutineer_part_list",
    ),
    path(
        "editions/<int:pk>/scrutineer/set-up/",
        views.scrutineer_parts_create,
        name="scrutineer_parts_create",
    ),
    path(
        "scrutineer-parts/<int:pk>/edit/",
        views.scrutineer_part_update,
        name="scrutineer_part_update",
    ),
    path("sections/<int:pk>/edit/", views.section_update, name="section_update"),
    path("sections/<int:pk>/move/", views.section_move, name="section_move"),
    path("figures/<str:year>/<str:key>/", views.figure_detail, name="figure_detail"),
    path("figures/<str:year>/<str:key>/records/", views.figure_records, name="figure_records"),
    path("<str:year>/", views.report_detail, name="report_detail"),
    path("<str:year>/download/", views.report_download, name="report_download"),
]
