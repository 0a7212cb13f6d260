from __future__ import annotations

from django.urls import path

from safeguarding.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.home, name="home"),
    path("arrangements/", views.arrangements, name="arrangements"),
    path("published-arrangements/", views.arrangements_public, name="arrangements_public"),
    path(
        "published-arrangements/<int:pk>/download/",
        views.arrangements_document_download,
        name="arrangements_document_download",
    ),
    path("arrangements/appointments/add/", views.appointment_create, name="appointment_create"),
    path("arrangements/appointments/<int:pk>/end/", views.appointment_end, name="appointment_end"),
    path(
        "arrangements/agencies/add/",
        views.arrangements_member_add,
        name="arrangements_member_add",
    ),
    path(
        "arrangements/versions/add/",
        views.arrangements_document_create,
        name="arrangements_document_create",
    ),
    path(
        "arrangements/versions/<int:pk>/sign-off/",
        views.arrangements_document_sign,
        name="arrangements_document_sign",
    ),
    path(
        "arrangements/versions/<int:pk>/publish/",
        views.arrangements_document_publish,
        name="arrangements_document_publish",
    ),
    path("figures/", views.figures, name="figures"),
    path("funding/", views.funding, name="funding"),
    path(
        "funding/contributions/add/",
        views.funding_contribution_record,
        name="funding_contribution_record",
    ),
    path("funding/spending/add/", views.budget_line_record, name="budget_line_record"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("groups/<int:pk>/", views.group_meetings, name="group_meetings"),
    path("groups/<int:pk>/schedule/", views.meeting_schedule, name="meeting_schedule"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/move/", views.meeting_reschedule, name="meeting_reschedule"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/calendar.ics", views.meeting_calendar, name="meeting_calendar"),
    path(
        "meetings/<int:pk>/invitations/",
        views.meeting_invitations_send,
        name="meeting_invitations_send",
    ),
    path("meetings/<int:pk>/agenda/add/", views.agenda_item_add, name="agenda_item_add"),
    path("meetings/<int:pk>/papers/add/", views.paper_upload, name="paper_upload"),
    path("meetings/<int:pk>/papers/publish/", views.papers_publish, name="papers_publish"),
    path("papers/<int:pk>/download/", views.paper_download, name="paper_download"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/decisions/add/", views.decision_record, name="decision_record"),
    path(
        "meetings/<int:pk>/actions/add/",
        views.meeting_action_record,
        name="meeting_action_record",
    ),
    path("meetings/<int:pk>/escalations/add/", views.escalation_raise, name="escalation_raise"),
    path("priorities/", views.priority_list, name="priority_list"),
    path("priorities/<int:pk>/", views.priority_detail, name="priority_detail"),
    path("priorities/<int:pk>/plan/", views.priority_plan_edit, name="priority_plan_edit"),
    path(
        "priorities/<int:pk>/progress/add/",
        views.priority_progress_add,
        name="priority_progress_add",
    ),
    path("priorities/<int:pk>/evidence/add/", views.evidence_link, name="evidence_link"),
]
