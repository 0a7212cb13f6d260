from __future__ import annotations

from django.urls import path

from safeguarding.website.views import manage, public

app_name = "website"
urlpatterns = [
    path("", public.home, name="home"),
    path("pages/<slug:slug>/", public.page_detail, name="page_detail"),
    path("resources/", public.resource_list, name="resource_list"),
    path("resources/<slug:slug>/", public.resource_detail, name="resource_detail"),
    path(
        "resources/<slug:slug>/versions/<int:number>/download/",
        public.resource_download,
        name="resource_download",
    ),
    path("report-a-concern/", public.concern_start, name="concern_start"),
    path("report-a-concern/<int:area_pk>/", public.concern_district, name="concern_district"),
    path(
        "report-a-concern/<int:area_pk>/where-to-call/",
        public.concern_result,
        name="concern_result",
    ),
    path(
        "report-a-concern/<int:area_pk>/<int:district_pk>/where-to-call/",
        public.concern_result,
        name="concern_result_district",
    ),
    path("search/", public.search, name="search"),
    path("learning/", public.learning_list, name="learning_list"),
    path("learning/<int:pk>/", public.learning_detail, name="learning_detail"),
    path("case-reviews/", public.practice_review_list, name="practice_review_list"),
    path("case-reviews/<int:pk>/", public.practice_review_detail, name="practice_review_detail"),
    path(
        "case-reviews/<int:pk>/final-report/",
        public.practice_review_report,
        name="practice_review_report",
    ),
    path("annual-reports/", public.annual_report_list, name="annual_report_list"),
    path("updates/", public.subscribe, name="subscribe"),
    path("updates/check-your-email/", public.subscribe_sent, name="subscribe_sent"),
    path("updates/confirm/<str:token>/", public.subscription_confirm, name="subscription_confirm"),
    path("updates/unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("manage/", manage.manage, name="manage"),
    path("manage/pages/add/", manage.page_create, name="page_create"),
    path("manage/pages/<int:pk>/change/", manage.page_update, name="page_update"),
    path("manage/resources/add/", manage.resource_create, name="resource_create"),
    path("manage/resources/<int:pk>/change/", manage.resource_update, name="resource_update"),
    path(
        "manage/resources/<int:pk>/versions/add/",
        manage.resource_version_add,
        name="resource_version_add",
    ),
    path("manage/report-a-concern/add/", manage.front_door_create, name="front_door_create"),
    path(
        "manage/report-a-concern/<int:pk>/change/",
        manage.front_door_update,
        name="front_door_update",
    ),
    path("manage/statistics/", manage.statistics, name="statistics"),
    path("tools/<slug:slug>/", public.tool_detail, name="tool_detail"),
    path("manage/tools/add/", manage.tool_create, name="tool_create"),
    path("manage/tools/<int:pk>/change/", manage.tool_update, name="tool_update"),
    path("manage/tools/<int:pk>/outcomes/add/", manage.tool_outcome_add, name="tool_outcome_add"),
    path("manage/tools/<int:pk>/rules/add/", manage.tool_rule_add, name="tool_rule_add"),
]
