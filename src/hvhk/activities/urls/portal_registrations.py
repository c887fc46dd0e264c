"""Activity URLs: the organiser's registrations pages (list, CSV, attendance, cancelling) and the access log,
under /portal/activities/."""

from django.urls import path

from hvhk.activities.views import registrations_portal as views

urlpatterns = [
    path("activities/access-log/", views.access_log, name="access-log"),
    path("activities/<uuid:pk>/registrations/", views.registrations, name="registrations"),
    path("activities/<uuid:pk>/registrations.csv", views.registrations_csv, name="registrations-csv"),
    path("activities/registrations/<uuid:pk>/cancel/", views.registration_cancel, name="registration-cancel"),
    path("activities/sessions/<uuid:pk>/attendance/", views.session_attendance, name="session-attendance"),
    path("activities/sessions/<uuid:pk>/cancel/", views.session_cancel, name="session-cancel"),
]
