"""Signal URLs under /portal/: parents' contributions to moderate, and calls to take part with their sign-ups."""

from django.urls import path

from hvhk.signals.views import voice_portal as views

urlpatterns = [
    path("signals/voice/", views.voice_queue, name="voice-queue"),
    path("signals/voice/<uuid:pk>/", views.contribution, name="voice-contribution"),
    path("signals/calls/", views.calls, name="calls"),
    path("signals/calls/new/", views.call_new, name="call-new"),
    path("signals/calls/<uuid:pk>/", views.call_detail, name="call-detail"),
    path("signals/calls/<uuid:pk>/edit/", views.call_edit, name="call-edit"),
    path("signals/calls/<uuid:pk>/publish/", views.call_publish, name="call-publish"),
    path("signals/calls/<uuid:pk>/close/", views.call_close, name="call-close"),
]
