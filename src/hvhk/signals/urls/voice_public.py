"""Signal URLs under /<network>/: parents' voice, its calls to take part, and the feedback of families."""

from django.urls import path

from hvhk.signals.views import voice_public as views

urlpatterns = [
    path("voice/", views.voice, name="voice"),
    path("voice/thanks/", views.voice_thanks, name="voice-thanks"),
    path("voice/calls/<uuid:pk>/", views.call, name="call"),
    path("voice/feedback/request/", views.request_feedback, name="request-feedback"),
    path("voice/feedback/activity/", views.activity_feedback, name="activity-feedback"),
]
