from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from safeguarding.assurance import views

app_name = "assurance"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.overview, name="overview"),
    path("work/<slug:kind>/", views.work_list, name="work_list"),
    path("forms/", views.form_list, name="form_list"),
    path("forms/create/", views.form_create, name="form_create"),
    path("forms/<int:pk>/", views.form_detail, name="form_detail"),
    path("forms/<int:pk>/sections/add/", views.form_section_add, name="form_section_add"),
    path("forms/<int:pk>/questions/add/", views.form_question_add, name="form_question_add"),
    path(
        "forms/questions/<int:pk>/change/",
        views.form_question_update,
        name="form_question_update",
    ),
    path(
        "forms/questions/<int:pk>/remove/",
        views.form_question_remove,
        name="form_question_remove",
    ),
    path("surveys/", views.survey_list, name="survey_list"),
    path("surveys/create/", views.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/export/", views.survey_export, name="survey_export"),
    path("surveys/<int:pk>/edit/", views.survey_update, name="survey_update"),
    path("surveys/<int:pk>/hours/", views.survey_hours, name="survey_hours"),
    path(
        "surveys/<int:pk>/hours/<str:hour>/exclude/",
        views.survey_burst_exclude,
        name="survey_burst_exclude",
    ),
    path("surveys/<int:pk>/links/", views.survey_links_issue, name="survey_links_issue"),
    path(
        "surveys/<int:pk>/links/download/",
        views.survey_links_export,
        name="survey_links_export",
    ),
    path("s/<str:public_id>/", views.survey_answer, name="survey_answer"),
    path("s/<str:public_id>/thank-you/", views.survey_thanks, name="survey_thanks"),
    path("section-11/", views.section11_cycle_list, name="section11_cycle_list"),
    path("section-11/open/", views.section11_cycle_create, name="section11_cycle_create"),
    path("section-11/<int:pk>/", views.section11_cycle_detail, name="section11_cycle_detail"),
    path(
        "section-11/returns/<int:pk>/",
        views.section11_return_detail,
        name="section11_return_detail",
    ),
    path(
        "section-11/returns/<int:pk>/self-assessment/",
        views.section11_return_edit,
        name="section11_return_edit",
    ),
    path(
        "section-11/returns/<int:pk>/submit/",
        views.section11_return_submit,
        name="section11_return_submit",
    ),
    path(
        "section-11/returns/<int:pk>/moderate/",
        views.section11_return_moderate,
        name="section11_return_moderate",
    ),
    path(
        "section-11/returns/<int:pk>/challenge/",
        views.section11_return_challenge,
        name="section11_return_challenge",
    ),
    path(
        "section-11/returns/<int:pk>/feedback/",
        views.section11_return_feedback,
        name="section11_return_feedback",
    ),
    path("audits/", views.audit_list, name="audit_list"),
    path("audits/plan/", views.audit_create, name="audit_create"),
    path("audits/<int:pk>/", views.audit_detail, name="audit_detail"),
    path("audits/<int:pk>/report/", views.audit_report, name="audit_report"),
    path("audits/<int:pk>/cases/add/", views.audit_case_add, name="audit_case_add"),
    path("audits/cases/<int:pk>/complete/", views.audit_case_complete, name="audit_case_complete"),
    path("audits/<int:pk>/moderate/", views.audit_moderate, name="audit_moderate"),
    path("audits/<int:pk>/findings/add/", views.audit_finding_add, name="audit_finding_add"),
    path("audits/<int:pk>/complete/", views.audit_complete, name="audit_complete"),
    path("commentary/", views.commentary_list, name="commentary_list"),
    path("commentary/send/", views.commentary_create, name="commentary_create"),
    path("commentary/<int:pk>/", views.commentary_detail, name="commentary_detail"),
    path("commentary/<int:pk>/review/", views.commentary_review, name="commentary_review"),
    path(
        "commentary/<int:pk>/board-response/",
        views.commentary_board_response,
        name="commentary_board_response",
    ),
    path("scrutiny/", views.scrutiny_list, name="scrutiny_list"),
    path("scrutiny/reports/add/", views.scrutiny_report_create, name="scrutiny_report_create"),
    path(
        "scrutiny/reports/<int:pk>/", views.scrutiny_report_detail, name="scrutiny_report_detail"
    ),
    path(
        "scrutiny/reports/<int:pk>/assessments/add/",
        views.scrutiny_assessment_add,
        name="scrutiny_assessment_add",
    ),
    path(
        "scrutiny/reports/<int:pk>/actions/add/",
        views.scrutiny_recommendation_action,
        name="scrutiny_recommendation_action",
    ),
    path("professional-differences/", views.difference_list, name="difference_list"),
    path("professional-differences/log/", views.difference_create, name="difference_create"),
    path("professional-differences/<int:pk>/", views.difference_update, name="difference_update"),
]
