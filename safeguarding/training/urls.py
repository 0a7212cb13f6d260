from __future__ import annotations

from django.urls import path

from safeguarding.training import views

app_name = "training"
urlpatterns = [
    # public
    path("", views.course_list, name="course_list"),
    path("courses/<int:pk>/", views.course_detail, name="course_detail"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("briefings/", views.briefing_list, name="briefing_list"),
    path("briefings/<int:pk>/", views.briefing_detail, name="briefing_detail"),
    path("certificates/verify/", views.certificate_verify, name="certificate_verify"),
    path(
        "certificates/verify/<str:code>/",
        views.certificate_verify_code,
        name="certificate_verify_code",
    ),
    # signed in
    path("sessions/<int:pk>/book/", views.session_book, name="session_book"),
    path("bookings/", views.booking_list, name="booking_list"),
    path("bookings/<int:pk>/calendar.ics", views.booking_calendar, name="booking_calendar"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/accept/", views.offer_accept, name="offer_accept"),
    path("bookings/<int:pk>/leave/", views.waitlist_leave, name="waitlist_leave"),
    path("bookings/<int:pk>/evaluate/", views.evaluation_create, name="evaluation_create"),
    path("bookings/<int:pk>/impact/", views.impact_response_create, name="impact_response_create"),
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/<int:pk>/", views.certificate_download, name="certificate_download"),
    path("briefings/<int:pk>/complete/", views.briefing_complete, name="briefing_complete"),
    # running training
    path("manage/", views.manage, name="manage"),
    path("manage/courses/add/", views.course_create, name="course_create"),
    path("manage/courses/<int:pk>/change/", views.course_update, name="course_update"),
    path("manage/courses/<int:pk>/sessions/add/", views.session_create, name="session_create"),
    path("manage/sessions/add/", views.session_add, name="session_add"),
    path("manage/sessions/<int:pk>/register/", views.session_register, name="session_register"),
    path(
        "manage/sessions/<int:pk>/register/all/",
        views.register_mark_all,
        name="register_mark_all",
    ),
    path("manage/sessions/<int:pk>/change/", views.session_update, name="session_update"),
    path("manage/sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("manage/approvals/", views.approval_list, name="approval_list"),
    path("manage/approvals/<int:pk>/", views.booking_approve, name="booking_approve"),
    path(
        "manage/certificates/<int:pk>/revoke/",
        views.certificate_revoke,
        name="certificate_revoke",
    ),
    path("manage/impact/<str:year>/", views.impact_report, name="impact_report"),
    path("manage/briefings/add/", views.briefing_create, name="briefing_create"),
    path("manage/needs/", views.needs_survey_list, name="needs_survey_list"),
    path("manage/needs/add/", views.needs_survey_create, name="needs_survey_create"),
    path("agencies/<int:pk>/", views.agency_training, name="agency_training"),
    path("statements/", views.statement_list, name="statement_list"),
    path("statements/<int:pk>/", views.agency_statement, name="agency_statement"),
    path("validations/", views.validation_list, name="validation_list"),
    path("validations/add/", views.validation_create, name="validation_create"),
    path("validations/<int:pk>/", views.validation_detail, name="validation_detail"),
    path("validations/<int:pk>/resubmit/", views.validation_resubmit, name="validation_resubmit"),
    path("needs/<int:pk>/", views.needs_survey_detail, name="needs_survey_detail"),
    path("needs/<int:pk>/respond/", views.needs_response_create, name="needs_response_create"),
]
