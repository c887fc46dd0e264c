from django.urls import path

from hvhk.network.views import meetings as views

urlpatterns = [
    path("bodies/", views.body_list, name="bodies"),
    path("bodies/new/", views.body_form, name="body-new"),
    path("bodies/<uuid:pk>/", views.body_detail, name="body"),
    path("bodies/<uuid:pk>/edit/", views.body_form, name="body-edit"),
    path("bodies/<uuid:pk>/members/<uuid:member_id>/", views.body_member_change, name="body-member"),
    path("bodies/<uuid:body_id>/meetings/new/", views.meeting_new, name="meeting-new"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/attendance/", views.attendance_overview, name="attendance-overview"),
    path("meetings/<uuid:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<uuid:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<uuid:pk>/poll/", views.meeting_poll, name="meeting-poll"),
    path("meetings/<uuid:pk>/invite/", views.meeting_invite, name="meeting-invite"),
    path("meetings/<uuid:pk>/cancel/", views.meeting_cancel, name="meeting-cancel"),
    path("meetings/<uuid:pk>/minutes/", views.meeting_minutes, name="meeting-minutes"),
    path("meetings/<uuid:pk>/approve/", views.meeting_approve, name="meeting-approve"),
    path("meetings/<uuid:pk>/attendance/", views.meeting_attendance, name="meeting-attendance"),
    path("meetings/<uuid:pk>/items/new/", views.agenda_item_form, name="agenda-item-new"),
    path("meetings/<uuid:pk>/items/<uuid:item_id>/edit/", views.agenda_item_form, name="agenda-item-edit"),
    path(
        "meetings/<uuid:pk>/items/<uuid:item_id>/change/", views.agenda_item_change, name="agenda-item-change"
    ),
    path("calendar/", views.calendar_feed, name="calendar-feed"),
]
