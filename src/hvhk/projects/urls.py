"""Funding calls and joint applications, in the portal: namespace `projects` under /portal/projects/."""

from django.urls import path

from hvhk.projects.views import portal

app_name = "projects"
urlpatterns = [
    path("portal/projects/", portal.index, name="index"),
    path("portal/projects/alerts/", portal.alerts, name="alerts"),
    path("portal/projects/calls/new/", portal.call_new, name="call-new"),
    path("portal/projects/calls/<uuid:pk>/", portal.call_detail, name="call"),
    path("portal/projects/calls/<uuid:pk>/edit/", portal.call_edit, name="call-edit"),
    path("portal/projects/applications/<uuid:pk>/", portal.application_detail, name="application"),
    path("portal/projects/applications/<uuid:pk>/text/", portal.application_text, name="application-text"),
    path(
        "portal/projects/applications/<uuid:pk>/invite/", portal.application_invite, name="application-invite"
    ),
    path(
        "portal/projects/applications/<uuid:pk>/status/", portal.application_status, name="application-status"
    ),
    path("portal/projects/applications/<uuid:pk>/documents/", portal.document_upload, name="document-upload"),
    path("portal/projects/applications/<uuid:pk>/milestones/", portal.milestone_add, name="milestone-add"),
    path("portal/projects/applications/<uuid:pk>/report/", portal.report, name="report"),
    path("portal/projects/invitations/<uuid:pk>/", portal.application_answer, name="answer"),
    path("portal/projects/documents/<uuid:pk>/", portal.document, name="document"),
    path("portal/projects/milestones/<uuid:pk>/", portal.milestone_done, name="milestone-done"),
    path("portal/projects/overview/", portal.year_overview, name="year"),
    path("portal/projects/overview.csv", portal.year_csv, name="year-csv"),
]
