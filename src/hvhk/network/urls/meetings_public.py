from django.urls import path

from hvhk.network.views import meetings_public as views

urlpatterns = [
    path("meetings/answer/<str:token>/", views.meeting_answer, name="meeting-answer"),
    path("calendar/<str:token>.ics", views.calendar, name="calendar"),
]
