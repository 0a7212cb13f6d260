from __future__ import annotations

from django.urls import path

from safeguarding.annual_reports import views

app_name = "annual_reports"
urlpatterns = [
    path("", views.report_index, name="report_index"),
    path("<str:year>/", views.report_detail, name="report_detail"),
    path("<str:year>/download/", views.report_download, name="report_download"),
]
