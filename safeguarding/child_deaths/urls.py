from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "child_deaths"
urlpatterns: list[URLPattern | URLResolver] = []
