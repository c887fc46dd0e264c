"""Activity URLs: portal (partners and the coordinator write activities and their sessions; the coordinator
reviews them and keeps the holiday periods). The registration lists live in `portal_registrations`."""

from django.urls import path

from hvhk.activities.views import portal

urlpatterns = [
    path("activities/", portal.activity_list, name="portal-list"),
    path("activities/new/", portal.activity_new, name="portal-create"),
    path("activities/moderation/", portal.moderation_queue, name="portal-moderation"),
    path("activities/holidays/", portal.holidays, name="portal-holidays"),
    path("activities/holidays/<uuid:pk>/", portal.holiday_edit, name="portal-holiday-edit"),
    path("activities/<uuid:pk>/", portal.activity_detail, name="portal-detail"),
    path("activities/<uuid:pk>/edit/", portal.activity_edit, name="portal-edit"),
    path("activities/<uuid:pk>/review/", portal.activity_review, name="portal-review"),
    path("activities/<uuid:pk>/sessions/", portal.activity_sessions, name="portal-sessions"),
    path("activities/<uuid:pk>/sessions/<uuid:session_pk>/", portal.session_edit, name="portal-session-edit"),
]
