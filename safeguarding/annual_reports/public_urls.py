"""The public pages of published yearly reports (no sign-in): /reports/."""

from __future__ import annotations

from django.urls import path

from safeguarding.annual_reports.views import public

app_name = "published_reports"
urlpatterns = [
    path("", public.published_list, name="published_list"),
    path("<str:year>/", public.published_latest, name="published_latest"),
    path("<str:year>/v<int:number>/", public.published_version, name="published_version"),
    path("<str:year>/v<int:number>/report.pdf", public.published_pdf, name="published_pdf"),
    path(
        "<str:year>/v<int:number>/young-people/",
        public.published_young_people,
        name="published_young_people",
    ),
]
