"""Decisions register, actions, documents and the minutes PDF (under /portal/, namespace `network`)."""

from django.urls import path

from hvhk.network.views import records as views

urlpatterns = [
    path("decisions/", views.decisions, name="decisions"),
    path(
        "meetings/<uuid:meeting_id>/items/<uuid:item_id>/decisions/new/",
        views.decision_new,
        name="decision-new",
    ),
    path("decisions/<uuid:pk>/edit/", views.decision_edit, name="decision-edit"),
    path("actions/", views.actions, name="actions"),
    path("actions/<uuid:pk>/", views.action, name="action"),
    path(
        "meetings/<uuid:meeting_id>/items/<uuid:item_id>/actions/new/",
        views.action_new,
        name="action-new",
    ),
    path("meetings/<uuid:meeting_id>/documents/new/", views.document_upload, name="document-upload"),
    path("bodies/<uuid:body_id>/documents/new/", views.body_document_upload, name="body-document-upload"),
    path("documents/<uuid:pk>/", views.document, name="document"),
    path("meetings/<uuid:pk>/minutes.pdf", views.minutes_pdf, name="minutes-pdf"),
]
